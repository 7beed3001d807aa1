import { controlCodeAncestry, controlCodeCovers, type AuthorizationRule, type EndUse, type EndUserType, type TransferType } from '@chokepoint/core';
import { ANNEX_I, ANNEX_IV_PARTIAL, annexIVCodes } from './annex-i.js';
import { readData } from './data-files.js';

interface UgeaRecord {
  id: string;
  section: string;
  title: string;
  items: { annexI?: 'all' | 'goods' | 'softwareAndTechnology'; controlCodes?: string[]; excludeSectionI?: boolean; excludeCodes?: string[] };
  destinations: { include?: string[]; exclude?: string[] };
  transfers?: TransferType[];
  notForEndUses: EndUse[];
  /** End-user types it may not serve (EU007 and EU008: military end users, Annex II Sections G and H). */
  notForEndUserTypes?: EndUserType[];
  generic: boolean;
  conditions: string[];
  note?: string;
}

interface UgeaFile {
  url: string;
  sectionI: string[];
  ugeas: UgeaRecord[];
}

const file = readData<UgeaFile>('ugeas.json');
/** The authorisations that exclude Annex II Section I (EU001, EU003, EU004, EU007). */
const SECTION_I_RULES: ReadonlySet<string> = new Set(file.ugeas.filter((r) => r.items.excludeSectionI).map((r) => r.id));

/**
 * Annex II Section I: items no Union general authorisation under Sections A, C, D and G (nor a national one) may cover —
 * "all items in Annex IV" and a short list. A code only partly in Annex IV (`narrowerThanAnnexI`: 1E001 only technology
 * for 1C012.b, 0C003 only for use in a nuclear reactor ...) is excluded only for that part, which a code cannot say: it
 * is not excluded here, and the answer says the authorisation cannot cover the Annex IV part ({@link annexIVPartNotCovered}).
 * The file's own list (0C001, 0C002, 0D001, 0E001 ...) is excluded whole.
 */
export const SECTION_I_CODES: readonly string[] = (() => {
  const { partI, partII } = annexIVCodes();
  const wholly = [...partI, ...partII].filter((c) => ANNEX_IV_PARTIAL[c] === undefined);
  return [...new Set([...file.sectionI, ...wholly])];
})();

const SECTION_I_SET: ReadonlySet<string> = new Set(SECTION_I_CODES);

/**
 * The codes only partly in Annex IV (and not excluded whole by Section I) that an item of code `code` may fall under:
 * the code itself, an ancestor (5D002.a.3 under 5D002.a) or a sub-item (a bare 5D002 may be 5D002.a), each with the
 * part Annex IV lists. A Section I authorisation offered for such an item cannot cover that part.
 */
export function annexIVPartNotCovered(code: string): { code: string; part: string }[] {
  return Object.entries(ANNEX_IV_PARTIAL)
    .filter(([c]) => !SECTION_I_SET.has(c) && (controlCodeCovers(c, code) || controlCodeCovers(code, c)))
    .map(([c, part]) => ({ code: c, part }));
}

/** Whether an authorisation excludes Annex II Section I (EU001, EU003, EU004, EU007). */
export function excludesSectionI(rule: Pick<AuthorizationRule, 'id'>): boolean {
  return SECTION_I_RULES.has(rule.id);
}

function topLevelCodes(groups: string): string[] {
  return ANNEX_I.entries.filter((e) => e.depth === 0 && groups.includes(e.group)).map((e) => e.code);
}

function coverage(rec: UgeaRecord): { covers: string[]; excludes: string[] } {
  const scope = rec.items.annexI;
  const covers = scope === 'all' ? topLevelCodes('ABCDE') : scope === 'goods' ? topLevelCodes('ABC') : scope === 'softwareAndTechnology' ? topLevelCodes('DE') : rec.items.controlCodes ?? [];
  const excludes = [...(rec.items.excludeSectionI ? SECTION_I_CODES : []), ...(rec.items.excludeCodes ?? [])];
  return { covers, excludes };
}

/** A Union general export authorisation of Annex II, as data, with what the engine's rule type cannot say. */
export interface UnionGeneralAuthorisation extends AuthorizationRule {
  /** Annex II section (A–H). */
  section: string;
  /**
   * True for the authorisations any exporter can use once registered (EU001, EU002, EU005, EU006, EU008);
   * false for those tied to one kind of transaction (EU003 repair returns, EU004 exhibitions,
   * EU007 intra-group transfers), which the answer names as possible routes without changing the verdict.
   */
  generic: boolean;
  /** End-user types it may not serve. */
  notForEndUserTypes?: readonly EndUserType[];
  note?: string;
}

/** EU001–EU008 (Annex II Sections A–H of Regulation 2021/821). */
export const UNION_GENERAL_AUTHORISATIONS: readonly UnionGeneralAuthorisation[] = file.ugeas.map((rec) => {
  const { covers, excludes } = coverage(rec);
  return {
    id: rec.id,
    title: rec.title,
    measure: 'eu-reg-2021-821',
    covers: { controlCodes: covers },
    ...(excludes.length ? { excludes: { controlCodes: excludes } } : {}),
    destinations: rec.destinations,
    ...(rec.transfers ? { transfers: rec.transfers } : {}),
    notForEndUses: rec.notForEndUses,
    conditions: rec.conditions,
    url: `${file.url} (Annex II, Section ${rec.section})`,
    section: rec.section,
    generic: rec.generic,
    ...(rec.notForEndUserTypes ? { notForEndUserTypes: rec.notForEndUserTypes } : {}),
    ...(rec.note ? { note: rec.note } : {}),
  };
});

/**
 * Whether an authorisation covers an item of list code `code`: a listed code must be the code or one
 * of its ancestors, and no excluded code may overlap it either way — an item known only as `1C450`
 * might be the excluded `1C450.a.1`, so it is not covered.
 */
export function authorisationCoversCode(rule: AuthorizationRule, code: string): boolean {
  const sets = codeSetsOf(rule);
  const ancestry = controlCodeAncestry(code);
  if (!rule.covers.all && !ancestry.some((a) => sets.covers.has(a))) return false;
  // Excluded when an excluded code contains the code, or lies inside it (then the code does not say it is outside).
  return !(ancestry.some((a) => sets.excludes.has(a)) || sets.aboveExcluded.has(code));
}

/**
 * A rule's codes as sets, made on first use: `controlCodeCovers(broad, code)` holds exactly when `broad` is one of
 * `controlCodeAncestry(code)`, so a lookup per ancestor replaces a scan of every listed and excluded code (EU001
 * excludes hundreds).
 */
const ruleCodeSets = new WeakMap<AuthorizationRule, { covers: ReadonlySet<string>; excludes: ReadonlySet<string>; aboveExcluded: ReadonlySet<string> }>();

function codeSetsOf(rule: AuthorizationRule): { covers: ReadonlySet<string>; excludes: ReadonlySet<string>; aboveExcluded: ReadonlySet<string> } {
  let sets = ruleCodeSets.get(rule);
  if (!sets) {
    const excluded = rule.excludes?.controlCodes ?? [];
    sets = { covers: new Set(rule.covers.controlCodes ?? []), excludes: new Set(excluded), aboveExcluded: new Set(excluded.flatMap((x) => controlCodeAncestry(x))) };
    ruleCodeSets.set(rule, sets);
  }
  return sets;
}
