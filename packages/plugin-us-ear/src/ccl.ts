import type { IsoDate } from '@chokepoint/core';
import type { ChartColumn } from './chart.js';
import { readData } from './data-files.js';

/** One reason for control of an ECCN and the chart column it uses (null: outside the chart). */
export interface CclReason {
  reason: 'NS' | 'MT' | 'NP' | 'CB' | 'RS' | 'FC' | 'CC' | 'AT' | 'CW' | 'EI' | 'SS' | 'UN' | 'SI' | 'SL';
  column: ChartColumn | null;
  /** Which paragraphs or destinations the reason covers, in the source's words; null: the whole entry. */
  scope: string | null;
}

/** One ECCN of Supplement No. 1 to Part 774 (our own structure and words). */
export interface CclEntry {
  eccn: string;
  category: number;
  group: 'A' | 'B' | 'C' | 'D' | 'E';
  heading: string;
  reasons: CclReason[];
  specialControls: string[];
  lvs: number | null;
  lvsNote?: string;
  gbs: boolean | 'partial';
  gbsScope: string | null;
  /** The ECCN's "TSR" line (software and technology entries): yes, N/A, or yes for part of the entry (`tsrScope` says which). */
  tsr?: boolean | 'partial';
  tsrScope?: string | null;
  sta: { excluded: boolean; note: string | null };
  paragraphs: string[];
  series: '600' | '515' | null;
  itarPlaceholder?: boolean;
  reserved?: boolean;
  noLicenseRequirementBlock?: boolean;
  specialSectionOnly?: boolean;
}

export interface CclFile {
  ecfrDate: IsoDate;
  counts: { eccns: number };
  eccns: CclEntry[];
}

export const cclFile = readData<CclFile>('ccl.json');
const byEccn = new Map(cclFile.eccns.map((e) => [e.eccn, e]));

/** The ECCN head of a code (`3C005.a` → `3C005`). */
export function eccnHead(code: string): string {
  return code.split('.')[0]!;
}

/** The CCL entry for an ECCN or one of its paragraphs. */
export function cclEntry(code: string): CclEntry | undefined {
  return byEccn.get(eccnHead(code));
}

/** True for 600-series and 9x515 ECCNs (`3A611`, `9A515`). */
export function isMilitarySeries(entry: CclEntry): boolean {
  return entry.series !== null;
}

/** Whether a paragraph falls within a scope: `yes`, `no`, or `maybe` when the code is broader or the scope cannot be read. */
export type ScopeMatch = 'yes' | 'no' | 'maybe';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Expands `k-n` → k, l, m, n and `a.1-a.3` / `f.2-f.4` → a.1 … a.3. */
function expandRange(from: string, to: string): string[] | undefined {
  if (/^[a-z]$/.test(from) && /^[a-z]$/.test(to)) return LETTERS.slice(LETTERS.indexOf(from), LETTERS.indexOf(to) + 1).split('');
  const a = /^([a-z])\.(\d+)$/.exec(from);
  const b = /^(?:([a-z])\.)?(\d+)$/.exec(to);
  if (a && b && (b[1] === undefined || b[1] === a[1])) {
    const out: string[] = [];
    for (let i = Number(a[2]); i <= Number(b[2]); i++) out.push(`${a[1]}.${i}`);
    return out;
  }
  return undefined;
}

/**
 * Paragraph references in a scope phrase, relative to the ECCN (`"3B001.a.4, c, k-n"` → a.4, c, k, l, m, n),
 * or undefined when the phrase names something it cannot read (other ECCNs, words).
 */
export function scopeParagraphs(eccn: string, phrase: string): string[] | undefined {
  const { refs, unreadable } = readParagraphs(eccn, phrase);
  return unreadable || !refs.length ? undefined : refs;
}

/** The paragraph references a scope phrase names, and whether some part of it could not be read. */
function readParagraphs(eccn: string, phrase: string): { refs: string[]; unreadable: boolean } {
  const refs: string[] = [];
  let unreadable = false;
  const head = eccnHead(eccn);
  for (const raw of phrase.split(/,\s*|\s+and\s+|\s+or\s+/)) {
    let token = raw.trim().replace(/^(?:and|or)\s+/i, '');
    if (!token) continue;
    if (token.startsWith(head)) token = token.slice(head.length);
    else if (/^\d[A-E]\d{3}/.test(token)) { unreadable = true; continue; }
    token = token.replace(/^\./, '');
    const range = /^([a-z](?:\.\d+)*)-\.?([a-z](?:\.\d+)*|\d+)$/.exec(token);
    const expanded = range ? expandRange(range[1]!, range[2]!) : undefined;
    if (expanded) refs.push(...expanded);
    else if (!range && /^[a-z](\.(?:[a-z0-9]+|\*))*$/.test(token)) refs.push(token);
    else unreadable = true;
  }
  return { refs, unreadable };
}

/** Whether paragraph `ref` (whose parts may be `*`, any sub-paragraph: `z.*.a`) holds `paragraph`, or is inside it. */
function covers(ref: string, paragraph: string): ScopeMatch {
  const r = ref.split('.');
  const p = paragraph.split('.');
  const same = (n: number) => r.slice(0, n).every((part, i) => part === '*' || part === p[i]);
  if (p.length >= r.length && same(r.length)) return 'yes';
  if (p.length < r.length && same(p.length)) return 'maybe';
  return 'no';
}

/**
 * Whether a reason's scope covers the requested code. `3C005` (no paragraph) against a scope limited to
 * some paragraphs gives `maybe`; `3B001.c.1.a` against `3B001.c.1.a, c.1.c, q worldwide` gives `yes`.
 */
export function scopeCovers(eccn: string, scope: string | null): ScopeMatch {
  const fit = scopeFit(eccn, scope);
  return fit === 'broader' ? 'maybe' : fit;
}

/** A reason's scope read against an ECCN: the whole entry, every paragraph but some, or only some. */
type ScopeParse =
  | { kind: 'all' }
  | { kind: 'except'; refs: string[]; unreadable: boolean }
  | { kind: 'only'; refs: string[] | undefined; phrase: string; conditional: string[] };

/**
 * Words after a paragraph that make the reason turn on a fact about the item ("1C011.a and .b for items that meet or
 * exceed the parameters in 1C111", "1A002.b.1 tubes with inner diameter 75-400 mm", "6A007.b and .c at b.1/b.2
 * accuracies"), as opposed to words that only name what the paragraph is ("1C111.a.3.f chlorine trifluoride only",
 * "9A991.a demilitarized military aircraft").
 */
const CONDITION = /\b(?:meet\w*|meeting|when|beyond|exceed\w*|with|having|range|parameters?|criteria|levels?|accurac\w*|above|below|under|over|less than|more than|except|controlled|related)\b|[<>]=?|\d|\bfor\s+\d[A-E]\d{3}/i;

/**
 * Paragraphs named in a scope phrase that also states a condition: which ones it covers whole and which only when the
 * item meets the condition. A condition written after a paragraph list ("1C010.a, .b and .e.1 materials meeting 1C210
 * criteria") holds for the whole list before it in its clause; one written around a paragraph ("UAVs/RPVs in .a with
 * range >=300 km", "MTCR-related .d") for that paragraph only; clauses are joined by ", and". Undefined when a clause
 * names no paragraph of the entry (the scope is then read as a condition on the whole entry).
 */
function readConditional(eccn: string, phrase: string): { refs: string[]; conditional: string[] } | undefined {
  const head = eccnHead(eccn);
  // "technology for MT-controlled 9A515.d, .e.2, .h": paragraphs listed after another ECCN are that ECCN's, so a phrase
  // that does not open with one of the entry's own paragraphs and names another ECCN is not read here.
  const opensWithOwn = new RegExp(`^(?:${head}\\.|\\.[a-z]|[a-z]\\.[a-z0-9])`).test(phrase);
  if (!opensWithOwn && new RegExp(`\\d[A-E]\\d{3}`).test(phrase.replace(new RegExp(head, 'g'), ''))) return undefined;
  const refs: string[] = [];
  const conditional = new Set<string>();
  const lead = new RegExp(`^((?:${head}\\.|\\.)[a-z](?:\\.[a-z0-9*]+)*(?:-\\.?[a-z](?:\\.\\d+)*)?|[a-z](?:\\.[a-z0-9*]+)+)\\s+(.+)$`);
  const embedded = new RegExp(`(?:^|\\s)(?:${head})?(\\.[a-z](?:\\.[a-z0-9]+)*(?:-\\.[a-z](?:\\.\\d+)*)?)(?=$|[\\s,;])`, 'g');
  for (const clause of phrase.split(/,\s+and\s+/)) {
    const inClause: string[] = [];
    for (const raw of clause.split(/,\s*|\s+and\s+|\s+or\s+/)) {
      const token = raw.trim().replace(/^(?:and|or)\s+/i, '');
      if (!token) continue;
      const plain = readParagraphs(eccn, token);
      if (!plain.unreadable && plain.refs.length) { inClause.push(...plain.refs); continue; }
      const m = lead.exec(token);
      if (m) {
        const named = readParagraphs(eccn, m[1]!).refs;
        inClause.push(...named);
        // A condition after the list holds for every paragraph named before it in the clause.
        if (CONDITION.test(m[2]!)) for (const r of inClause) conditional.add(r);
        continue;
      }
      const around = [...token.matchAll(embedded)].flatMap((x) => readParagraphs(eccn, x[1]!).refs);
      if (around.length) {
        inClause.push(...around);
        if (!/^all of\b/i.test(token)) for (const r of around) conditional.add(r);
        continue;
      }
      // Words only: a condition on the paragraphs named so far in the clause, or a description of them.
      if (CONDITION.test(token)) for (const r of inClause) conditional.add(r);
    }
    if (!inClause.length) return undefined;
    refs.push(...inClause);
  }
  return refs.length ? { refs, conditional: refs.filter((r) => conditional.has(r)) } : undefined;
}

/** A scope without its parenthesised citations, nested ones included (`b.4 (746.1(b))` → `b.4`). */
function withoutCitations(scope: string): string {
  let text = scope;
  while (/\([^()]*\)/.test(text)) text = text.replace(/\s*\([^()]*\)/g, '');
  return text.trim();
}

function parseScope(eccn: string, scope: string): ScopeParse {
  const text = withoutCitations(scope);
  const except = /^(?:entire entry|whole entry|all)\b.*?\bexcept\s+(.+)$/i.exec(text);
  if (except) return { kind: 'except', ...readParagraphs(eccn, except[1]!.replace(/\s+(to|worldwide)\b.*$/i, '')) };
  const phrase = text.split(/\s+(?:to|worldwide|all destinations|exported from)\b|;/i)[0]!.trim();
  if (phrase === '' || /^(entire entry|whole entry|worldwide|licence|license|all destinations|States not Party|CWC|North Korea|Iran|Iraq|Pakistan)/i.test(phrase)) return { kind: 'all' };
  const refs = scopeParagraphs(eccn, phrase);
  if (refs) return { kind: 'only', refs, phrase, conditional: [] };
  const read = readConditional(eccn, phrase);
  return read ? { kind: 'only', refs: read.refs, phrase, conditional: read.conditional } : { kind: 'only', refs: undefined, phrase, conditional: [] };
}

/**
 * As {@link scopeCovers}, but tells the two kinds of `maybe` apart: `broader` when the scope names paragraphs it
 * could read and the requested code is broader than some of them (`3B001.c` against `c.1.a, c.1.c`), so that the
 * paragraph decides; `maybe` when the scope could not be read.
 */
export function scopeFit(eccn: string, scope: string | null): ScopeMatch | 'broader' {
  if (scope === null) return 'yes';
  const paragraph = eccn.includes('.') ? eccn.slice(eccn.indexOf('.') + 1) : '';
  const judge = (refs: string[] | undefined, inverted: boolean): ScopeMatch | 'broader' => {
    if (!refs) return 'maybe';
    if (!paragraph) return 'broader';
    const hits = refs.map((r) => covers(r, paragraph));
    if (hits.includes('yes')) return inverted ? 'no' : 'yes';
    if (hits.includes('maybe')) return 'broader';
    return inverted ? 'yes' : 'no';
  };
  const parsed = parseScope(eccn, scope);
  if (parsed.kind === 'all') return 'yes';
  if (parsed.kind === 'except') {
    // A paragraph the exception list names plainly is out, even when another part of the list cannot be read.
    if (paragraph && parsed.refs.some((r) => covers(r, paragraph) === 'yes')) return 'no';
    return judge(parsed.unreadable ? undefined : parsed.refs, true);
  }
  if (!parsed.refs && paragraph) {
    // "9A991.a demilitarized military aircraft": a phrase that opens with the requested paragraph names it.
    const head = `${eccnHead(eccn)}.${paragraph}`;
    if (parsed.phrase === head || parsed.phrase.startsWith(`${head} `)) return 'yes';
    const letters = [...parsed.phrase.matchAll(new RegExp(`${eccnHead(eccn)}\\.([a-z])\\b`, 'g'))].map((m) => m[1]);
    if (letters.length && !letters.includes(paragraph[0])) return 'no';
  }
  if (parsed.refs && paragraph && parsed.conditional.length) {
    // A paragraph the scope names only with a condition ("1C011.a … that meet or exceed the parameters in 1C111") is
    // covered when the item meets it: a fact the request states (ear.<reason>ScopeMet) or is asked.
    const whole = parsed.refs.filter((r) => !parsed.conditional.includes(r));
    if (whole.some((r) => covers(r, paragraph) === 'yes')) return 'yes';
    if (parsed.conditional.some((r) => covers(r, paragraph) === 'yes')) return 'maybe';
  }
  return judge(parsed.refs, false);
}

/**
 * The top-level paragraphs of an entry (`a`, `b`, …) that a reason's scope covers whole; empty when the scope cannot
 * be read. Used to tell whether reasons that each cover only some paragraphs together cover every one.
 */
export function wholeParagraphs(entry: CclEntry, scope: string | null): string[] {
  const all = entry.paragraphs.map((p) => p.slice(entry.eccn.length + 1)).filter((p) => /^[a-z]$/.test(p));
  if (scope === null) return all;
  const parsed = parseScope(entry.eccn, scope);
  if (parsed.kind === 'all') return all;
  if (parsed.kind === 'except') return parsed.unreadable ? [] : all.filter((p) => !parsed.refs.some((r) => r === p || r.startsWith(`${p}.`)));
  return (parsed.refs ?? []).filter((r) => all.includes(r) && !parsed.conditional.includes(r));
}

/**
 * True when a reason's scope is a condition on the item in words ("UAVs with a range of 300 km or more", ".a and .b
 * meeting 1C111") rather than a list of paragraphs or an exception list: a fact about the item decides it.
 */
export function scopeIsCondition(eccn: string, scope: string | null): boolean {
  if (scope === null) return false;
  if (isTechnologyScope(eccn, scope)) return true;
  const parsed = parseScope(eccn, scope);
  if (parsed.kind !== 'only') return false;
  if (!parsed.refs) return true;
  // A paragraph the scope names only with a condition: the condition is the fact (scopeFit gives 'maybe' for it).
  const paragraph = eccn.includes('.') ? eccn.slice(eccn.indexOf('.') + 1) : '';
  return paragraph !== '' && scopeFit(eccn, scope) === 'maybe' && parsed.conditional.some((r) => covers(r, paragraph) === 'yes');
}

/**
 * Whether a reason of an entry may cover the requested code: not when its scope leaves the paragraph out, nor when
 * the scope is a condition on the item (`scopeIsCondition`) that the request answers no to with
 * `ear.<reason>ScopeMet` = 0. An unanswered condition counts as covering (nothing shows the item is outside it).
 */
export function reasonMayCover(code: string, reason: CclReason, parameters?: Readonly<Record<string, number>>): boolean {
  if (scopeCovers(code, reason.scope) === 'no') return false;
  return !(scopeIsCondition(code, reason.scope) && parameters?.[`ear.${reason.reason.toLowerCase()}ScopeMet`] === 0);
}

/**
 * True when a reason's scope is a condition on the item (`scopeIsCondition`) that the request leaves unanswered
 * (`ear.<reason>ScopeMet` not given): the reason is asked about, not charged, so rules that follow from it (the
 * § 740.2(a)(5)(i) bar on MT items) wait for the answer too.
 */
export function reasonScopeOpen(code: string, reason: CclReason, parameters?: Readonly<Record<string, number>>): boolean {
  return scopeIsCondition(code, reason.scope) && parameters?.[`ear.${reason.reason.toLowerCase()}ScopeMet`] === undefined;
}

/** "technology for 1A002, 1A003 …" or "software for …", cut before the destinations ("to D:1 …", "worldwide"). */
const TECH_FOR = /^(?:technology|software)\s+for\s+(.+)$/i;
const techPhrase = (scope: string): string | undefined =>
  TECH_FOR.exec(scope.split(/\s+(?:to|worldwide|all destinations|exported from)\b|;/i)[0]!.trim())?.[1]?.trim();

/**
 * True when a reason of a software or technology entry (product groups D and E) is scoped by the items the software
 * or technology is for ("technology for 1A002, … 1C001-1C011", "technology for NP-controlled items"): which item it is
 * for is a fact of the request, answered by `ear.<reason>ScopeMet` or by the item's own classification
 * ({@link technologyFor}).
 */
export function isTechnologyScope(eccn: string, scope: string | null): boolean {
  if (scope === null || !/^\d[DE]\d{3}/.test(eccn)) return false;
  const phrase = techPhrase(scope);
  return phrase !== undefined && !scopeParagraphs(eccn, withoutCitations(phrase));
}

const HEAD = /\d[A-E]\d{3}/g;

/** One listed item of a technology scope ("1C001-1C011", "1A006.b", "3B items", "3B002 (not .c)") against the item's ECCN. */
function listedItem(token: string, item: string): ScopeMatch {
  const head = eccnHead(item);
  const plain = withoutCitations(token).replace(/\s+items?$/i, '').trim();
  const range = /^(\d[A-E])(\d{3})-(\d[A-E])(\d{3})$/.exec(plain);
  if (range) {
    const n = Number(head.slice(2));
    return head.slice(0, 2) === range[1] && range[1] === range[3] && n >= Number(range[2]) && n <= Number(range[4]) ? 'yes' : 'no';
  }
  const group = /^(\d[A-E])$/.exec(plain);
  if (group) return head.startsWith(group[1]!) ? 'yes' : 'no';
  const heads: string[] = token.match(HEAD) ?? [];
  if (!heads.length) return 'maybe';
  if (!heads.includes(head)) return 'no';
  // Words or an exclusion around the named entry ("3B002 (not .c)", "certain 1A004.c detectors"): the paragraph decides.
  if (/\(not\b/i.test(token) || !new RegExp(`^${head}(?:\\.[a-z0-9.*-]+)?$`).test(plain)) return 'maybe';
  if (plain === head) return 'yes';
  const fit = scopeFit(item, plain);
  return fit === 'broader' ? 'maybe' : fit;
}

/**
 * Whether a technology or software scope ({@link isTechnologyScope}) covers technology for the item classified `item`
 * (`"1C226"`, `"3C005.a"`): `yes` when the scope lists it (by entry, range of entries or "<reason>-controlled" and the
 * item's entry has that reason), `no` when it does not, `maybe` when words or a paragraph decide. The item must be of
 * the entry's category: other items are not read here (`maybe`).
 */
export function technologyFor(eccn: string, scope: string, item: string): ScopeMatch {
  const raw = techPhrase(scope);
  if (raw === undefined || item[0] !== eccn[0] || !/^\d[A-C]\d{3}/.test(item)) return 'maybe';
  let phrase = raw;
  const controlled = /^([A-Z]{2})-controlled\s+(.*)$/.exec(phrase);
  if (controlled) phrase = controlled[2]!.trim();
  let listed: ScopeMatch;
  if (/^items$/i.test(phrase)) listed = controlled ? 'yes' : 'maybe';
  else {
    // A bare paragraph ("3A001.a.15, b.13") continues the entry named before it.
    let last: string | undefined;
    const hits = phrase.split(/,\s*|\s+and\s+|\s+or\s+/).filter((t) => t.trim()).map((t) => {
      const token = t.trim();
      const named = token.match(HEAD)?.[0];
      if (named) last = named;
      else if (last && /^\.?[a-z](?:\.[a-z0-9]+)*$/.test(token)) return last === eccnHead(item) ? listedItem(`${last}.${token.replace(/^\./, '')}`, item) : 'no';
      return listedItem(token, item);
    });
    listed = hits.includes('yes') ? 'yes' : hits.includes('maybe') ? 'maybe' : 'no';
  }
  if (listed === 'no' || !controlled) return listed;
  const entry = cclEntry(item);
  if (!entry) return 'maybe';
  const rows = entry.reasons.filter((r) => r.reason === controlled[1]).map((r) => scopeCovers(item, r.scope));
  if (!rows.length || rows.every((r) => r === 'no')) return 'no';
  return listed === 'yes' && rows.includes('yes') && !entry.reasons.some((r) => r.reason === controlled[1] && scopeIsCondition(item, r.scope) && scopeCovers(item, r.scope) !== 'no') ? 'yes' : 'maybe';
}
