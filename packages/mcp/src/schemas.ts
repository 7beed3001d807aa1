import { z } from 'zod';

// Input schemas of the tools, written from CONTRACT §2, §8 and §9. They describe the fields to the
// assistant (the client sees them as JSON Schema); the engine still validates every request and names
// the bad field, so these stay loose where the engine is stricter (codes, dates, unknown fields).
// When @chokepoint/core exports its request schema, these should be derived from it.

const country = z.string().describe('ISO 3166-1 alpha-2 code, e.g. "CN", "US", "DE"');
const isoDate = z.string().describe('calendar date YYYY-MM-DD');

/** What moves (CONTRACT §2 ItemRef): at least one identifier. */
export const itemRef: z.ZodType = z.lazy(() =>
  z.looseObject({
    id: z.string().optional().describe('taxonomy ID, e.g. "gallium/metal", "dysprosium/oxide" (find one with search_items)'),
    hs: z.string().optional().describe('HS code, 4 to 10 digits; dots and spaces ignored'),
    cnCode: z.string().optional().describe('China customs commodity code, 8 or 10 digits'),
    cnControlCode: z.string().optional().describe("code in China's dual-use export control list, e.g. \"1C902.a\""),
    eccn: z.string().optional().describe('US ECCN as classified by the exporter, e.g. "1C226", "EAR99"'),
    euCode: z.string().optional().describe('EU Annex I entry, e.g. "3C005.a"'),
    codes: z.record(z.string(), z.string()).optional().describe('control codes of other regimes, keyed by jurisdiction'),
    cas: z.string().optional().describe('CAS registry number, e.g. "7440-55-3"'),
    name: z.string().optional().describe('free text, English or Chinese'),
    parameters: z.record(z.string(), z.number()).optional().describe('technical parameters, { name: number }'),
    origin: country.optional().describe('where the item was produced; default: from'),
    content: z.array(z.looseObject({ item: itemRef, origin: country.optional(), valueShare: z.number().optional() })).optional()
      .describe('what the item incorporates, for content-based rules'),
    valueUsd: z.number().optional().describe('value of the line in US dollars'),
  }).describe('what moves: at least one identifier'),
);

const party = z.looseObject({
  name: z.string(),
  country: country.optional(),
  type: z.enum(['government', 'military', 'commercial', 'research', 'individual']).optional(),
  owners: z.array(z.looseObject({ name: z.string(), country: country.optional(), share: z.number().optional() })).optional(),
  ownersComplete: z.boolean().optional(),
});

/** An assessment request (CONTRACT §2). */
export const assessmentRequest = z.looseObject({
  id: z.string().optional().describe('echoed back'),
  item: itemRef,
  from: country.describe('territory the item leaves (ISO alpha-2)'),
  to: country.describe('destination (ISO alpha-2)'),
  date: isoDate.optional().describe('date of the transfer, YYYY-MM-DD; default today'),
  transfer: z.enum(['goods', 'technology', 'software']).optional(),
  endUse: z.enum(['civil', 'military', 'military-intelligence', 'wmd', 'unknown']).optional(),
  endUser: party.optional(),
  parties: z.array(party.extend({ role: z.enum(['purchaser', 'intermediate_consignee', 'ultimate_consignee', 'freight_forwarder']) })).optional(),
  jurisdictions: z.array(z.string()).optional().describe('only these regimes; default every installed one'),
});

/** A production step moving to a site (CONTRACT §8). */
export const exposurePlan = z.looseObject({
  name: z.string().optional(),
  site: country.describe('where the production step is going'),
  date: isoDate.optional(),
  chain: z.string().optional().describe('a taxonomy value chain, e.g. "ndfeb-magnet-motors", "lfp-cells"'),
  stages: z.array(z.string()).optional().describe("which of the chain's stages move"),
  inputs: z.array(z.looseObject({ item: itemRef, from: country, transfer: z.enum(['goods', 'technology', 'software']).optional() })).optional(),
});

/** A party to screen (CONTRACT §9). */
export const screeningRequest = z.looseObject({
  id: z.string().optional(),
  name: z.string().describe('name of the company or person, any script'),
  country: country.optional(),
  address: z.string().optional(),
  lists: z.array(z.string()).optional().describe('only these lists; default every loaded list'),
  minScore: z.number().optional().describe('0 to 1'),
});

/** Arguments of search_items. */
export const searchArgs = z.object({
  text: z.string().describe('a name (English or Chinese), HS or CN code, CAS number or taxonomy ID'),
  limit: z.number().int().min(1).max(50).optional().describe('default 10'),
});

/** Arguments of list_measures (as `chokepoint measures`). */
export const measuresArgs = z.object({
  jurisdiction: z.string().optional().describe('"CN", "US", "EU" …'),
  asOf: isoDate.optional().describe('status on this date; default today'),
  itemId: z.string().optional().describe('only measures that list this taxonomy ID'),
});

/** Arguments of list_changes (as `chokepoint changes`). */
export const changesArgs = z.object({
  from: isoDate.describe('first day of the window'),
  to: isoDate.describe('last day of the window'),
  jurisdiction: z.string().optional(),
});
