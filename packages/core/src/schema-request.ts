import { z } from 'zod';
import { named } from './schema-registry.js';

// The request shapes of CONTRACT §2, defined once (`@chokepoint/core/schema` exposes every part with its
// full zod type; the package index exports the request schema). Core's validation takes its field names and enum
// values from here, the server's OpenAPI document and the MCP tools' input schemas use these schemas,
// and the build writes them as JSON Schema files (`@chokepoint/core/schemas/*.json`); schema.ts lists
// every shape, answers and errors included. The schemas give
// the structure; `normalizeRequest` adds what a schema cannot say (known countries, taxonomy IDs, code
// check digits, installed plugins) and its messages name each bad field.

const country = z.string().regex(/^[A-Za-z]{2}$/).meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' });
const text = z.string().min(1).max(300);

/** Kinds of transfer. */
export const TransferSchema = named('TransferType', z.enum(['goods', 'technology', 'software']).meta({ description: 'technology = know-how, technical data, services, and the people who carry it' }));
/** Declared end uses. */
export const EndUseSchema = z.enum(['civil', 'military', 'military-intelligence', 'wmd', 'unknown']);
/** Kinds of end user. */
export const EndUserTypeSchema = z.enum(['government', 'military', 'commercial', 'research', 'individual']);
/** Roles of other parties to a transfer. */
export const PartyRoleSchema = z.enum(['purchaser', 'intermediate_consignee', 'ultimate_consignee', 'freight_forwarder']);

/** An item without `content` (content may not be nested inside content). */
export const ItemBaseSchema = z.strictObject({
  id: z.string().max(200).optional().meta({ description: 'taxonomy ID', example: 'gallium/metal' }),
  hs: z.union([z.string(), z.number()]).optional().meta({ description: 'HS code, 4 to 10 digits; dots and spaces ignored', example: '8112.92' }),
  cnCode: z.union([z.string(), z.number()]).optional().meta({ description: 'China customs commodity code, 8 or 10 digits', example: '8112929010' }),
  cnControlCode: z.string().optional().meta({ description: "code in China's dual-use export control list, or the number of an entry of China's Catalogue of Technologies Prohibited or Restricted from Export (six digits and J or X, e.g. 083201X)", example: '1C902.a' }),
  eccn: z.string().optional().meta({ description: 'US ECCN as classified by the exporter', example: '1C226' }),
  euCode: z.string().optional().meta({ description: 'EU Annex I entry as classified by the exporter', example: '3C005.a' }),
  codes: z.record(z.string(), z.string()).optional().meta({ description: 'control codes of regimes the fields above do not name, keyed by jurisdiction; each plugin documents its format' }),
  cas: z.string().optional().meta({ description: 'CAS registry number', example: '7440-55-3' }),
  name: text.optional().meta({ description: 'free text, English or Chinese', example: 'gallium metal' }),
  parameters: z.record(z.string(), z.union([z.number(), z.string()])).optional().meta({ description: 'technical parameters { name: number } in the units their names say (CONTRACT §6)', example: { purity: 0.9999 } }),
  origin: country.optional().meta({ description: 'where the item was produced; default: from' }),
  valueUsd: z.union([z.number().min(0), z.string()]).optional().meta({ description: 'value of the line in US dollars' }),
});

/** One part of an item's value. */
export const ContentShareSchema = z.strictObject({
  item: ItemBaseSchema,
  origin: country,
  valueShare: z.number().min(0).max(1).optional().meta({ description: 'share of the item\'s value, 0–1. Leave it out for technology or software used to make the item (a foreign direct product: a taxonomy technology ID, or a list code of product group D or E such as 1E001), which is no share of its value; left out for goods, the share is unknown and a rule that turns on it asks for it' }),
});

/** What moves (CONTRACT §2 ItemRef): at least one identifier. */
export const ItemRefSchema = named('ItemRef', ItemBaseSchema.extend({
  content: z.array(ContentShareSchema).optional().meta({ description: 'what the item incorporates, for content-based rules (US de minimis, China rare-earth rules)' }),
}).meta({ description: 'What moves; at least one identifier (id, hs, cnCode, cnControlCode, eccn, euCode, codes, cas or name).' }));

/** One owner of an end user. */
export const OwnerSchema = z.strictObject({ name: text, country: country.optional(), share: z.number().min(0).max(1).optional().meta({ description: 'share held, 0–1 (50 % = 0.5)' }) });

/** Who receives the item. */
export const EndUserSchema = named('EndUser', z.strictObject({
  name: text.optional(),
  country: country.optional(),
  type: EndUserTypeSchema.optional(),
  nationalities: z.array(country).optional().meta({ description: 'citizenships of a natural person receiving technology (deemed exports)' }),
  owners: z.array(OwnerSchema).max(100).optional().meta({ description: 'who owns the end user, for ownership rules (EAR affiliates rule)' }),
  ownersComplete: z.boolean().optional().meta({ description: 'true when owners lists every owner; otherwise a regime with an ownership rule asks' }),
}));

/** Another party to a transfer, screened like the end user. */
export const PartySchema = named('Party', z.strictObject({ role: PartyRoleSchema, name: text, country: country.optional() }));

/** The request schema with its full zod type (its `shape` gives the validator its field names). */
export const requestSchema = named('AssessmentRequest', z.strictObject({
  id: z.union([z.string().max(200), z.number()]).optional().meta({ description: 'echoed back', example: 'line-17' }),
  item: ItemRefSchema,
  from: country.meta({ description: 'territory the item leaves', example: 'CN' }),
  to: country.meta({ description: 'destination', example: 'US' }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ description: 'date of the transfer; default today (UTC)', format: 'date', example: '2025-01-15' }),
  transfer: TransferSchema.optional(),
  endUse: EndUseSchema.optional(),
  endUser: EndUserSchema.optional(),
  parties: z.array(PartySchema).max(100).optional(),
  jurisdictions: z.array(z.string()).min(1).optional().meta({ description: 'only these regimes; default every installed plugin', example: ['CN', 'US', 'EU'] }),
}).meta({
  description: 'One transfer to assess (CONTRACT §2). The engine validates it and names each bad field.',
  example: { id: 'line-17', item: { cnCode: '8112929010' }, from: 'CN', to: 'US', date: '2025-01-15', endUse: 'civil' },
}));

/**
 * One assessment request (CONTRACT §2) as a zod schema: `AssessmentRequestSchema.safeParse(value)` checks
 * the structure; `engine.assess` checks the rest and names each bad field.
 */
export const AssessmentRequestSchema: z.ZodType<AssessmentRequestInput, AssessmentRequestInput> = requestSchema;

/** An assessment request as JSON callers write it (CONTRACT §2), inferred from {@link AssessmentRequestSchema}. */
export type AssessmentRequestInput = z.input<typeof requestSchema>;
