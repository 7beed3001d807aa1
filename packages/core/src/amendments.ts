import { isIsoDate } from './dates.js';
import type { PluginDefinition } from './plugin.js';
import type { Advisory, ControlEntry, IsoDate, ListedParty, Measure, Source } from './types.js';

/** A dated change to a measure's status, with the act that made it. */
export type StatusEvent =
  /** A suspension added, or one with the same `from` extended or shortened. */
  | { measure: string; event: 'suspension'; from: IsoDate; to: IsoDate | null; by: string }
  /** The measure ends: `lastDay` is the last day in force. */
  | { measure: string; event: 'repeal'; lastDay: IsoDate; by: string };

/**
 * A team's own correction or addition to a plugin's data (CONTRACT §10), loaded from
 * `CHOKEPOINT_AMENDMENTS`. Records are in the plugin's own data format; a measure or entry with an
 * existing ID replaces it.
 */
export interface Amendment {
  id: string;
  /** The plugin it amends: its jurisdiction code (`"CN"`) or package name. */
  plugin: string;
  description?: string;
  /** What the amendment rests on. */
  source: Source;
  measures?: Measure[];
  statusEvents?: StatusEvent[];
  entries?: ControlEntry[];
  parties?: ListedParty[];
  advisories?: Advisory[];
}

/** An amendment as an answer names it: its ID and the SHA-256 of the file it came from. */
export interface AmendmentUsed {
  id: string;
  sha256: string;
  file?: string;
}

/** True when the amendment is addressed to this plugin. */
export function amends(a: Amendment, def: PluginDefinition): boolean {
  return a.plugin === def.manifest.jurisdiction || a.plugin === def.manifest.name;
}

function replaceById<T extends { id: string }>(base: readonly T[], extra: readonly T[] | undefined): T[] {
  if (!extra?.length) return [...base];
  const ids = new Set(extra.map((x) => x.id));
  return [...base.filter((x) => !ids.has(x.id)), ...extra];
}

/** Problems with an amendment's own fields, before its records are checked with the plugin's data. */
export function checkAmendmentShape(a: Amendment, measureIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (typeof a !== 'object' || a === null) return ['expected a JSON object'];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.id ?? '')) problems.push('id: expected lower-case kebab');
  if (typeof a.plugin !== 'string' || !a.plugin) problems.push('plugin: expected a jurisdiction code or plugin name');
  if (!a.source?.url || !a.source.publisher || !isIsoDate(a.source.date)) problems.push('source: expected { url, publisher, date } (date YYYY-MM-DD)');
  for (const key of ['measures', 'statusEvents', 'entries', 'parties', 'advisories'] as const) {
    if (a[key] !== undefined && !Array.isArray(a[key])) problems.push(`${key}: expected an array`);
  }
  const known = new Set([...measureIds, ...(Array.isArray(a.measures) ? a.measures.map((m) => m.id) : [])]);
  (Array.isArray(a.statusEvents) ? a.statusEvents : []).forEach((e, i) => {
    const where = `statusEvents[${i}]`;
    if (!known.has(e.measure)) problems.push(`${where}.measure: "${e.measure}" is not a measure of this plugin`);
    if (!e.by) problems.push(`${where}.by: required (the act that made the change)`);
    if (e.event === 'suspension') {
      if (!isIsoDate(e.from)) problems.push(`${where}.from: expected YYYY-MM-DD`);
      if (e.to !== null && (!isIsoDate(e.to) || e.to < e.from)) problems.push(`${where}.to: expected YYYY-MM-DD on or after from, or null`);
    } else if (e.event === 'repeal') {
      if (!isIsoDate(e.lastDay)) problems.push(`${where}.lastDay: expected YYYY-MM-DD`);
    } else problems.push(`${where}.event: expected "suspension" or "repeal"`);
  });
  return problems;
}

/** The plugin with the amendments' records merged in and their status events applied. */
export function applyAmendments(def: PluginDefinition, amendments: readonly Amendment[]): PluginDefinition {
  let out: PluginDefinition = def;
  for (const a of amendments) {
    let measures = replaceById(out.measures, a.measures);
    for (const e of a.statusEvents ?? []) {
      measures = measures.map((m) => {
        if (m.id !== e.measure) return m;
        if (e.event === 'repeal') return { ...m, effective: { from: m.effective.from, to: e.lastDay }, repealedBy: e.by };
        const suspensions = [...(m.suspensions ?? []).filter((s) => s.from !== e.from || s.scope), { from: e.from, to: e.to, by: e.by }];
        return { ...m, suspensions: suspensions.sort((x, y) => (x.from < y.from ? -1 : 1)) };
      });
    }
    out = {
      ...out,
      measures,
      entries: replaceById(out.entries, a.entries),
      parties: replaceById(out.parties ?? [], a.parties),
      advisories: replaceById(out.advisories ?? [], a.advisories),
    };
  }
  return out;
}
