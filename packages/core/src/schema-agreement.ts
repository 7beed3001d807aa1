import type { z } from 'zod';
import type { AmendmentUsed } from './amendments.js';
import type { ChangeView, Comparison, Engine, MeasureEntryView, MeasureView } from './engine.js';
import type { FieldError } from './errors.js';
import type { ExposurePlan, ExposureResponse } from './exposure.js';
import type { DataStatus } from './knowledge.js';
import type { ListEntry } from './lists.js';
import type { PortfolioLineChanges } from './portfolio.js';
import type * as S from './schema.js';
import type { Fits, KeyDiff, NoDiff } from './schema-keys.js';
import type { ScreeningRequest, ScreeningResponse } from './screening.js';
import type { SupplyFact, TaxonomyHit, TaxonomyNode } from './taxonomy.js';
import type { Advisory, AssessmentRequest, AssessmentResponse, DataUsed, Finding, JurisdictionAssessment, Source, Suspension, Warning } from './types.js';

// The engine's TypeScript types and the schemas describe the same JSON. This file holds no code: the
// build (tsc) fails, naming the field, when a type and its schema drift apart. Answers must agree both
// ways and have the same fields; for requests, whatever the type allows must pass the schema.

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type _Answers = [
  Fits<Out<typeof S.AssessmentResponseSchema>, AssessmentResponse>, Fits<AssessmentResponse, Out<typeof S.AssessmentResponseSchema>>, NoDiff<KeyDiff<Out<typeof S.AssessmentResponseSchema>, AssessmentResponse>>,
  Fits<Out<typeof S.FindingSchema>, Finding>, Fits<Finding, Out<typeof S.FindingSchema>>, NoDiff<KeyDiff<Out<typeof S.FindingSchema>, Finding>>,
  Fits<Out<typeof S.JurisdictionAssessmentSchema>, JurisdictionAssessment>, Fits<JurisdictionAssessment, Out<typeof S.JurisdictionAssessmentSchema>>, NoDiff<KeyDiff<Out<typeof S.JurisdictionAssessmentSchema>, JurisdictionAssessment>>,
  Fits<Out<typeof S.AdvisorySchema>, Advisory>, Fits<Advisory, Out<typeof S.AdvisorySchema>>, NoDiff<KeyDiff<Out<typeof S.AdvisorySchema>, Advisory>>,
  Fits<Out<typeof S.WarningSchema>, Warning>, Fits<Warning, Out<typeof S.WarningSchema>>, NoDiff<KeyDiff<Out<typeof S.WarningSchema>, Warning>>,
  Fits<Out<typeof S.DataUsedSchema>, DataUsed>, Fits<DataUsed, Out<typeof S.DataUsedSchema>>, NoDiff<KeyDiff<Out<typeof S.DataUsedSchema>, DataUsed>>,
  Fits<Out<typeof S.SourceSchema>, Source>, Fits<Source, Out<typeof S.SourceSchema>>, NoDiff<KeyDiff<Out<typeof S.SourceSchema>, Source>>,
  Fits<Out<typeof S.SuspensionSchema>, Suspension>, Fits<Suspension, Out<typeof S.SuspensionSchema>>, NoDiff<KeyDiff<Out<typeof S.SuspensionSchema>, Suspension>>,
  Fits<Out<typeof S.ExposureResponseSchema>, ExposureResponse>, Fits<ExposureResponse, Out<typeof S.ExposureResponseSchema>>, NoDiff<KeyDiff<Out<typeof S.ExposureResponseSchema>, ExposureResponse>>,
  Fits<Out<typeof S.ScreeningResponseSchema>, ScreeningResponse>, Fits<ScreeningResponse, Out<typeof S.ScreeningResponseSchema>>, NoDiff<KeyDiff<Out<typeof S.ScreeningResponseSchema>, ScreeningResponse>>,
  Fits<Out<typeof S.ListEntrySchema>, ListEntry>, Fits<ListEntry, Out<typeof S.ListEntrySchema>>, NoDiff<KeyDiff<Out<typeof S.ListEntrySchema>, ListEntry>>,
  Fits<Out<typeof S.DataStatusSchema>, DataStatus>, Fits<DataStatus, Out<typeof S.DataStatusSchema>>, NoDiff<KeyDiff<Out<typeof S.DataStatusSchema>, DataStatus>>,
  Fits<Out<typeof S.DataStatusSchema>['amendments'][number], AmendmentUsed>, Fits<AmendmentUsed, Out<typeof S.DataStatusSchema>['amendments'][number]>, NoDiff<KeyDiff<Out<typeof S.DataStatusSchema>['amendments'][number], AmendmentUsed>>,
  Fits<Out<typeof S.PortfolioLineChangesSchema>, PortfolioLineChanges>, Fits<PortfolioLineChanges, Out<typeof S.PortfolioLineChangesSchema>>, NoDiff<KeyDiff<Out<typeof S.PortfolioLineChangesSchema>, PortfolioLineChanges>>,
  Fits<Out<typeof S.MeasureViewSchema>, MeasureView>, Fits<MeasureView, Out<typeof S.MeasureViewSchema>>, NoDiff<KeyDiff<Out<typeof S.MeasureViewSchema>, MeasureView>>,
  Fits<Out<typeof S.MeasureEntryViewSchema>, MeasureEntryView>, Fits<MeasureEntryView, Out<typeof S.MeasureEntryViewSchema>>, NoDiff<KeyDiff<Out<typeof S.MeasureEntryViewSchema>, MeasureEntryView>>,
  Fits<Out<typeof S.ChangeViewSchema>, ChangeView>, Fits<ChangeView, Out<typeof S.ChangeViewSchema>>, NoDiff<KeyDiff<Out<typeof S.ChangeViewSchema>, ChangeView>>,
  Fits<Out<typeof S.ComparisonSchema>, Comparison>, Fits<Comparison, Out<typeof S.ComparisonSchema>>, NoDiff<KeyDiff<Out<typeof S.ComparisonSchema>, Comparison>>,
  Fits<Out<typeof S.TaxonomyNodeSchema>, TaxonomyNode>, Fits<TaxonomyNode, Out<typeof S.TaxonomyNodeSchema>>, NoDiff<KeyDiff<Out<typeof S.TaxonomyNodeSchema>, TaxonomyNode>>,
  Fits<Out<typeof S.SupplyFactSchema>, SupplyFact>, Fits<SupplyFact, Out<typeof S.SupplyFactSchema>>, NoDiff<KeyDiff<Out<typeof S.SupplyFactSchema>, SupplyFact>>,
  Fits<Out<typeof S.TaxonomyHitSchema>, TaxonomyHit>, Fits<TaxonomyHit, Out<typeof S.TaxonomyHitSchema>>, NoDiff<KeyDiff<Out<typeof S.TaxonomyHitSchema>, TaxonomyHit>>,
  Fits<Out<typeof S.PluginInfoSchema>, Engine['plugins'][number]>, Fits<Engine['plugins'][number], Out<typeof S.PluginInfoSchema>>, NoDiff<KeyDiff<Out<typeof S.PluginInfoSchema>, Engine['plugins'][number]>>,
  Fits<Out<typeof S.FieldErrorSchema>, FieldError>, Fits<FieldError, Out<typeof S.FieldErrorSchema>>, NoDiff<KeyDiff<Out<typeof S.FieldErrorSchema>, FieldError>>,
];

export type _Requests = [
  Fits<AssessmentRequest, In<typeof S.AssessmentRequestSchema>>,
  Fits<ExposurePlan, In<typeof S.ExposurePlanSchema>>,
  Fits<ScreeningRequest, In<typeof S.ScreeningRequestSchema>>,
  Fits<Out<typeof S.MeasuresQuerySchema>, NonNullable<Parameters<Engine['measures']>[0]>>, Fits<NonNullable<Parameters<Engine['measures']>[0]>, Out<typeof S.MeasuresQuerySchema>>,
  Fits<Out<typeof S.ChangesQuerySchema>, Parameters<Engine['changes']>[0]>,
];
