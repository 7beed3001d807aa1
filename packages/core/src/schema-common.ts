import { z } from 'zod';
import { named } from './schema-registry.js';

// Parts shared by the answers' schemas (CONTRACT §3, §8–§10). Answers are described as the engine
// writes them; the engine's TypeScript types (types.ts) must agree, which schema-agreement.ts checks
// at build time.

/** An ISO 8601 calendar date as answers write it. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date', example: '2025-01-15' });

/** An ISO 3166-1 alpha-2 code as answers write it (upper case). */
export const CountryCodeSchema = z.string().meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' });

/** The answer for one regime or overall (CONTRACT §3), most restrictive first. */
export const VerdictSchema = named('Verdict', z.enum(['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled']).meta({
  description: 'Most restrictive first: prohibited › license_required › needs_information › authorization_available › no_license_required › not_controlled',
}));

/** How a licence application is reviewed; with `license_required`. */
export const LicensePolicySchema = named('LicensePolicy', z.enum(['case_by_case', 'presumption_of_denial', 'presumption_of_approval']));

/** A measure's legal status on a date. */
export const MeasureStatusSchema = named('MeasureStatus', z.enum(['not_yet_in_force', 'in_force', 'suspended', 'repealed']));

/** How sure the data is of a fact. */
export const ConfidenceSchema = named('Confidence', z.enum(['high', 'medium', 'low']).meta({ description: 'high: several sources or the official text; medium: one good source; low: weak or inferred' }));

/** Where a legal fact comes from. */
export const SourceSchema = named('Source', z.object({
  url: z.string(),
  publisher: z.string(),
  date: IsoDateSchema.meta({ description: 'publication date, or the date it was read when there is none' }),
  dateType: z.enum(['published', 'accessed']).optional().meta({ description: 'which of the two `date` is' }),
  title: z.string().optional(),
}).meta({ description: 'Where a legal fact comes from.' }));

/** When a measure applies: `from` inclusive, `to` the last day in force or null. */
export const EffectiveSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema.nullable() });

/** A period in which a measure, an entry or a listing does not apply; both ends inclusive. */
export const SuspensionSchema = named('Suspension', z.object({
  from: IsoDateSchema,
  to: IsoDateSchema.nullable().meta({ description: 'last suspended day, or null when open-ended' }),
  by: z.string().meta({ description: 'reference of the suspending act' }),
  byMeasure: z.string().optional(),
  scope: z.string().optional().meta({ description: 'which part is suspended, when not the whole' }),
}));

/** A listed party as a finding or warning names it. */
export const PartyRefSchema = named('PartyRef', z.object({ id: z.string(), name: z.string(), list: z.string(), listTitle: z.string() }));

/** A notice attached to an answer (`stale_data`, `status_unverified`, …). */
export const WarningSchema = named('Warning', z.object({
  code: z.string().meta({ example: 'stale_data' }),
  message: z.string(),
  jurisdiction: z.string().optional(),
  measure: z.string().optional(),
  path: z.string().optional().meta({ description: 'the request field the warning is about (endUser.owners[0] for a listed_owner)' }),
  party: PartyRefSchema.optional().meta({ description: 'the listed party it names (listed_owner)' }),
}));

/** Names in English and, where known, Chinese. */
export const NamesSchema = z.object({ en: z.string(), zh: z.string().optional() });
