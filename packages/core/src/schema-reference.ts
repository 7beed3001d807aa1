import { z } from 'zod';
import { ConfidenceSchema, CountryCodeSchema, EffectiveSchema, IsoDateSchema, LicensePolicySchema, MeasureStatusSchema, NamesSchema, SourceSchema, SuspensionSchema, VerdictSchema } from './schema-common.js';
import { named } from './schema-registry.js';
import type { Condition } from './types.js';

// Reference answers: measures and their status (CONTRACT §4 `measures --json`, §7 /v1/measures),
// dated changes (`changes --json`, /v1/changes), taxonomy nodes and search hits, countries and groups,
// installed plugins; and the questions that ask for them (the MCP tools' arguments).

const isoDateArg = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'calendar date YYYY-MM-DD', format: 'date', example: '2025-06-01' });

/** Which measures to list (`engine.measures`, the MCP tool `list_measures`). */
export const MeasuresQuerySchema = z.strictObject({
  jurisdiction: z.string().optional().meta({ description: 'only this regime: "CN", "US", "EU" …', example: 'CN' }),
  asOf: isoDateArg.optional().meta({ description: 'status on this date; default today (UTC)' }),
  itemId: z.string().optional().meta({ description: 'only measures that list this taxonomy ID', example: 'gallium/metal' }),
});

/** Which changes to list (`engine.changes`, the MCP tool `list_changes`). */
export const ChangesQuerySchema = z.strictObject({
  from: isoDateArg.meta({ description: 'first day of the window', example: '2025-01-01' }),
  to: isoDateArg.meta({ description: 'last day of the window', example: '2025-12-31' }),
  jurisdiction: z.string().optional().meta({ description: 'only this regime', example: 'CN' }),
});

/** A taxonomy search (`taxonomy.search`, the MCP tool `search_items`). */
export const TaxonomySearchSchema = z.strictObject({
  text: z.string().min(1).max(200).meta({ description: 'a name (English or Chinese), HS or CN code, CAS number or taxonomy ID', example: '金属镓' }),
  limit: z.number().int().min(1).max(100).optional().meta({ description: 'most hits; default 10' }),
});

/** One status interval of a measure, both ends inclusive; null is open-ended. */
export const StatusIntervalSchema = named('StatusInterval', z.object({ from: IsoDateSchema.nullable(), to: IsoDateSchema.nullable(), status: MeasureStatusSchema }));

/** A measure with its status on a date. */
export const MeasureViewSchema = named('MeasureView', z.object({
  id: z.string().meta({ example: 'cn-mofcom-2023-23' }),
  jurisdiction: z.string(),
  title: z.string(),
  titleOriginal: z.string().optional(),
  reference: z.string().meta({ example: 'MOFCOM/GAC Announcement No. 23 of 2023' }),
  authority: z.string(),
  published: IsoDateSchema,
  effective: EffectiveSchema,
  status: MeasureStatusSchema.meta({ description: 'status on the date asked (asOf)' }),
  statusTimeline: z.array(StatusIntervalSchema),
  summary: z.string(),
  url: z.string(),
  sources: z.array(SourceSchema),
  confidence: ConfidenceSchema,
  related: z.array(z.string()).optional(),
  entries: z.number().int().meta({ description: 'number of list entries that belong to the measure' }),
}).meta({ description: 'A measure with its status on a date (CONTRACT §4 `measures --json`).' }));

/** One list entry of a measure. */
export const MeasureEntryViewSchema = named('MeasureEntryView', z.object({
  id: z.string(),
  code: z.string().optional(),
  title: z.string(),
  requirement: VerdictSchema,
  licensePolicy: LicensePolicySchema.optional(),
  reason: z.string(),
  effective: EffectiveSchema.optional().meta({ description: 'the entry\'s own dates, where they differ from its measure\'s' }),
  suspensions: z.array(SuspensionSchema).optional().meta({ description: 'suspensions of the entry alone (a clause of its measure), where it has any' }),
}));

/** One measure with the list entries that belong to it (`GET /v1/measures/{id}`). */
export const MeasureDetailSchema = named('MeasureDetail', MeasureViewSchema.extend({ entryList: z.array(MeasureEntryViewSchema) }));

/** A dated change (CONTRACT §4 `changes --json`). */
export const ChangeViewSchema = named('ChangeView', z.object({
  date: IsoDateSchema,
  jurisdiction: z.string(),
  measure: z.string(),
  event: z.enum(['published', 'in_force', 'suspended', 'resumed', 'repealed']),
  title: z.string(),
  reference: z.string(),
  scope: z.string().optional().meta({ description: 'the part concerned, when not the whole measure' }),
  codes: z.array(z.string()).optional().meta({ description: 'for a change to what the measure lists (a list code a later rule created or rewrote): the list codes it changed' }),
  url: z.string().optional().meta({ description: 'for a change to what the measure lists: where the rule that made it is published (its Federal Register page, say)' }),
}));

/** How every regime lists an item on a date, whatever the destination (`engine.compare`, `GET /v1/compare`). */
export const ComparisonSchema = named('Comparison', z.object({
  item: z.object({ resolved: z.array(z.string()), matchedBy: z.string() }),
  date: IsoDateSchema,
  regimes: z.array(z.object({
    jurisdiction: z.string(),
    plugin: z.string(),
    entries: z.array(z.object({
      entry: z.string(),
      measure: z.string(),
      reference: z.string(),
      code: z.string().optional(),
      title: z.string(),
      requirement: VerdictSchema,
      status: MeasureStatusSchema.meta({ description: 'status of the entry on `date`' }),
      destinations: z.object({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() }).optional(),
      transfers: z.array(z.string()),
      conditions: z.string().optional().meta({ description: 'the entry\'s parameter thresholds in words', example: 'purity > 0.999 and densityGPerCm3 > 1.73' }),
      parameters: z.array(z.object({ name: z.string().meta({ example: 'purity' }), prompt: z.string().optional() })).optional()
        .meta({ description: 'the technical parameters (CONTRACT §6) the entry turns on, with the plugin\'s question for each' }),
    })),
  })),
}).meta({ description: 'Each regime with the entries that list the item, and the parameters they turn on.' }));

/** A tree of parameter conditions (`{ param, op, value }`, `all`, `any`, `not`). */
export const ConditionSchema: z.ZodType<Condition> = named('Condition', z.lazy(() => z.union([
  z.object({ param: z.string().meta({ example: 'fraction.Dy' }), op: z.enum(['>', '>=', '<', '<=', '==']), value: z.number() }),
  z.object({ all: z.array(ConditionSchema) }),
  z.object({ any: z.array(ConditionSchema) }),
  z.object({ not: ConditionSchema }),
])));

const identifiers = z.object({
  hs: z.array(z.string()).optional(),
  cnCode: z.array(z.string()).optional(),
  cas: z.array(z.string()).optional(),
  codes: z.record(z.string(), z.array(z.string())).optional().meta({ description: "entries of regimes' own control lists items of the node may fall under, by jurisdiction (search and display only)", example: { JP: ['2(24)'] } }),
});

/** A mineral, material, product, technology or equipment (CONTRACT §5). */
export const TaxonomyNodeSchema = z.object({
  id: z.string().meta({ example: 'gallium/metal' }),
  kind: z.enum(['mineral', 'material', 'product', 'technology', 'equipment', 'group']),
  names: NamesSchema,
  aliases: z.array(z.string()).optional(),
  parents: z.array(z.string()),
  identifiers: identifiers.optional(),
  lowConfidenceIdentifiers: identifiers.extend({ note: z.string().optional(), confidence: ConfidenceSchema.optional() }).optional()
    .meta({ description: 'identifiers that are a best fit or not verified: shown to people, never used to match an item' }),
  tags: z.array(z.string()).optional(),
  definedBy: ConditionSchema.optional().meta({ description: 'what sets the node apart from its parent by make-up, as a condition on fraction.<Symbol> parameters' }),
  contains: z.array(z.string()).optional().meta({ description: 'element nodes the item may contain, for content rules' }),
  sources: z.array(SourceSchema).optional(),
  confidence: ConfidenceSchema.optional(),
  note: z.string().optional(),
  casNote: z.string().optional(),
});

/** A sourced figure of supply concentration: each country's share of world output at one stage. */
export const SupplyFactSchema = named('SupplyFact', z.object({
  item: z.string(),
  stage: z.string().meta({ example: 'refining' }),
  year: z.number().int(),
  estimate: z.boolean().optional(),
  basis: z.string(),
  shares: z.record(z.string(), z.number()).meta({ description: 'share of world output by country, 0–1' }),
  qualifier: z.enum(['approximate', 'more-than', 'range-lower-bound']).optional().meta({ description: 'how to read shares when the source gives no exact figure' }),
  bounds: z.record(z.string(), z.object({ min: z.number(), max: z.number() })).optional().meta({ description: 'the range the source gives, where shares holds one end of it' }),
  source: SourceSchema,
  confidence: ConfidenceSchema,
  note: z.string().optional(),
}));

/** A node with its children and sourced facts (`GET /v1/taxonomy/{id}`, `taxonomy show --json`). */
export const TaxonomyNodeDetailsSchema = named('TaxonomyNodeDetails', TaxonomyNodeSchema.extend({
  children: z.array(z.string()),
  facts: z.object({
    supply: z.array(SupplyFactSchema),
    criticalLists: z.array(z.object({ id: z.string(), title: z.string(), jurisdiction: z.string(), published: IsoDateSchema.nullable() })),
  }),
}));

/** A ranked taxonomy search hit. */
export const TaxonomyHitSchema = z.object({
  id: z.string(),
  score: z.number(),
  matchedBy: z.string().meta({ description: 'what matched: id, alias, name.en, name.zh, hs, cnCode, cas, codes.<jurisdiction>, or family (an element or mineral a word of the text names, when nothing else matched)' }),
});

/** A search hit with the node's kind and names (`GET /v1/taxonomy?q=`). */
export const TaxonomySearchHitSchema = named('TaxonomySearchHit', TaxonomyHitSchema.extend({ kind: TaxonomyNodeSchema.shape.kind.optional(), names: NamesSchema.optional() }));

/** Countries and named groups of countries (`GET /v1/jurisdictions`). */
export const JurisdictionsSchema = named('Jurisdictions', z.object({
  countries: z.array(z.object({ code: CountryCodeSchema, alpha3: z.string(), names: z.object({ en: z.string(), zh: z.string(), common: z.string().optional().meta({ description: 'the name people use, where the official one (en) differs: China for People\'s Republic of China' }) }) })),
  groups: z.array(z.object({
    id: z.string().meta({ example: 'eu' }),
    names: NamesSchema,
    members: z.array(z.object({ country: CountryCodeSchema, from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })).meta({ description: 'members with the dates they joined and left, inclusive' }),
    source: SourceSchema,
    additionalSources: z.array(SourceSchema).optional().meta({ description: "sources for single facts (a member's joining or leaving date)" }),
    confidence: ConfidenceSchema,
    note: z.string().optional(),
    observers: z.array(z.string()).optional().meta({ description: 'observers that are not members' }),
    participatingOrganisations: z.array(z.string()).optional().meta({ description: 'organisations that take part beside the member states' }),
  })),
}));

/** An installed plugin (`GET /v1/plugins`, `engine.plugins`). */
export const PluginInfoSchema = named('PluginInfo', z.object({
  name: z.string().meta({ example: '@chokepoint/plugin-cn-mofcom' }),
  version: z.string(),
  jurisdiction: z.string(),
  title: z.string(),
  dataVerifiedThrough: IsoDateSchema,
  core: z.string().meta({ description: 'range of @chokepoint/core versions it supports' }),
  controlCodeField: z.union([z.enum(['cnControlCode', 'eccn', 'euCode']), z.templateLiteral(['codes.', z.string()])]).optional().meta({ description: 'the item field that carries this regime\'s own list codes (cnControlCode, eccn, euCode or codes.<JURISDICTION>), where it has a list', example: 'eccn' }),
}));
