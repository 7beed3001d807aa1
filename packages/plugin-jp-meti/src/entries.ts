import type { Condition, ControlEntry, Source } from '@chokepoint/core';
import { readData } from './data-files.js';
import { FACT } from './facts.js';

interface TableRow { row: string; title: string; titleOriginal: string }
interface TableItem {
  code: string;
  id?: string;
  title: string;
  text: string;
  /** The article and item of the METI Ordinance (貨物等省令) that specifies it, text as of 2026-02-14. */
  ordinance: string;
  /** The measure that added the item, where it came later than the table (default: Appended Table 1 itself). */
  measure?: string;
  ids?: string[];
  conditions?: Condition;
  prompts?: Record<string, string>;
  /** True when the Ordinance's specification was not transcribed: the entry matches only the exporter's own classification. */
  unspecified?: boolean;
  /** Taxonomy items that may meet a specification not transcribed: the exporter is asked whether they do. */
  askIds?: string[];
  askParam?: string;
  askPrompt?: string;
  /**
   * Items (`id`, else `code`) the text takes out of this one ("四の項の中欄に掲げるものを除く": excluding what row 4
   * lists): where one of them applies, this item does not (ControlEntry.excludedBy).
   */
  excludedBy?: string[];
}
interface AppendedTable1 { rows: TableRow[]; items: TableItem[] }

const TABLE = readData<AppendedTable1>('appended-table-1.json');
const ORDER_URL = 'https://laws.e-gov.go.jp/law/324CO0000000378';
const ORDINANCE_URL = 'https://laws.e-gov.go.jp/law/403M50000400049';
const ORDER_SOURCE: Source = { url: ORDER_URL, publisher: 'e-Gov Law Search (Digital Agency, Japan)', date: '2026-06-05', title: '輸出貿易管理令 別表第一' };
const ORDINANCE_SOURCE: Source = { url: ORDINANCE_URL, publisher: 'e-Gov Law Search (Digital Agency, Japan)', date: '2026-02-14', title: '貨物等省令' };
const ALL_ROWS_ONE_TO_FIFTEEN = TABLE.rows.map((r) => r.row);

/** An entry ID from a Japanese code: `2(24)` → `jp-2-24`. */
function entryId(code: string, prefix = 'jp'): string {
  return `${prefix}-${code.replace(/[^0-9a-z]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/**
 * A row-level entry matches any code of its row, so it must not match, before its first day, the code of an item a
 * later amendment added (the code named nothing then; the item's own entry shows it as not yet in force).
 */
const CODE_IN_TABLE: Condition = { param: FACT.codeInTable, op: '==', value: 1 };

/** One entry per row of Appended Table 1, found by the exporter's own row-and-item classification. */
function rowEntries(): ControlEntry[] {
  return TABLE.rows.map((r) => ({
    id: entryId(r.row, 'jp-row'),
    measure: 'jp-etco-appended-table-1',
    code: r.row,
    title: `Row ${r.row}: ${r.title} (${r.titleOriginal})`,
    covers: { controlCodes: [r.row] },
    conditions: CODE_IN_TABLE,
    requirement: 'license_required',
    licensePolicy: 'case_by_case',
    reason: `Goods classified under row ${r.row} of Appended Table 1 need METI's export permission for every destination (FEFTA Art. 48(1)).`,
    sources: [ORDER_SOURCE],
  }));
}

function itemEntry(item: TableItem, id: string, covers: ControlEntry['covers'], withSpec: boolean): ControlEntry {
  return {
    id,
    measure: item.measure ?? 'jp-etco-appended-table-1',
    code: item.code,
    title: item.title,
    covers,
    ...(withSpec && item.conditions ? { conditions: item.conditions } : {}),
    ...(withSpec && item.prompts ? { prompts: item.prompts } : {}),
    requirement: 'license_required',
    licensePolicy: 'case_by_case',
    reason: `${item.title}: Appended Table 1 item ${item.code} (「${item.text}」, as specified in ${item.ordinance}) needs METI's export permission for every destination.`,
    sources: [ORDER_SOURCE, { ...ORDINANCE_SOURCE, title: `貨物等省令 (${item.ordinance})` }],
    ...(item.unspecified ? { confidence: 'medium' as const } : {}),
  };
}

/**
 * The transcribed items. Where the Ordinance's specification is data, the item is found by taxonomy
 * item and turns on those numbers; the exporter's own classification (`item.codes.JP`) finds it too,
 * without asking them again, through a second entry.
 */
function itemEntries(): ControlEntry[] {
  const classified = new Set<string>();
  const built = TABLE.items.map((item) => ({ item, entries: [...byCodeAndSpec(item, classified), ...askedByItem(item)] }));
  const entryIds = new Map<string, string[]>();
  for (const { item, entries } of built) entryIds.set(item.id ?? item.code, [...(entryIds.get(item.id ?? item.code) ?? []), ...entries.map((e) => e.id)]);
  // Every entry of an item that names exclusions gives way to every entry (by specification or by code) of the items it names.
  return built.flatMap(({ item, entries }) => (item.excludedBy ? entries.map((e) => ({ ...e, excludedBy: item.excludedBy!.flatMap((key) => entryIds.get(key) ?? []) })) : entries));
}

/**
 * The item by taxonomy ID with its specification, and by the exporter's code; an item written in several
 * parts (zirconium metal and compounds, tungsten and its alloys) is found by its code once, by its first part.
 */
function byCodeAndSpec(item: TableItem, classified: Set<string>): ControlEntry[] {
  const id = entryId(item.id ?? item.code);
  const firstByCode = !classified.has(item.code);
  classified.add(item.code);
  const byCode = firstByCode ? { controlCodes: [item.code] } : {};
  if (!item.ids || item.unspecified) return [itemEntry(item, id, { controlCodes: [item.code] }, false)];
  if (!item.conditions) return [itemEntry(item, id, { ids: item.ids, ...byCode }, false)];
  return [itemEntry(item, id, { ids: item.ids }, true), ...(firstByCode ? [itemEntry(item, `${id}-classified`, byCode, false)] : [])];
}

/** An item whose specification is not data, asked about for the taxonomy items it may cover (equipment). */
function askedByItem(item: TableItem): ControlEntry[] {
  if (!item.askIds || !item.askParam || !item.askPrompt) return [];
  const spec = { ...item, conditions: { param: item.askParam, op: '==' as const, value: 1 }, prompts: { [item.askParam]: item.askPrompt } };
  return [itemEntry(spec, `${entryId(item.id ?? item.code)}-by-item`, { ids: item.askIds }, true)];
}

/**
 * The semiconductor-equipment specifications of 7(16) (Ordinance Art. 6(xvii)) by when they came: the
 * 23 types of 2023-07-23, and the later sub-items of the text in force on 2026-02-14. The findings show
 * the dates; the verdict comes from 7(16) itself, which the exporter's classification matches.
 */
function smeEntries(): ControlEntry[] {
  const base = { code: '7(16)', covers: { controlCodes: ['7(16)'] }, requirement: 'license_required' as const, licensePolicy: 'case_by_case' as const };
  return [
    {
      ...base, id: 'jp-7-16-sme-2023', measure: 'jp-meti-2023-sme',
      title: '23 types of semiconductor manufacturing equipment added to 7(16) on 2023-07-23: cleaning (Art. 6(xvii) ヤ, マ, ケ), deposition (レ to オ, 11 types), annealing (ク), lithography (ル, ヲ, ワ and one more), etching (カ, ヨ, タ) and EUV mask inspection (フ)',
      reason: 'From 2023-07-23, 7(16) includes 23 further types of semiconductor manufacturing equipment; they need METI\'s export permission for every destination.',
    },
    {
      ...base, id: 'jp-7-16-sme-later', measure: 'jp-meti-sme-later-additions',
      title: 'Semiconductor equipment added to 7(16) after 2023-07-23: plasma-doping implanters, DUV immersion add-ons, nano-imprint with 4 nm overlay, TSV and high-aspect etch, EUV pattern shaping, further deposition tools, flash annealing, supercritical drying, patterned-wafer defect inspection and overlay metrology (Art. 6(xvii) コ to シ), IC-imaging SEMs and cryogenic wafer probers (Art. 6(xvii-2))',
      reason: 'The text in force on 2026-02-14 adds further types of semiconductor manufacturing and test equipment to 7(16); they need METI\'s export permission for every destination.',
    },
  ];
}

/** The Foreign Exchange Order's technology rows, found by the exporter's classification. */
function technologyEntries(): ControlEntry[] {
  return ALL_ROWS_ONE_TO_FIFTEEN.map((row) => ({
    id: entryId(row, 'jp-tech-row'),
    measure: 'jp-feo-appended-table',
    code: row,
    title: `Technology of row ${row} of the Foreign Exchange Order's Appended Table`,
    covers: { controlCodes: [row] },
    conditions: CODE_IN_TABLE,
    transfers: ['technology', 'software'],
    reach: ['territory', 'deemed'],
    requirement: 'license_required',
    licensePolicy: 'case_by_case',
    reason: `Providing technology of row ${row} of the Foreign Exchange Order's Appended Table to a non-resident or for use abroad needs METI's permission (FEFTA Art. 25(1)).`,
  }));
}

/** The items whose goods the taxonomy knows (by specification or asked about), with the taxonomy items of each. */
export function itemsByTaxonomy(): { code: string; title: string; ids: string[] }[] {
  const byCode = new Map<string, { title: string; ids: Set<string> }>();
  for (const item of TABLE.items) {
    const ids = [...(item.ids ?? []), ...(item.askIds ?? [])];
    if (!ids.length) continue;
    const slot = byCode.get(item.code) ?? { title: item.title, ids: new Set<string>() };
    for (const id of ids) slot.ids.add(id);
    byCode.set(item.code, slot);
  }
  return [...byCode].map(([code, { title, ids }]) => ({ code, title, ids: [...ids] }));
}

/** Row 16 reaches only goods of the HS chapters it names, and their technology (derived from the tariff code; see facts.ts). */
const ROW16_GOODS: Condition = { param: FACT.row16Goods, op: '==', value: 1 };
const INFORMED: Condition = { param: FACT.metiInformed, op: '==', value: 1 };
const ITEM1: Condition = { param: FACT.row16Item1, op: '==', value: 1 };
const ROW16_PROMPT = { [FACT.row16Goods]: 'Japan\'s catch-all (row 16) reaches goods of HS chapters 25–40, 54–59, 63, 68–93 and 95 and their technology: are the goods of one of them (1 = yes, 0 = no)? Give item.hs and it is read from the code.' };
const ITEM1_PROMPT = 'Row 16(1) is the goods the METI Ordinance (Art. 14-2) lists by tariff code — machine tools (HS 8456–8461), radar and radio navigation equipment (8526), integrated circuits (8542, not 8542.90), spacecraft (8802.60), unmanned aircraft (8806), aircraft parts (8807), navigation instruments (9014.20, 9014.80), analysers (9027.50) and measuring instruments (9030.20, 9030.32, 9030.39): is the item one (1 = yes, 0 = no)? Give item.hs and it is read from the code.';

/** The common part of every row-16 entry: unlisted goods of row 16 and their technology, exported or provided to a non-resident. */
function row16Base(measure: string) {
  return { measure, covers: { all: true, exceptListed: true }, transfers: ['goods', 'technology', 'software'] as ControlEntry['transfers'], reach: ['territory', 'deemed'] as ControlEntry['reach'], requirement: 'license_required' as const, licensePolicy: 'case_by_case' as const, prompts: ROW16_PROMPT };
}

/**
 * Row 16: the catch-all. Outside Group A, goods need permission when they may serve weapons of mass
 * destruction (from 2002) or when METI has informed the exporter; from the 2008 conventional-weapons
 * ordinance, in the UN arms-embargoed regions also when they may serve conventional weapons.
 */
function catchAllEntries(): ControlEntry[] {
  const wmd = row16Base('jp-etco-row-16-catch-all');
  const conventional = row16Base('jp-meti-2008-conventional-catch-all');
  return [
    {
      ...wmd, id: 'jp-16-wmd', code: '16', title: 'Catch-all: goods that may be used for weapons of mass destruction',
      endUses: ['wmd'], destinations: { exclude: ['group:JP-GROUP-A'] }, conditions: ROW16_GOODS,
      reason: 'Row 16 catch-all: goods that may be used to develop, produce, use or store nuclear, chemical or biological weapons or missiles need METI\'s permission for any destination outside Group A (Appended Table 3).',
    },
    {
      ...wmd, id: 'jp-16-informed', code: '16', title: 'Catch-all: goods METI has informed the exporter about, outside Group A',
      destinations: { exclude: ['group:JP-GROUP-A'] }, conditions: { all: [ROW16_GOODS, INFORMED] },
      prompts: { ...ROW16_PROMPT, [FACT.metiInformed]: 'Outside Group A, Japan\'s catch-all reaches any row-16 goods when METI has informed you that they may be used for weapons of mass destruction or (from 2008) conventional weapons, and for a military end use outside the UN-embargoed regions that notice is what decides it for most goods: has METI informed you (1 = yes, 0 = no)?' },
      reason: 'Row 16 catch-all: METI informed the exporter that the goods may be used for weapons of mass destruction or conventional weapons, so they need METI\'s permission (Export Trade Control Order Art. 4(1)(iii)–(iv), ロ and ニ).',
    },
    {
      ...conventional, id: 'jp-16-conventional-embargoed', code: '16', title: 'Catch-all: goods for a military end use in a UN arms-embargoed region',
      endUses: ['military', 'military-intelligence'], endUserTypes: ['military'], destinations: { include: ['group:JP-UN-ARMS-EMBARGO'] }, conditions: ROW16_GOODS,
      reason: 'Row 16 catch-all: goods that may be used for conventional weapons in a region of Appended Table 3-2 (UN arms embargo) need METI\'s permission.',
    },
  ];
}

/**
 * The catch-all as revised from 2025-10-09: row 16 splits into 16(1) (items the METI Ordinance lists by
 * tariff code) and 16(2); outside Group A and the UN-embargoed regions the conventional-weapons
 * requirement now reaches 16(1) items on the exporter's own knowledge (Order Art. 4(1)(iii)ハ), and
 * exports to Group A need permission when METI informs the exporter (Art. 1(3), Art. 4(2)(iii)).
 */
function catchAll2025Entries(): ControlEntry[] {
  const base = row16Base('jp-meti-2025-catch-all-revision');
  return [
    {
      ...base, id: 'jp-16-1-conventional', code: '16(1)', title: 'Catch-all: 16(1) items for a military end use outside Group A and the UN-embargoed regions',
      endUses: ['military', 'military-intelligence'], endUserTypes: ['military'], destinations: { exclude: ['group:JP-GROUP-A', 'group:JP-UN-ARMS-EMBARGO'] },
      conditions: { all: [ROW16_GOODS, ITEM1] },
      prompts: { ...ROW16_PROMPT, [FACT.row16Item1]: `From 2025-10-09 Japan's conventional-weapons catch-all reaches goods of row 16(1) on your own knowledge of a military use, outside Group A. ${ITEM1_PROMPT}` },
      reason: 'Row 16(1) catch-all (from 2025-10-09): an item of 16(1) that may be used to develop, produce or use conventional arms needs METI\'s permission for a destination outside Group A.',
    },
    {
      ...base, id: 'jp-16-group-a-informed', code: '16', title: 'Catch-all for Group A destinations, when METI has informed the exporter (from 2025-10-09)',
      destinations: { include: ['group:JP-GROUP-A'] }, conditions: { all: [ROW16_GOODS, INFORMED] },
      prompts: { ...ROW16_PROMPT, [FACT.metiInformed]: 'From 2025-10-09 a Group A destination needs METI\'s permission for row-16 goods only when METI has informed you that they may be diverted to weapons use: has it (1 = yes, 0 = no)?' },
      reason: 'Row 16 catch-all for Group A (from 2025-10-09): METI informed the exporter of a risk of diversion, so the goods need METI\'s permission (Export Trade Control Order Art. 1(3)).',
    },
  ];
}

/**
 * Bans that run through the approval of Order Art. 2 (FEFTA Art. 48(3)), which METI does not grant save
 * in exceptional cases: every good to North Korea (from 2009-06-18), and to Russia and Belarus the goods of
 * rows 1–15 and the further goods of Appended Table 2-3 (from 2022-03-18).
 */
function approvalBanEntries(): ControlEntry[] {
  const ban = { requirement: 'license_required' as const, licensePolicy: 'presumption_of_denial' as const };
  const ruBy = { ...ban, measure: 'jp-etco-russia-belarus-bans', destinations: { include: ['RU', 'BY'] } };
  return [
    {
      ...ban, id: 'jp-kp-all-goods', measure: 'jp-north-korea-export-ban', title: 'Every good exported to North Korea: approval that METI does not grant (save humanitarian and similar cases)',
      covers: { all: true }, destinations: { include: ['KP'] },
      reason: 'Japan bans every export to North Korea through the approval of Export Trade Control Order Art. 2(1)(i-2) (FEFTA Art. 48(3)): METI does not approve save for humanitarian and similar cases.',
    },
    {
      ...ruBy, id: 'jp-ru-by-listed', title: 'Goods of rows 1–15 of Appended Table 1 exported to Russia or Belarus: approval that METI does not grant',
      covers: { anyListed: true },
      reason: 'Goods of rows 1–15 of Appended Table 1 are in Appended Table 2-3 (item 1): exporting them to Russia or Belarus needs METI\'s approval (Order Art. 2(1)(i-3), (i-4)), which under Japan\'s export ban is not granted save in exceptional cases, besides the export permission they need anyway.',
    },
    {
      ...ruBy, id: 'jp-ru-by-other-goods', title: 'Other goods of Appended Table 2-3 exported to Russia or Belarus, or goods for an entity METI has designated',
      covers: { all: true, exceptListed: true },
      conditions: { param: 'jpRussiaBelarusBan', op: '==', value: 1 },
      prompts: { jpRussiaBelarusBan: 'Japan bans exports to Russia and Belarus of the goods of Appended Table 2-3 of the Export Trade Control Order — general-purpose goods that METI lists by HS code (semiconductors, computers, telecommunications, machinery, vehicles, chemicals, luxury goods and many more; the list grew from 2022-03-18 on) — and of any good for an entity METI has designated: is the item on METI\'s list for the date, or is a party designated (1 = yes, 0 = no)? This plugin does not hold METI\'s list.' },
      reason: 'The item is one that Japan bans for export to Russia or Belarus (Appended Table 2-3, or an entity METI has designated): METI\'s approval (Order Art. 2(1)(i-3), (i-4), (i-6), (i-7)) is not granted save in exceptional cases.',
    },
  ];
}

/** Every data entry of the plugin. */
export function buildEntries(): ControlEntry[] {
  return [...rowEntries(), ...itemEntries(), ...smeEntries(), ...technologyEntries(), ...catchAllEntries(), ...catchAll2025Entries(), ...approvalBanEntries()];
}
