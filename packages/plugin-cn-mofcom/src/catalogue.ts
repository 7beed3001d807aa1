import { controlCodeAncestry, normalizeControlCode, type ControlEntry, type Measure } from '@chokepoint/core';
import { readData } from './data-files.js';

/** One export line of the 2026 dual-use licence catalogue, as imported (see data/catalogue-2026-export.json). */
export interface CatalogueRecord {
  seq: number;
  controlCode: string;
  hs: string[];
  nameZh: string;
  nameZhRaw?: string;
  descriptionEn: string;
  nameConfidence: 'high' | 'medium' | 'low';
}

/** The imported catalogue file. */
export interface CatalogueFile {
  source: { repo: string; path: string; commit: string; licence: string; retrieved: string };
  counts: { total: number; export: number; import: number; exportEntriesInFile: number };
  entries: CatalogueRecord[];
}

export const CATALOGUE_MEASURE_ID = 'cn-mofcom-gac-2026-licence-catalogue';
const LIST_MEASURE_ID = 'cn-mofcom-2024-51';
const LIST_START = '2024-12-01';

/** The 2026 licence catalogue as a measure: it names the customs lines that need a dual-use licence. */
export const catalogueMeasure: Measure = {
  id: CATALOGUE_MEASURE_ID,
  jurisdiction: 'CN',
  title: 'Catalogue of dual-use items and technologies subject to import and export licence administration (2026)',
  titleOriginal: '两用物项和技术进出口许可证管理目录（2026年）',
  reference: 'MOFCOM and GAC, 2026 dual-use import/export licence catalogue',
  authority: 'MOFCOM, GAC',
  published: '2025-12-31',
  effective: { from: '2026-01-01', to: null },
  summary:
    'Annual catalogue that lists, with reference customs lines aligned to the 2026 tariff, the dual-use items and technologies whose export or import needs a licence. A listed item needs a licence whether or not its customs line is named; where the catalogue and the control list differ, the list and the law prevail. chokepoint imports its export lines so that any listed item, not only minerals, gets an answer.',
  url: 'https://www.mofcom.gov.cn/zcfb/zc/art/2025/art_1581bc90caa74fb097052505eb4dd040.html',
  sources: [
    { url: 'https://www.jtn.com/JP/news_content.aspx?KeyID=00000000000000009539&Lan=JP&MenuID=05002', publisher: 'Japan Trade News (summary of the MOFCOM release)', date: '2025-12-31' },
    { url: 'https://github.com/chycici/dual-use-export-control-catalog', publisher: 'chycici/dual-use-export-control-catalog (MIT), machine-readable copy of the catalogue', date: '2026-11-28' },
  ],
  confidence: 'medium',
  caveats: [
    { code: 'catalogue_customs_lines', message: 'The machine-readable copy of the 2026 catalogue sometimes attaches a customs line to the neighbouring item; classify by the item description and control code, not by the customs line alone.' },
    { code: 'status_unverified', to: '2025-12-31', message: 'This customs line is matched through the 2026 catalogue, which applies from 2026-01-01; the item itself may have been controlled earlier under the Dual-Use Items Export Control List (from 2024-12-01). Give its control code (cnControlCode) for a dated answer.' },
  ],
};

/**
 * When a control code entered the Dual-Use Items Export Control List after the List itself took
 * effect (2024-12-01): the announcement that added it and the day it applied. Codes not listed here
 * are dated from the List's start.
 */
export const INTRODUCED_BY: readonly { prefix: string; measure: string; from: string }[] = [
  ...['1C004', '1C117.c', '1C117.d', '1E004', '3C004', '3E004', '6C001', '6E001', '6C002', '6E002'].map((prefix) => ({ prefix, measure: 'cn-mofcom-2025-10', from: '2025-02-04' })),
  ...['1C902', '1C903', '1C904', '1C905', '1C906', '1C907', '1C908'].map((prefix) => ({ prefix, measure: 'cn-mofcom-2025-18', from: '2025-04-04' })),
];

function introduction(code: string): { measure: string; from: string } {
  for (const anc of controlCodeAncestry(code)) {
    const hit = INTRODUCED_BY.find((i) => i.prefix === anc);
    if (hit) return hit;
  }
  return { measure: LIST_MEASURE_ID, from: LIST_START };
}

/**
 * Customs lines the machine-readable copy attaches to the record before their item (its PDF columns are shifted; the
 * record's raw text shows where the line belongs): the line, the code it is filed under, and the code it belongs to.
 * Record 132 (1C241, rhenium) holds 2811111000, whose raw text reads "a．氟化氢（CAS 7664-39-3）（别名： 2811111000":
 * the line is hydrogen fluoride's, 1C350.a, beside 2811119000. Record 104 (1C231, hafnium) holds 2845400000, which its
 * raw text sets beside 「氦-3（3He）」: HS 2845.40 is helium-3, 1C232 (the hafnium item has entries of its own, which
 * would otherwise drop the line).
 */
export const LINE_CORRECTIONS: readonly { line: string; filedUnder: string; belongsTo: string }[] = [
  { line: '2811111000', filedUnder: '1C241', belongsTo: '1C350.a' },
  { line: '2845400000', filedUnder: '1C231', belongsTo: '1C232' },
];

/** Taxonomy items a catalogue code lists, for codes whose item the taxonomy names and no announcement entry covers. */
export const CATALOGUE_ITEMS: Readonly<Record<string, readonly string[]>> = {
  '1C350.a': ['reagents/hydrogen-fluoride'],
};

/** The record's customs lines with the corrections applied. */
function correctedLines(record: CatalogueRecord, code: string): string[] {
  const lines = record.hs.filter((line) => !LINE_CORRECTIONS.some((c) => c.line === line && c.filedUnder === code));
  for (const c of LINE_CORRECTIONS) if (c.belongsTo === code && !lines.includes(c.line)) lines.push(c.line);
  return lines;
}

function slug(code: string): string {
  return code.toLowerCase().replace(/\./g, '-');
}

/** The imported catalogue file. */
export function readCatalogue(): CatalogueFile {
  return readData<CatalogueFile>('catalogue-2026-export.json');
}

/**
 * Control entries for every catalogue line whose code the announcement data does not already cover:
 * one entry per control code, and one per code group (`1C117`) for the group's reference customs
 * lines, because the machine-readable copy attaches lines to the group reliably but not always to
 * the right sub-item. Records whose control code is malformed in the source are skipped and counted.
 */
export function catalogueEntries(file: CatalogueFile, coveredCodes: ReadonlySet<string>, coveredLines: ReadonlySet<string> = new Set()): { entries: ControlEntry[]; skipped: CatalogueRecord[] } {
  const entries = new Map<string, ControlEntry>();
  const groups = new Map<string, { hs: Set<string>; titles: string[] }>();
  const skipped: CatalogueRecord[] = [];
  for (const record of file.entries) {
    const code = normalizeControlCode(record.controlCode);
    if (!code || code === 'EAR99') {
      skipped.push(record);
      continue;
    }
    if (controlCodeAncestry(code).some((c) => coveredCodes.has(c))) continue;
    const intro = introduction(code);
    const id = `cat-${slug(code)}`;
    const prior = entries.get(id);
    if (prior) continue;
    entries.set(id, {
      id,
      measure: intro.measure,
      code,
      title: record.descriptionEn,
      titleOriginal: record.nameZh,
      covers: { controlCodes: [code], ...(CATALOGUE_ITEMS[code] ? { ids: [...CATALOGUE_ITEMS[code]!] } : {}) },
      transfers: code[1] === 'E' ? ['technology'] : code[1] === 'D' ? ['software'] : ['goods'],
      requirement: 'license_required',
      licensePolicy: 'case_by_case',
      reason: `Listed as ${code} in China's dual-use export control list (2026 licence catalogue line ${record.seq}); export needs a MOFCOM dual-use licence.`,
      effective: { from: intro.from, to: null },
      confidence: record.nameConfidence === 'high' ? 'medium' : 'low',
    });
    const head = code.slice(0, 5);
    const group = groups.get(head) ?? { hs: new Set<string>(), titles: [] };
    // A line an announcement already names belongs to that announcement's item; in the catalogue copy
    // it may sit under a neighbouring code.
    for (const line of correctedLines(record, code)) if (!coveredLines.has(line)) group.hs.add(line);
    group.titles.push(record.descriptionEn);
    groups.set(head, group);
  }
  for (const [head, group] of groups) {
    if (group.hs.size === 0) continue;
    entries.set(`cat-${slug(head)}-lines`, {
      id: `cat-${slug(head)}-lines`,
      measure: CATALOGUE_MEASURE_ID,
      code: head,
      title: `${head} group by reference customs line: ${group.titles[0]}${group.titles.length > 1 ? ` (and ${group.titles.length - 1} more)` : ''}`,
      covers: { hs: [...group.hs].sort() },
      transfers: head[1] === 'E' ? ['technology'] : ['goods'],
      requirement: 'license_required',
      licensePolicy: 'case_by_case',
      reason: `The 2026 licence catalogue lists this customs line under ${head}; an item of that group needs a MOFCOM dual-use licence. Confirm the sub-item by its description.`,
      confidence: 'low',
    });
  }
  return { entries: [...entries.values()], skipped };
}
