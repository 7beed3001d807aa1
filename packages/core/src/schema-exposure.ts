import { z } from 'zod';
import { ItemRefSchema, TransferSchema } from './schema-request.js';
import { AdvisorySchema, JurisdictionAssessmentSchema, QuestionSchema } from './schema-assessment.js';
import { CountryCodeSchema, IsoDateSchema, LicensePolicySchema, VerdictSchema, WarningSchema } from './schema-common.js';
import { named } from './schema-registry.js';

// Exposure (CONTRACT §8): the plan a caller sends and the answer. `assessExposure` validates plans
// itself (known countries, chains and stages) and names each bad field; these schemas give the shape.

const country = z.string().regex(/^[A-Za-z]{2}$/).meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' });

/** One input of a plan named by hand. */
export const PlanInputSchema = named('PlanInput', z.object({
  item: ItemRefSchema,
  from: country.optional().meta({ description: "where the input comes from; required unless the plan's `from` is given" }),
  transfer: TransferSchema.optional(),
}));

/** A production step moving to a site (CONTRACT §8). */
export const ExposurePlanSchema = named('ExposurePlan', z.strictObject({
  name: z.string().optional(),
  site: country.meta({ description: 'where the production step is going', example: 'US' }),
  date: IsoDateSchema.optional().meta({ description: 'date of the move; default today (UTC)' }),
  chain: z.string().optional().meta({ description: 'a taxonomy value chain: lfp-cells, ndfeb-magnet-motors, lithium-brine-to-carbonate, smartphone-assembly', example: 'ndfeb-magnet-motors' }),
  stages: z.array(z.string()).optional().meta({ description: 'stages of the chain that move; default all', example: ['magnet-manufacturing'] }),
  inputs: z.array(PlanInputSchema).optional(),
  from: country.optional().meta({ description: "where chain inputs come from (extension); default each input's largest producer" }),
  endUse: z.enum(['civil', 'military', 'unknown']).optional().meta({ description: 'declared end use of the production (extension)' }),
}).meta({
  description: 'A production step moving to a site (CONTRACT §8): a chain, inputs named by hand, or both.',
  example: { name: 'motor line to the US', site: 'US', chain: 'ndfeb-magnet-motors', date: '2025-06-01' },
}));

const exposureItem = z.object({ id: z.string().optional(), resolved: z.array(z.string()), kind: z.string().optional(), stage: z.string().optional(), name: z.string().optional(), code: z.string().optional().meta({ description: 'the classification or customs code the plan gave for an input named without a taxonomy ID ("ECCN 3A090", "EU 1C010", "HS 8112.92")' }) });

/** Another country that produces an input, and the answer for sourcing from it. */
export const AlternativeSchema = named('Alternative', z.object({
  country: CountryCodeSchema, share: z.number(), year: z.number().int(), verdict: VerdictSchema,
  stage: z.string().optional().meta({ description: "the production stage the share is of: the input's own stage where the supply facts have it" }),
  atSite: z.boolean().optional().meta({ description: 'the country is the site itself: sourcing there is domestic, not an export' }),
  sanctions: z.object({ imposedBy: z.array(z.string()), note: z.string() }).optional()
    .meta({ description: 'sanctions on buying from the country on the date (import bans), which the export-control verdict does not weigh; not checked against the item' }),
}));

/** One input's answer in an exposure report. */
export const ExposureInputSchema = named('ExposureInput', z.object({
  item: exposureItem,
  from: CountryCodeSchema,
  transfer: TransferSchema,
  via: z.enum(['chain', 'plan']).meta({ description: 'how the input entered the plan' }),
  verdict: VerdictSchema,
  licensePolicy: LicensePolicySchema.optional(),
  jurisdictions: z.array(JurisdictionAssessmentSchema),
  questions: z.array(QuestionSchema),
  share: z.object({ share: z.number(), year: z.number().int(), stage: z.string(), source: z.string() }).optional().meta({ description: "the source country's share of world supply" }),
  sourceAssumed: z.boolean().optional().meta({ description: 'the plan did not name the source: it is the largest producer in the supply facts (a warning says so)' }),
  alternatives: z.array(AlternativeSchema),
}));

/** One rule that stops an input: a regime's finding in force on the date, or the question it asks first. */
export const ChokepointRuleSchema = named('ChokepointRule', z.object({
  jurisdiction: z.string(),
  requirement: VerdictSchema,
  licensePolicy: LicensePolicySchema.optional(),
  measure: z.string().optional(),
  reference: z.string().optional(),
  reason: z.string(),
  authorizations: z.array(z.object({ id: z.string(), title: z.string() })).optional().meta({ description: 'general authorisations that cover it if their conditions are met' }),
}));

/** An input that cannot follow the production step freely. */
export const ChokepointSchema = named('Chokepoint', z.object({
  item: exposureItem,
  from: CountryCodeSchema,
  transfer: TransferSchema,
  verdict: VerdictSchema,
  share: z.number().optional(),
  why: z.string(),
  rules: z.array(ChokepointRuleSchema).meta({ description: 'every rule that stops the input, regime by regime (extension)' }),
}));

/** A dated change that touched the plan's inputs. */
export const TimelineEventSchema = named('TimelineEvent', z.object({
  date: IsoDateSchema,
  event: z.enum(['published', 'in_force', 'suspended', 'resumed', 'repealed']),
  jurisdiction: z.string(),
  measure: z.string(),
  title: z.string(),
  reference: z.string(),
  scope: z.string().optional().meta({ description: 'the part of the measure that changed, where a later rule changed what it lists (e.g. "ECCN 3A090")' }),
  url: z.string().optional().meta({ description: 'where the rule that changed what the measure lists is published, when its plugin gives it' }),
  inputs: z.array(z.string()).meta({ description: 'the inputs it touched: taxonomy IDs, or the code or name the plan gave an input the taxonomy does not resolve' }),
}));

/** The answer to an exposure plan (CONTRACT §8). */
export const ExposureResponseSchema = named('ExposureResponse', z.object({
  plan: z.string().optional(),
  site: CountryCodeSchema,
  date: IsoDateSchema,
  chain: z.string().optional(),
  inputs: z.array(ExposureInputSchema),
  chokepoints: z.array(ChokepointSchema).meta({ description: 'inputs that cannot follow freely, most severe first' }),
  timeline: z.array(TimelineEventSchema),
  advisories: z.array(AdvisorySchema),
  questions: z.array(QuestionSchema).meta({ description: 'what the plan must say before some inputs can be assessed, such as where an input comes from (extension)' }),
  notAssessed: z.array(z.object({
    item: z.object({ id: z.string().optional(), name: z.string().optional() }),
    stage: z.string().optional(),
    transfer: TransferSchema,
  })).meta({ description: 'inputs not assessed because neither the plan nor the supply facts name where they come from, each asked about in questions (extension)' }),
  warnings: z.array(WarningSchema),
}).meta({ description: 'Which inputs cannot follow the step: chokepoints, alternatives, timeline, advisories (CONTRACT §8).' }));
