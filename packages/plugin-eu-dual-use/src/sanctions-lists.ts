import { evaluateCondition, Memo, previousDay, type Composition, type Condition, type CountryCode } from '@chokepoint/core';
import { readData } from './data-files.js';

/** A rule for an entry the legal text marks "ex": part of the code only. */
export interface ExRule {
  /** Longer codes the entry leaves out. */
  excludes?: string[];
  /** The only longer codes the entry keeps (our reading of a described subset). */
  only?: string[];
  /** A fact the code cannot show that takes the item out (asked as a question). */
  unless?: string;
  /** Codes under which `unless` can apply; anywhere under the entry when absent. */
  unlessUnder?: string[];
  note: string;
}

interface VersionRecord {
  from: string;
  source: string;
  codes?: string[];
  adds?: string[];
  certainNew?: string[];
  ex?: string[];
  partial?: string;
  /** False when the act's transitional clauses (if any) for the codes it added were not read. */
  transitionsRead?: boolean;
  note: string;
}

/** A stretch of time whose amending acts were not read: the list in force then is known only at both ends. */
export interface ListGap {
  from: string;
  to: string;
  next: string;
  acts: string;
  note: string;
}

/** A transitional clause: contracts concluded before a day may still be executed until another. */
export interface WindDown {
  codes: string[];
  contractsBefore: string;
  until: string;
  law: string;
  from: string;
}

interface ListRecord {
  id: string;
  destinations: CountryCode[];
  measure: string;
  law: string;
  annex: string;
  kind: string;
  versions: VersionRecord[];
  gaps: ListGap[];
  ex: Record<string, ExRule>;
  windDowns: WindDown[];
}

/** An Annex VII Part A entry read against CN headings, with the fact that decides it. */
export interface MaterialEntry {
  id: string;
  title: string;
  hs: string[];
  excludeHs?: string[];
  condition: Condition | null;
  /** For a yes/no condition: the fact the code cannot show, asked with candidates 1 and 0. */
  question?: string;
  /** A question per parameter of the condition (a measured value), where `question` does not fit. */
  prompts?: Record<string, string>;
  /**
   * Taxonomy items the entry can describe, where its CN heading also holds items it does not (cells, not the batteries
   * of the same heading): an item resolved to other nodes is not listed; one given by its code alone is asked `askNode`.
   */
  ids?: string[];
  askNode?: { parameter: string; prompt: string };
  /**
   * What an item of the entry's kind is when it fails the condition: an Annex I entry, whose export a ban on every
   * Annex I item (`measure`) also forbids. Where that ban is in force, the condition's answer cannot change the
   * verdict (either Art. 2a or the ban applies), so it is not asked.
   */
  otherwise?: { annexI: string; measure: string; law: string };
  from: string;
  /** First day the entry may already have applied; the act that added it was not identified. */
  uncertainFrom?: string;
  source: string;
  note: string;
  confidence: 'high' | 'medium' | 'low';
  destinations: CountryCode[];
  measure: string;
}

/** An act the lists were read in. */
export interface SourceRecord {
  act: string;
  url: string;
  inForce?: string;
  mirror: { repo: string; path: string; commit: string };
  read: string;
}

interface SanctionsFile {
  sources: Record<string, SourceRecord>;
  lists: ListRecord[];
  materials: MaterialEntry[];
  readThrough: Record<string, { date: string; next: string }>;
}

/** One version of a list with its codes ready for prefix lookups. */
export interface ListVersion {
  from: string;
  source: SourceRecord;
  codes: ReadonlySet<string>;
  /** Every proper prefix of a listed code: an item code among them is too short to decide. */
  prefixes: ReadonlySet<string>;
  /** The first listed codes under a prefix, by prefix, worked out on first use (bounded by {@link prefixes}). */
  under: Map<string, string[]>;
  ex: ReadonlySet<string>;
  certainNew: ReadonlySet<string>;
  partial?: string;
  transitionsRead: boolean;
  note: string;
}

/** A sanctions list by CN code, its versions oldest first. */
export interface SanctionsList extends Omit<ListRecord, 'versions'> {
  versions: ListVersion[];
  /**
   * Answers of {@link lookupList} by code, the version in force and (inside an unread stretch, where the answer
   * turns on it) the date: a lookup walks every version, and the same codes come back request after request.
   * Bounded, as codes come from requests.
   */
  lookups: Memo<ListAnswer>;
}

const file = readData<SanctionsFile>('sanctions-lists.json');

/** The acts the lists were read in, by key. */
export const SANCTIONS_SOURCES: Readonly<Record<string, SourceRecord>> = file.sources;
/** Per destination, the last day the texts were read through and the first act not read. */
export const SANCTIONS_READ_THROUGH: Readonly<Record<string, { date: string; next: string }>> = file.readThrough;
/** Annex VII Part A entries matched by CN heading. */
export const SANCTIONS_MATERIALS: readonly MaterialEntry[] = file.materials;

function properPrefixes(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) for (let l = 2; l < c.length; l += 2) out.add(c.slice(0, l));
  return out;
}

function compile(record: ListRecord): SanctionsList {
  let previous: string[] = [];
  const versions = record.versions.map((v): ListVersion => {
    const codes = v.codes ?? [...previous, ...(v.adds ?? [])];
    previous = codes;
    const source = file.sources[v.source];
    if (!source) throw new Error(`sanctions-lists.json: ${record.id} version ${v.from} cites unknown source ${v.source}`);
    return {
      from: v.from, source, codes: new Set(codes), prefixes: properPrefixes(codes), under: new Map(), ex: new Set(v.ex ?? []),
      certainNew: new Set(v.certainNew ?? []), transitionsRead: v.transitionsRead !== false, note: v.note, ...(v.partial ? { partial: v.partial } : {}),
    };
  });
  return { ...record, versions, lookups: new Memo(`EU sanctions list ${record.id}`, 2048) };
}

/** Every list, compiled once. */
export const SANCTIONS_LISTS: readonly SanctionsList[] = file.lists.map(compile);

/** How one version of a list meets an item's customs code. */
export type VersionMatch =
  | { kind: 'listed'; code: string; ask?: ExRule }
  | { kind: 'too_short'; under: string[] }
  | { kind: 'not_listed' };

function startsWithAny(digits: string, codes: readonly string[] | undefined): boolean {
  return (codes ?? []).some((c) => digits.startsWith(c));
}

function longerUnder(digits: string, codes: readonly string[] | undefined): string[] {
  return (codes ?? []).filter((c) => c.length > digits.length && c.startsWith(digits));
}

function applyEx(digits: string, code: string, rule: ExRule): VersionMatch {
  if (startsWithAny(digits, rule.excludes)) return { kind: 'not_listed' };
  const unclearExcluded = longerUnder(digits, rule.excludes);
  if (unclearExcluded.length) return { kind: 'too_short', under: unclearExcluded };
  if (rule.only) {
    if (startsWithAny(digits, rule.only)) return { kind: 'listed', code };
    const unclearOnly = longerUnder(digits, rule.only);
    return unclearOnly.length ? { kind: 'too_short', under: unclearOnly } : { kind: 'not_listed' };
  }
  if (rule.unless && (!rule.unlessUnder || startsWithAny(digits, rule.unlessUnder) || longerUnder(digits, rule.unlessUnder).length)) {
    return { kind: 'listed', code, ask: rule };
  }
  return { kind: 'listed', code };
}

/** Looks a customs code (digits only) up in one version: the most specific listed code that covers it wins. */
export function matchVersion(list: SanctionsList, version: ListVersion, digits: string): VersionMatch {
  for (let l = Math.min(digits.length, 10); l >= 2; l -= 2) {
    const code = digits.slice(0, l);
    if (!version.codes.has(code)) continue;
    const rule = version.ex.has(code) ? list.ex[code] : undefined;
    return rule ? applyEx(digits, code, rule) : { kind: 'listed', code };
  }
  if (version.prefixes.has(digits)) return { kind: 'too_short', under: codesUnder(version, digits) };
  return { kind: 'not_listed' };
}

/** The first twelve listed codes under a prefix of them, in list order; kept per prefix, as a version has thousands of codes. */
function codesUnder(version: ListVersion, prefix: string): string[] {
  let under = version.under.get(prefix);
  if (!under) {
    under = [];
    for (const c of version.codes) if (c.startsWith(prefix) && under.push(c) >= 12) break;
    version.under.set(prefix, under);
  }
  return under;
}

/** The version in force on a date, or undefined before the first. */
export function versionOn(list: SanctionsList, date: string): ListVersion | undefined {
  let found: ListVersion | undefined;
  for (const v of list.versions) if (v.from <= date) found = v;
  return found;
}

/** How a list meets an item's customs code on a date. */
export type ListAnswer =
  | { kind: 'not_in_force'; firstFrom: string; laterFrom?: string }
  | { kind: 'listed'; code: string; version: ListVersion; since: string; ask?: ExRule }
  | { kind: 'too_short'; under: string[]; version: ListVersion }
  | { kind: 'not_listed'; version: ListVersion; laterFrom?: string; earlier?: EarlierListing }
  | { kind: 'uncertain'; version: ListVersion; gap: ListGap; code: string };

function gapOn(list: SanctionsList, date: string): ListGap | undefined {
  return list.gaps.find((g) => g.from <= date && date <= g.to);
}

/** The first day from which every version up to `version` lists the code without a break. */
function listedSince(list: SanctionsList, version: ListVersion, digits: string): string {
  const i = list.versions.indexOf(version);
  let since = version.from;
  for (let j = i - 1; j >= 0; j--) {
    const v = list.versions[j]!;
    if (matchVersion(list, v, digits).kind !== 'listed' || list.gaps.some((g) => g.next === list.versions[j + 1]!.from && g.from <= v.from)) break;
    since = v.from;
  }
  return since;
}

/** A listing that ended before the date: its first and last day, the version that dropped it, and the unread stretch it may have ended in. */
export interface EarlierListing {
  from: string;
  to: string;
  by: ListVersion;
  gap?: ListGap;
}

/**
 * The last listing of a code that ended before `version` (the code is in an earlier version and not in the next
 * one); none when an earlier version lists it only in part ("ex" facts, a longer code needed).
 */
function earlierListing(list: SanctionsList, version: ListVersion, digits: string): EarlierListing | undefined {
  for (let j = list.versions.indexOf(version) - 1; j >= 0; j--) {
    const v = list.versions[j]!;
    const m = matchVersion(list, v, digits);
    if (m.kind === 'not_listed') continue;
    if (m.kind !== 'listed' || m.ask) return undefined;
    const by = list.versions[j + 1]!;
    const gap = list.gaps.find((g) => g.next === by.from);
    return { from: listedSince(list, v, digits), to: previousDay(by.from), by, ...(gap ? { gap } : {}) };
  }
  return undefined;
}

function laterListing(list: SanctionsList, after: ListVersion, digits: string): string | undefined {
  for (const v of list.versions) if (v.from > after.from && matchVersion(list, v, digits).kind === 'listed') return v.from;
  return undefined;
}

/** Looks an item's customs code up in a list on a date, inside a gap window too. */
export function lookupList(list: SanctionsList, digits: string, date: string): ListAnswer {
  const version = versionOn(list, date);
  const gap = gapOn(list, date);
  const key = `${digits}|${version ? list.versions.indexOf(version) : -1}|${gap ? date : ''}`;
  return list.lookups.get(key, () => freshLookup(list, digits, date, version, gap));
}

function freshLookup(list: SanctionsList, digits: string, date: string, version: ListVersion | undefined, gap: ListGap | undefined): ListAnswer {
  if (!version) {
    const first = list.versions.find((v) => matchVersion(list, v, digits).kind === 'listed');
    return { kind: 'not_in_force', firstFrom: list.versions[0]!.from, ...(first ? { laterFrom: first.from } : {}) };
  }
  const here = matchVersion(list, version, digits);
  if (here.kind === 'too_short') return { kind: 'too_short', under: here.under, version };
  if (gap) {
    const next = list.versions.find((v) => v.from === gap.next)!;
    const there = matchVersion(list, next, digits);
    if (there.kind === 'too_short') return { kind: 'too_short', under: there.under, version };
    // A code added on a known day inside the stretch (e.g. coal on 2022-10-07) or shown new by the next act is not in doubt.
    const addedOnKnownDay = list.versions.some((v) => v.from > date && v.from < gap.next && matchVersion(list, v, digits).kind === 'listed');
    const certainNew = startsWithAny(digits, [...next.certainNew]);
    if (here.kind === 'listed' && there.kind !== 'listed') return { kind: 'uncertain', version, gap, code: here.code };
    if (here.kind !== 'listed' && there.kind === 'listed' && !addedOnKnownDay && !certainNew) return { kind: 'uncertain', version, gap, code: there.code };
  }
  if (here.kind === 'listed') return { kind: 'listed', code: here.code, version, since: listedSince(list, version, digits), ...(here.ask ? { ask: here.ask } : {}) };
  const later = laterListing(list, version, digits);
  const earlier = earlierListing(list, version, digits);
  return { kind: 'not_listed', version, ...(later ? { laterFrom: later } : {}), ...(earlier ? { earlier } : {}) };
}

/**
 * The stretch of unread acts that ends with `laterFrom` (the first version read that lists the code) and is not
 * over on `date`: the code may have come in during it, so `laterFrom` is only the latest day it can have (unless
 * the act of `laterFrom` shows the code new).
 */
export function unreadBefore(list: SanctionsList, digits: string, date: string, laterFrom: string): ListGap | undefined {
  return list.gaps.find((g) => g.next === laterFrom && g.to >= date
    && !startsWithAny(digits, [...(list.versions.find((v) => v.from === g.next)?.certainNew ?? [])]));
}

/** The version that first listed a code when that act's transitional clauses were not read and its successor has not yet replaced it. */
export function unreadTransition(list: SanctionsList, answer: Extract<ListAnswer, { kind: 'listed' }>, date: string): ListVersion | undefined {
  const first = list.versions.find((v) => v.from === answer.since);
  if (!first || first.transitionsRead) return undefined;
  const next = list.versions[list.versions.indexOf(first) + 1];
  return next && date >= next.from ? undefined : first;
}

/** The transitional clause that covers a listed code on a date, if any. */
export function windDownOn(list: SanctionsList, digits: string, code: string, date: string): WindDown | undefined {
  return list.windDowns.find((w) => w.from <= date && date <= w.until && w.codes.some((c) => c === code || digits.startsWith(c)));
}

/** How an Annex VII Part A entry meets an item on a date. */
export type MaterialAnswer =
  | { kind: 'listed' }
  | { kind: 'not_listed' }
  | { kind: 'too_short'; under: string[] }
  | { kind: 'uncertain' }
  | { kind: 'ask'; parameters: string[] }
  | { kind: 'later'; from: string };

/** Matches an Annex VII Part A entry by customs code and decides its condition from the item's parameters. */
export function lookupMaterial(entry: MaterialEntry, digits: string, date: string, parameters: Readonly<Record<string, number>> | undefined, composition?: Composition): MaterialAnswer {
  if (startsWithAny(digits, entry.excludeHs)) return { kind: 'not_listed' };
  if (!startsWithAny(digits, entry.hs)) {
    const under = longerUnder(digits, entry.hs);
    return under.length && date >= (entry.uncertainFrom ?? entry.from) ? { kind: 'too_short', under } : { kind: 'not_listed' };
  }
  if (date < (entry.uncertainFrom ?? entry.from)) return { kind: 'later', from: entry.from };
  if (entry.condition) {
    const result = evaluateCondition(entry.condition, parameters, composition);
    if (result.value === false) return { kind: 'not_listed' };
    if (result.value === 'unknown') return { kind: 'ask', parameters: result.missing };
  }
  return date < entry.from ? { kind: 'uncertain' } : { kind: 'listed' };
}
