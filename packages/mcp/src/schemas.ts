import { AssessmentRequestSchema, ItemRefSchema, TransferSchema } from '@chokepoint/core';
import { z } from 'zod';

// Input schemas of the tools. The assessment request and the item are core's own schemas (CONTRACT
// §2, defined once in @chokepoint/core); the plan (§8) and the screening request (§9) are built here
// from core's parts. The client sees them as JSON Schema and the SDK checks their structure; the
// engine then checks what a schema cannot (known countries, taxonomy IDs, codes) and names the field.

const country = z.string().describe('ISO 3166-1 alpha-2 code, e.g. "CN", "US", "DE"');
const isoDate = z.string().describe('calendar date YYYY-MM-DD');

/** A production step moving to a site (CONTRACT §8). */
export const exposurePlan = z.looseObject({
  name: z.string().optional(),
  site: country.describe('where the production step is going'),
  date: isoDate.optional(),
  chain: z.string().optional().describe('a taxonomy value chain, e.g. "ndfeb-magnet-motors", "lfp-cells"'),
  stages: z.array(z.string()).optional().describe("which of the chain's stages move"),
  inputs: z.array(z.looseObject({ item: ItemRefSchema, from: country, transfer: TransferSchema.optional() })).optional(),
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

/** An assessment request (CONTRACT §2), as core defines it. */
export const assessmentRequest = AssessmentRequestSchema;
