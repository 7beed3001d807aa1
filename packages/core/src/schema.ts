import type { z } from 'zod';
import { AssessmentResponseSchema } from './schema-assessment.js';
import { ExposurePlanSchema, ExposureResponseSchema } from './schema-exposure.js';
import { BatchLineErrorSchema, DataStatusSchema, PortfolioLineChangesSchema, ScreeningRequestSchema, ScreeningResponseSchema } from './schema-knowledge.js';
import { FieldErrorSchema, ProblemSchema } from './schema-problem.js';
import { ChangeViewSchema, ComparisonSchema, MeasureDetailSchema, MeasureViewSchema, PluginInfoSchema, TaxonomyNodeDetailsSchema, TaxonomySearchHitSchema } from './schema-reference.js';
import { jsonSchemaDocument } from './schema-registry.js';
import { requestSchema } from './schema-request.js';

// Every public JSON shape, defined once in zod (`@chokepoint/core/schema`): requests (CONTRACT §2, §8,
// §9), answers (§3, §8–§10 and the reference routes of §7) and errors (§7). From here come the JSON
// Schema files published with the package, the server's OpenAPI components (`openApiSchemas`) and the
// MCP tools' input and output schemas. Requests are validated by hand-written checks that take their
// field names from these schemas (request.ts); answers are not parsed at run time: tests check that
// real answers of every plugin parse, and schema-agreement.ts that the engine's types agree.

export * from './schema-request.js';
export * from './schema-common.js';
export * from './schema-assessment.js';
export * from './schema-exposure.js';
export * from './schema-knowledge.js';
export * from './schema-reference.js';
export * from './schema-problem.js';
export { openApiSchemas } from './schema-registry.js';
export type { Fits, KeyDiff, NoDiff } from './schema-keys.js';

const FILES: Record<string, z.ZodType> = {
  'assessment-request': requestSchema,
  'assessment-response': AssessmentResponseSchema,
  'exposure-plan': ExposurePlanSchema,
  'exposure-response': ExposureResponseSchema,
  'screening-request': ScreeningRequestSchema,
  'screening-response': ScreeningResponseSchema,
  'data-status': DataStatusSchema,
  'portfolio-line-changes': PortfolioLineChangesSchema,
  'batch-line-error': BatchLineErrorSchema,
  'measure': MeasureViewSchema,
  'measure-detail': MeasureDetailSchema,
  'change': ChangeViewSchema,
  'comparison': ComparisonSchema,
  'taxonomy-node': TaxonomyNodeDetailsSchema,
  'taxonomy-search-hit': TaxonomySearchHitSchema,
  'plugin': PluginInfoSchema,
  'problem': ProblemSchema,
  'field-error': FieldErrorSchema,
};

/** The JSON Schema files published with the package, by file name (`@chokepoint/core/schemas/<name>`). */
export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(Object.entries(FILES).map(([title, schema]) => [`${title}.schema.json`, jsonSchemaDocument(schema, title)]));
}
