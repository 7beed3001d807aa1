import type { Condition, ControlEntry, Source } from '@chokepoint/core';
import { readData } from './data-files.js';

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

/** One entry per row of Appended Table 1, found by the exporter's own row-and-item classification. */
function rowEntries(): ControlEntry[] {
  return TABLE.rows.map((r) => ({
    id: entryId(r.row, 'jp-row'),
    measure: 'jp-etco-appended-table-1',
    code: r.row,
    title: `Row ${r.row}: ${r.title} (${r.titleOriginal})`,
    covers: { controlCodes: [r.row] },
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
  return TABLE.items.flatMap((item) => [...byCodeAndSpec(item), ...askedByItem(item)]);
}

function byCodeAndSpec(item: TableItem): ControlEntry[] {
  const id = entryId(item.id ?? item.code);
  if (!item.ids || item.unspecified) return [itemEntry(item, id, { controlCodes: [item.code] }, false)];
  if (!item.conditions) return [itemEntry(item, id, { ids: item.ids, controlCodes: [item.code] }, false)];
  return [itemEntry(item, id, { ids: item.ids }, true), itemEntry(item, `${id}-classified`, { controlCodes: [item.code] }, false)];
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
    transfers: ['technology', 'software'],
    reach: ['territory', 'deemed'],
    requirement: 'license_required',
    licensePolicy: 'case_by_case',
    reason: `Providing technology of row ${row} of the Foreign Exchange Order's Appended Table to a non-resident or for use abroad needs METI's permission (FEFTA Art. 25(1)).`,
  }));
}

/**
 * Row 16: the catch-all. Outside Group A, goods need permission when they may serve weapons of mass
 * destruction; in the UN arms-embargoed regions also when they may serve conventional weapons; in other
 * regions outside Group A only when METI has informed the exporter (the inform requirement).
 */
function catchAllEntries(): ControlEntry[] {
  const base = { measure: 'jp-etco-row-16-catch-all', covers: { all: true, exceptListed: true }, transfers: ['goods', 'technology', 'software'] as ControlEntry['transfers'], reach: ['territory', 'deemed'] as ControlEntry['reach'], requirement: 'license_required' as const, licensePolicy: 'case_by_case' as const };
  return [
    {
      ...base, id: 'jp-16-wmd', code: '16', title: 'Catch-all: goods that may be used for weapons of mass destruction',
      endUses: ['wmd'], destinations: { exclude: ['group:JP-GROUP-A'] },
      reason: 'Row 16 catch-all: goods that may be used to develop, produce, use or store nuclear, chemical or biological weapons or missiles need METI\'s permission for any destination outside Group A (Appended Table 3).',
    },
    {
      ...base, id: 'jp-16-conventional-embargoed', code: '16', title: 'Catch-all: goods for a military end use in a UN arms-embargoed region',
      endUses: ['military', 'military-intelligence'], endUserTypes: ['military'], destinations: { include: ['group:JP-UN-ARMS-EMBARGO'] },
      reason: 'Row 16 catch-all: goods that may be used for conventional weapons in a region of Appended Table 3-2 (UN arms embargo) need METI\'s permission.',
    },
    {
      ...base, id: 'jp-16-conventional-informed', code: '16', title: 'Catch-all: goods for a military end use elsewhere outside Group A, when METI has informed the exporter',
      endUses: ['military', 'military-intelligence'], endUserTypes: ['military'], destinations: { exclude: ['group:JP-GROUP-A', 'group:JP-UN-ARMS-EMBARGO'] },
      conditions: { param: 'metiInformed', op: '==', value: 1 },
      prompts: { metiInformed: 'Outside Group A and the UN-embargoed regions, Japan\'s conventional-weapons catch-all reaches goods other than 16(1) items only when METI has informed you that a licence is needed: has it (1 = yes, 0 = no)?' },
      reason: 'Row 16 catch-all: METI informed the exporter that the goods may be used for conventional weapons, so they need METI\'s permission.',
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
  const base = { measure: 'jp-meti-2025-catch-all-revision', covers: { all: true, exceptListed: true }, transfers: ['goods', 'technology', 'software'] as ControlEntry['transfers'], reach: ['territory', 'deemed'] as ControlEntry['reach'], requirement: 'license_required' as const, licensePolicy: 'case_by_case' as const };
  return [
    {
      ...base, id: 'jp-16-1-conventional', code: '16(1)', title: 'Catch-all: 16(1) items for a military end use outside Group A and the UN-embargoed regions',
      endUses: ['military', 'military-intelligence'], endUserTypes: ['military'], destinations: { exclude: ['group:JP-GROUP-A', 'group:JP-UN-ARMS-EMBARGO'] },
      conditions: { param: 'jpRow16Item1', op: '==', value: 1 },
      prompts: { jpRow16Item1: 'From 2025-10-09 Japan\'s conventional-weapons catch-all reaches goods of row 16(1) (the machine tools, radar and navigation equipment, integrated circuits, aircraft and spacecraft parts, analysers and measuring instruments the METI Ordinance lists by tariff code) on your own knowledge of a military use, outside Group A: is the item a 16(1) item (1 = yes, 0 = no)?' },
      reason: 'Row 16(1) catch-all (from 2025-10-09): an item of 16(1) that may be used to develop, produce or use conventional arms needs METI\'s permission for a destination outside Group A.',
    },
    {
      ...base, id: 'jp-16-group-a-informed', code: '16', title: 'Catch-all for Group A destinations, when METI has informed the exporter (from 2025-10-09)',
      endUses: ['wmd', 'military', 'military-intelligence'], endUserTypes: ['military'], destinations: { include: ['group:JP-GROUP-A'] },
      conditions: { param: 'metiInformed', op: '==', value: 1 },
      prompts: { metiInformed: 'From 2025-10-09 a Group A destination needs METI\'s permission for row-16 goods only when METI has informed you that they may be diverted to weapons use: has it (1 = yes, 0 = no)?' },
      reason: 'Row 16 catch-all for Group A (from 2025-10-09): METI informed the exporter of a risk of diversion, so the goods need METI\'s permission (Export Trade Control Order Art. 1(3)).',
    },
  ];
}

/** Every data entry of the plugin. */
export function buildEntries(): ControlEntry[] {
  return [...rowEntries(), ...itemEntries(), ...smeEntries(), ...technologyEntries(), ...catchAllEntries(), ...catchAll2025Entries()];
}
