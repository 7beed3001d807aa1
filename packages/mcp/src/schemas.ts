import {
  AssessmentRequestSchema, AssessmentResponseSchema, ChangesQuerySchema, ChangeViewSchema, DataStatusSchema, ExposurePlanSchema, ExposureResponseSchema,
  MeasuresQuerySchema, MeasureViewSchema, ScreeningRequestSchema, ScreeningResponseSchema, TaxonomySearchHitSchema, TaxonomySearchSchema,
} from '@chokepoint/core/schema';
import { z } from 'zod';

// The tools' input and output schemas are core's (`@chokepoint/core/schema`): the same definitions give
// the SDK's types, the JSON Schema files and the server's OpenAPI document. The client sees them as JSON
// Schema and the SDK checks arguments against them; the engine then checks what a schema cannot (known
// countries, taxonomy IDs, codes) and names the field. Answers are not checked here: the tests check that
// real answers match. A list is returned as `{ items }`, since structured content is an object.

/** Input schemas by tool. */
export const inputs = {
  assess_transfer: AssessmentRequestSchema,
  search_items: TaxonomySearchSchema,
  list_measures: MeasuresQuerySchema,
  list_changes: ChangesQuerySchema,
  plan_exposure: ExposurePlanSchema,
  screen_party: ScreeningRequestSchema,
};

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Output (structured content) schemas by tool. */
export const outputs = {
  assess_transfer: AssessmentResponseSchema,
  search_items: items(TaxonomySearchHitSchema),
  list_measures: items(MeasureViewSchema),
  list_changes: items(ChangeViewSchema),
  plan_exposure: ExposureResponseSchema,
  screen_party: ScreeningResponseSchema,
  data_status: DataStatusSchema,
};
