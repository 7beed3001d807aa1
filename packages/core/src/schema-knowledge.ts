import { z } from 'zod';
import { DataUsedSchema } from './schema-assessment.js';
import { IsoDateSchema, LicensePolicySchema, SourceSchema, SuspensionSchema, VerdictSchema, WarningSchema } from './schema-common.js';
import { FieldErrorSchema } from './schema-problem.js';
import { named } from './schema-registry.js';

// Party screening (CONTRACT §9), data status and portfolio changes (§10), and the error line of an
// NDJSON batch. `normalizeScreeningRequest` validates screening requests and names each bad field.

/** A party to screen (CONTRACT §9). */
export const ScreeningRequestSchema = named('ScreeningRequest', z.strictObject({
  id: z.union([z.string(), z.number()]).optional().meta({ description: 'echoed back as given (text or number)' }),
  name: z.string().min(1).max(500).meta({ description: 'name of the company or person, any script', example: 'Huawei Technologies Co., Ltd.' }),
  country: z.string().regex(/^[A-Za-z]{2}$/).optional().meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' }),
  address: z.string().max(1000).optional().meta({ description: 'the party\'s address: each match says how it compares with the entry\'s addresses (names alone decide matches and scores)' }),
  lists: z.array(z.string()).optional().meta({ description: 'only these lists; default every loaded list', example: ['us-entity-list'] }),
  minScore: z.number().min(0).max(1).optional().meta({ description: 'lowest score reported, 0–1' }),
}).meta({ description: 'A party to screen against the loaded lists (CONTRACT §9).', example: { name: 'Huawei Technologies Co., Ltd.', country: 'CN' } }));

/** One listed party as its publisher lists it (CONTRACT §9 `entry`). */
export const ListEntrySchema = named('ListEntry', z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  country: z.string().optional(),
  addresses: z.array(z.string()).optional(),
  listedOn: IsoDateSchema.optional(),
  removedOn: IsoDateSchema.optional(),
  suspensions: z.array(SuspensionSchema).optional(),
  programs: z.array(z.string()).optional(),
  type: z.string().optional().meta({ description: 'Entity, Individual, Vessel, Aircraft … as the publisher says' }),
  requirement: VerdictSchema.optional(),
  licensePolicy: LicensePolicySchema.optional(),
  licenseRequirementText: z.string().optional(),
  licensePolicyText: z.string().optional(),
  notice: z.string().optional(),
  footnotes: z.array(z.number()).optional(),
  remarks: z.string().optional(),
  sourceUrl: z.string().optional(),
}));

/** One screening hit (CONTRACT §9). */
export const ScreeningMatchSchema = named('ScreeningMatch', z.object({
  list: z.string().meta({ example: 'us-entity-list' }),
  listName: z.string(),
  jurisdiction: z.string(),
  entry: ListEntrySchema,
  matchedName: z.string().meta({ description: 'the name or alias that matched; for a brand match, the brand' }),
  brand: z.string().optional().meta({ description: 'only for a brand match: the brand the screened name carries, which the list binding ties to this entry or its group (ListBinding.brands); score 0.9' }),
  score: z.number(),
  explanation: z.string(),
  consequence: VerdictSchema.meta({ description: 'what a hit means under that list' }),
  licensePolicy: LicensePolicySchema.optional(),
  source: SourceSchema,
  warnings: z.array(WarningSchema).optional().meta({ description: 'listing_expiry_unverified: the entry was due to leave the list after the copy was taken; the copy cannot confirm it did (orders are often renewed), so the hit stands' }),
  address: z.object({
    address: z.string().meta({ description: 'the entry address sharing most words with the one given' }),
    shared: z.array(z.string()).meta({ description: 'the words they share (lower-case; filler words such as "road" or "floor" left out)' }),
    share: z.number().meta({ description: 'shared words ÷ words of the given address, 0 to 1' }),
  }).optional().meta({ description: 'only when the request gives an address and the entry has some: evidence for the reviewer; names alone decide matches and scores' }),
}));

/** The answer to a screening request (CONTRACT §9). */
export const ScreeningResponseSchema = named('ScreeningResponse', z.object({
  id: z.union([z.string(), z.number()]).optional(),
  query: z.object(ScreeningRequestSchema.shape).meta({ description: 'the request as validated' }),
  matches: z.array(ScreeningMatchSchema).meta({ description: 'best first' }),
  lists: z.array(z.object({
    id: z.string(), name: z.string(), jurisdiction: z.string(), entries: z.number().int(), asOf: IsoDateSchema,
    consequence: z.object({ requirement: VerdictSchema, licensePolicy: LicensePolicySchema.optional(), summary: z.string() })
      .meta({ description: 'what a hit on the list means: the requirement and review policy, and the rule in words' }),
  })),
  nearMatches: z.array(ScreeningMatchSchema).optional().meta({ description: 'only when no name reaches minScore: up to five names scoring 0.6 or more or beginning with the words given ("Raytheon" for "Raytheon Missiles & Defense"), best first, for review by hand (a brand given alone that no list binding names scores below the default threshold). They are not matches.' }),
  warnings: z.array(WarningSchema).optional().meta({ description: 'what the lists screened rest on, when it limits the answer: stale_list (a list older than listMaxAgeDays), sample_list (a bundled copy that is not the whole list); absent when there is nothing to say' }),
}).meta({ description: 'Matches of a party on the loaded lists, best first, with the lists screened (CONTRACT §9).' }));

/** What the answers rest on (CONTRACT §10 `data status`). */
export const DataStatusSchema = named('DataStatus', z.object({
  plugins: z.array(DataUsedSchema),
  lists: z.array(z.object({
    id: z.string(), name: z.string(), jurisdiction: z.string(), entries: z.number().int(), asOf: IsoDateSchema,
    origin: z.enum(['imported', 'bundled']), stale: z.boolean().meta({ description: 'older than listMaxAgeDays' }),
    sample: z.string().optional().meta({ description: 'what the bundled copy holds when it is not the whole list; import the full list with data update' }),
  })).meta({ description: 'every list screening uses' }),
  amendments: z.array(z.object({ id: z.string(), sha256: z.string(), file: z.string().optional() })),
  listMaxAgeDays: z.number(),
}).meta({ description: 'Each plugin with its data version and vintage, each list with its entries and asOf, the amendments loaded (CONTRACT §10).' }));

/** A regime's answer at one point: what a portfolio change is measured in. */
export const AnswerStateSchema = named('AnswerState', z.object({ verdict: VerdictSchema, licensePolicy: LicensePolicySchema.optional() }));

/** What changes for one portfolio line in a window (CONTRACT §10 `changes --input`). */
export const PortfolioLineChangesSchema = named('PortfolioLineChanges', z.object({
  id: z.union([z.string(), z.number()]).optional().meta({ description: "the line's id, echoed as given (text or number)" }),
  on: VerdictSchema.meta({ description: 'the verdict on the first day of the window (D1)' }),
  onDate: IsoDateSchema.meta({ description: 'the first day of the window (D1)' }),
  changes: z.array(z.object({
    date: IsoDateSchema,
    jurisdiction: z.string(),
    before: AnswerStateSchema,
    after: AnswerStateSchema,
    measures: z.array(z.string()).meta({ description: 'measures with an event on that date that bear on the line' }),
  })),
}));

/** An NDJSON batch line that could not be answered; the batch goes on with the next line. */
export const BatchLineErrorSchema = named('BatchLineError', z.object({
  // One union with null rather than `.nullable()`, which an OpenAPI 3.0 document cannot put on a schema without a type.
  id: z.union([z.string(), z.number(), z.null()]).optional().meta({ description: "the line's id as given (text or number), null when it has none or the line could not be read" }),
  line: z.number().int().meta({ description: 'line number, from 1' }),
  error: z.object({ code: z.string().meta({ example: 'invalid_request' }), message: z.string(), errors: z.array(FieldErrorSchema).optional() }),
}));
