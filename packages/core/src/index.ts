export * from './types.js';
export type { NodeKind, NodeIdentifiers, TaxonomyNode, TaxonomyHit, TaxonomySearchHit, TaxonomyView, ValueChain, ChainStage, StageInput, SupplyFact, SourcingSanction } from './taxonomy.js';
export { searchWithNames } from './taxonomy.js';
export {
  isIsoDate, todayUtc, nextDay, previousDay, statusOn, combinedStatusOn, effectiveOf, statusTimeline, measureEvents, unverifiedResumption,
  type DatedRule, type MeasureEvent,
} from './dates.js';
export { VERDICT_PRECEDENCE, LICENSE_POLICY_PRECEDENCE, compareVerdicts, isVerdict, mostRestrictive, strictestPolicy } from './verdict.js';
export type { Composition } from './composition.js';
export { COMPLETE_AT, isElementShare, knownAbsent, unstatedShareAtMost } from './composition.js';
export { evaluateCondition, conditionParameters, describeCondition, compareParameter, type ConditionResult } from './conditions.js';
export { PARAMETER_SYNONYMS, SCALED_PARAMETERS } from './parameter-synonyms.js';
export { normalizeHs, normalizeCnCode, normalizeControlCode, normalizeListCode, normalizeSchemeCode, normalizeCas, controlCodeCovers, controlCodeAncestry, isSoftwareOrTechnologyCode } from './codes.js';
export { GroupMembership, type Spell } from './membership.js';
export { ValidationError, PluginRegistrationError, type FieldError } from './errors.js';
export { echoedId, normalizeRequest, requestWithParameters, type RequestContext, type CodeFormat } from './request.js';
export { inputSafetyProblems, MAX_INPUT_DEPTH } from './input-safety.js';
export { AnswerWriter } from './answer-writer.js';
export { contextWithRequest } from './evaluate.js';
export { resolveItem, type ListCodeHit, type ResolvedItem } from './resolve.js';
export {
  ListScreener, listedOrUnverified, listingExpiryMessage, NEAR_MISS_SCORE, normalizeScreeningRequest, PartyScreener, sameListingCountry, type AddressComparison, type PartyMatch, type ScreeningMatch, type ScreeningRequest, type ScreeningResponse,
} from './screening.js';
export { normalizeName, type NormalizedName } from './names.js';
export { BEGINNING_VALUES, DEFAULT_MIN_SCORE, NameIndex, type IndexedValue, type NameMatch, type NameSearchOptions } from './name-index.js';
export { BRAND_SCORE, brandMatcher, partiesFromList, partyIdFor, validatePartyList, type ListBinding, type ListBrand, type ListEntry, type PartyList } from './lists.js';
export { bundledLists, withImportedLists, type ListUsed } from './imported-lists.js';
export { applyAmendments, checkAmendmentShape, type Amendment, type AmendmentUsed, type StatusEvent } from './amendments.js';
export {
  definePlugin, controlCodeFieldOf, itemControlCode, type PluginDefinition, type PluginManifest, type ControlCodeField, type ControlCodeScheme, type ReachResult, type ReachContext,
  type EvaluationContext, type EvaluationResult, type FindingInput, type ContentShareResult, type ScopeChange, type CodeThreshold,
} from './plugin.js';
export { validatePlugin, type PluginValidationContext } from './validate-plugin.js';
export { createEngine, type Engine, type EngineOptions, type MeasureView, type MeasureEntryView, type ChangeView, type BatchOutcome, type Comparison, type RegimeComparison } from './engine.js';
export { CORE_VERSION, packageVersion } from './version.js';
export { Memo, MAX_KEY, type MemoStatistics } from './memo.js';
export { loadPlugins, pluginSpecifiers, OFFICIAL_PLUGINS, hostImporter, isMissingModule, type HostImporterOptions } from './load-plugins.js';
export { assessExposure, type ExposurePlan, type PlanInput, type ExposureResponse, type ExposureInput, type Chokepoint, type ChokepointRule, type Alternative, type TimelineEvent } from './exposure.js';
export { csvColumnPaths, csvRecordRequest, CsvHeaderError, type CsvColumnPath } from './csv-columns.js';
export { readNdjson, splitNdjson, sameAnswer, type BatchLine, type LineBatch } from './ndjson.js';
export type { DataStatus } from './knowledge.js';
export { portfolioChanges, type AnswerState, type PortfolioChange, type PortfolioLineChanges } from './portfolio.js';
export { AssessmentRequestSchema, FieldErrorSchema, jsonSchemas, type AssessmentRequestInput } from './schema.js';
export { ItemRefSchema, TransferSchema, type ItemRefInput } from './schema-public.js';
