import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { HsEntry } from './model.js';
import { foldText, tokens } from './text.js';

/** A ranked HS search hit. */
export interface HsHit {
  code: string;
  description: string;
  level: 2 | 4 | 6;
  score: number;
}

/** One row of the nomenclature: code, description, parent code (null for a chapter), section. */
export type HsRow = readonly [code: string, description: string, parent: string | null, section: string];

function rowsFromCsv(csv: string): HsRow[] {
  const records = parse(csv, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => [r.hscode ?? '', r.description ?? '', r.parent && r.parent !== 'TOTAL' ? r.parent : null, r.section ?? '']);
}

/** The HS 2022 nomenclature: chapters, headings and every six-digit subheading. */
export class HsNomenclature {
  private readonly byCode = new Map<string, HsEntry>();
  /** Each row's description words, for {@link search} by words only: built on the first such search (assessments look up codes). */
  private folded?: { entry: HsEntry; words: Set<string> }[];

  /**
   * @param source the rows (`[code, description, parent, section]`, as in the shipped
   *   `data/hs2022.json`), or a CSV file with the columns `hscode`, `description`, `parent`, `section`.
   */
  constructor(source: URL | readonly HsRow[]) {
    const rows = source instanceof URL ? rowsFromCsv(readFileSync(source, 'utf8')) : source;
    for (const [code, description, parent, section] of rows) {
      if (!/^\d{2}(\d{2}){0,2}$/.test(code)) continue;
      this.byCode.set(code, { code, description, level: code.length as 2 | 4 | 6, parent, section });
    }
  }

  /** Number of rows at each level. */
  counts(): { chapters: number; headings: number; subheadings: number } {
    let chapters = 0, headings = 0, subheadings = 0;
    for (const e of this.byCode.values()) {
      if (e.level === 2) chapters++;
      else if (e.level === 4) headings++;
      else subheadings++;
    }
    return { chapters, headings, subheadings };
  }

  /** The row with exactly this code. */
  get(code: string): HsEntry | undefined {
    return this.byCode.get(code);
  }

  /** The most specific row containing a code of 2–10 digits (a 10-digit line resolves to its subheading). */
  headingOf(digits: string): HsEntry | undefined {
    for (const len of [6, 4, 2]) {
      if (digits.length < len) continue;
      const e = this.byCode.get(digits.slice(0, len));
      if (e) return e;
    }
    return undefined;
  }

  /** Rows by code prefix or by words of their description, ranked. */
  search(text: string, limit = 20): HsHit[] {
    const digits = text.replace(/[.\s]/g, '');
    if (/^\d{2,10}$/.test(digits)) {
      const exact = this.headingOf(digits);
      const hits: HsHit[] = [];
      if (exact) hits.push({ ...pick(exact), score: 1 });
      for (const e of this.byCode.values()) {
        if (e.code !== exact?.code && e.code.startsWith(digits)) hits.push({ ...pick(e), score: 0.8 });
        if (hits.length >= limit) break;
      }
      return hits;
    }
    const query = tokens(foldText(text));
    if (!query.length) return [];
    const hits: HsHit[] = [];
    this.folded ??= [...this.byCode.values()].map((entry) => ({ entry, words: new Set(tokens(foldText(entry.description))) }));
    for (const { entry, words } of this.folded) {
      let matched = 0;
      for (const q of query) if (words.has(q) || [...words].some((w) => w.startsWith(q) && q.length >= 4)) matched++;
      if (matched === query.length) hits.push({ ...pick(entry), score: 0.5 + 0.5 * (query.length / Math.max(words.size, 1)) });
    }
    return hits.sort((a, b) => b.score - a.score || b.level - a.level).slice(0, limit);
  }
}

function pick(e: HsEntry): Omit<HsHit, 'score'> {
  return { code: e.code, description: e.description, level: e.level };
}
