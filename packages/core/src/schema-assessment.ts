import { z } from 'zod';
import { ConfidenceSchema, CountryCodeSchema, EffectiveSchema, IsoDateSchema, LicensePolicySchema, MeasureStatusSchema, PartyRefSchema, SourceSchema, VerdictSchema, WarningSchema } from './schema-common.js';
import { named } from './schema-registry.js';

// The assessment answer of CONTRACT §3, part by part.

/** One rule that matched (CONTRACT §3 Finding). */
export const FindingSchema = named('Finding', z.object({
  measure: z.object({ id: z.string(), title: z.string(), reference: z.string(), authority: z.string(), url: z.string() }),
  entry: z.object({ id: z.string(), code: z.string().optional() }).optional().meta({ description: 'the list line, where there is one' }),
  requirement: VerdictSchema,
  licensePolicy: LicensePolicySchema.optional(),
  status: MeasureStatusSchema.meta({ description: 'status of the measure on the request date; only in_force findings count toward the verdict' }),
  effective: EffectiveSchema,
  reason: z.string().meta({ description: 'one sentence a compliance officer can act on' }),
  matchedOn: z.array(z.string()).meta({ example: ['cnCode 8112929010'] }),
  party: PartyRefSchema.optional().meta({ description: 'the listed party that matched, for screening findings' }),
  confidence: ConfidenceSchema.optional(),
}).meta({ description: 'One rule that matched. Measures not in force on the date are listed too and change nothing.' }));

/** A licence exception or general authorisation that covers the transfer. */
export const AuthorizationSchema = named('Authorization', z.object({
  id: z.string().meta({ example: 'EU001' }),
  title: z.string(),
  conditions: z.array(z.string()),
  url: z.string().optional(),
}));

/** A fact the request lacks that would decide a rule. */
export const QuestionSchema = named('Question', z.object({
  parameter: z.string().meta({ description: 'the missing parameter or request field', example: 'purity' }),
  prompt: z.string(),
  candidates: z.array(z.string()).optional(),
  jurisdiction: z.string().optional(),
}));

/** A non-binding signal (informal holds, customs delays, guidance); it never changes a verdict. */
export const AdvisorySchema = named('Advisory', z.object({
  id: z.string(),
  title: z.string(),
  corridor: z.object({ from: CountryCodeSchema, to: z.array(CountryCodeSchema) }),
  measureType: z.string().meta({ example: 'customs_hold' }),
  evidence: z.enum(['alleged', 'reported', 'confirmed']),
  status: z.enum(['active', 'eased', 'resolved', 'unknown']),
  firstReported: IsoDateSchema,
  lastUpdated: IsoDateSchema.optional(),
  summary: z.string().optional(),
  itemScope: z.object({ ids: z.array(z.string()).optional(), hs: z.array(z.string()).optional(), transfers: z.array(z.enum(['goods', 'technology', 'software'])).optional() }).optional(),
  officialPosition: z.enum(['denied', 'no_comment', 'acknowledged', 'unknown']).optional(),
  measures: z.array(z.string()).optional().meta({ description: 'Measures whose status it reports on; their status_unverified warnings name it, and it never changes their status.' }),
  sources: z.array(SourceSchema),
}).meta({ description: 'A non-binding signal: informal holds, customs delays, personnel recalls, guidance. It never changes a verdict.' }));

/** A plugin as an answer names it. */
export const PluginIdentitySchema = named('PluginIdentity', z.object({ name: z.string(), version: z.string(), dataVerifiedThrough: IsoDateSchema }));

/** One regime's answer. */
export const JurisdictionAssessmentSchema = named('JurisdictionAssessment', z.object({
  jurisdiction: z.string().meta({ example: 'CN' }),
  plugin: PluginIdentitySchema,
  reaches: z.boolean(),
  reach: z.string().meta({ example: 'export from the territory of the PRC' }),
  verdict: VerdictSchema,
  licensePolicy: LicensePolicySchema.optional(),
  authorizations: z.array(AuthorizationSchema),
  findings: z.array(FindingSchema),
  questions: z.array(QuestionSchema).optional().meta({ description: "this regime's questions; the answer gathers all of them in `questions`" }),
}));

/** One plugin's data behind an answer (CONTRACT §3 `data`, §10). */
export const DataUsedSchema = named('DataUsed', z.object({
  plugin: z.string(),
  version: z.string(),
  dataVerifiedThrough: IsoDateSchema,
  lists: z.array(z.object({
    id: z.string(), asOf: IsoDateSchema, entries: z.number().int(), origin: z.enum(['imported', 'bundled']),
    sample: z.boolean().optional().meta({ description: 'true when the bundled copy is a sample, not the whole list (the answer warns sample_list)' }),
  })),
  amendments: z.array(z.object({ id: z.string(), sha256: z.string(), file: z.string().optional() })),
}));

/** The answer to one assessment request (CONTRACT §3). */
export const AssessmentResponseSchema = named('AssessmentResponse', z.object({
  id: z.union([z.string(), z.number()]).optional().meta({ description: 'the request id, echoed as given (text or number)' }),
  verdict: VerdictSchema.meta({ description: 'most restrictive over the regimes that reach the transfer' }),
  date: IsoDateSchema,
  item: z.object({
    resolved: z.array(z.string()).meta({ description: 'taxonomy IDs the item resolved to' }),
    matchedBy: z.string(),
    candidates: z.array(z.string()).optional(),
    hsHeading: z.object({ code: z.string(), description: z.string() }).optional(),
  }),
  jurisdictions: z.array(JurisdictionAssessmentSchema),
  questions: z.array(QuestionSchema),
  advisories: z.array(AdvisorySchema),
  warnings: z.array(WarningSchema),
  data: z.array(DataUsedSchema).meta({ description: 'what the answer rests on, one entry per installed plugin' }),
}).meta({ description: 'The answer to one request (CONTRACT §3).' }));
