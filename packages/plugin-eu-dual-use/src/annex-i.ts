import type { CodeThreshold, Condition, ControlEntry, TransferType } from '@chokepoint/core';
import { readData } from './data-files.js';
import { toEngineCondition, type RawCondition } from './domain-conditions.js';

/** One line of Annex I as replaced by Delegated Regulation 2025/2003 (`data/annex-i-2025-2003.json`). */
export interface AnnexIRecord {
  code: string;
  parent: string | null;
  category: number;
  group: 'A' | 'B' | 'C' | 'D' | 'E';
  depth: number;
  description: string;
  notUsed?: boolean;
}

/** The window during which one version of Annex I applied, and the measure that carries it. */
export interface AnnexIVersion {
  measure: string;
  act: string;
  from: string;
  to: string | null;
}

interface DomainRecord {
  code: string;
  covers: string;
  conditions: RawCondition | null;
  subItems?: { code: string; conditions: RawCondition | null }[];
  decontrols?: string[];
  decontrolConditions?: RawCondition;
  notes?: string;
}

interface DomainLink {
  code: string;
  ids: string[];
  sub: string | null;
  assume: Record<string, number | string | boolean>;
  extra?: Condition[];
  prompts: Record<string, string>;
  title: string;
  confidence: 'high' | 'medium' | 'low';
  decontrol?: boolean;
  idSuffix?: string;
  since?: string;
}

interface AnnexIVFile {
  partI: Record<string, string[]>;
  partII: { cwc: string[]; nsgOther: string[] };
  narrowerThanAnnexI: Record<string, string>;
  /** Codes whose Annex IV part is recorded only by reference ("the listed MTCR items"), not item by item. */
  narrowerByReference?: string[];
}

export const ANNEX_I = readData<{ entries: AnnexIRecord[]; counts: { entries: number } }>('annex-i-2025-2003.json');
export const ANNEX_I_VERSIONS = readData<AnnexIVersion[]>('annex-i-measures.json');
const versionsFile = readData<{ entryFirstInForce: Record<string, string>; entryLastInForce?: Record<string, string> }>('annex-i-versions.json');
const domainFile = readData<{ entries: DomainRecord[] }>('annex-i-domain.json');
const linksFile = readData<{ links: DomainLink[] }>('domain-links.json');
const annexIVFile = readData<AnnexIVFile>('annex-iv.json');

/** Every code of the current Annex I (2,679), top-level entries and sub-items. */
export const ANNEX_I_CODES: ReadonlySet<string> = new Set(ANNEX_I.entries.map((e) => e.code));
/** Annex I codes printed as "Not used". */
export const NOT_USED_CODES: ReadonlySet<string> = new Set(ANNEX_I.entries.filter((e) => e.notUsed).map((e) => e.code));
/** IDs of the measures whose Annex I the entries belong to, oldest first. */
export const ANNEX_I_MEASURE_IDS: readonly string[] = ANNEX_I_VERSIONS.map((v) => v.measure);

const REGULATION_FROM = '2021-09-09';
const ALL_TRANSFERS: TransferType[] = ['goods', 'software', 'technology'];

/** Software (D) and technology (E) entries apply to every kind of transfer, since both also travel on media. */
function transfersFor(code: string): TransferType[] | undefined {
  const group = code[1];
  return group === 'D' || group === 'E' ? ALL_TRANSFERS : undefined;
}

/**
 * First day a top-level entry is known to exist (`annex-i-versions.json`), 2021-09-09 when not known otherwise.
 * The lists of 2022/1, in force from 2023-05-26 (2023/996), of 2023/2616 and of 2024/2547 were read in full: only
 * 2D352/3D006 (2023/66) and the x5xx codes (2025/2003) carry a later date; the original 2021 list is taken to be 2022/1's.
 */
export function entryFirstInForce(topLevelCode: string): string {
  return versionsFile.entryFirstInForce[topLevelCode] ?? REGULATION_FROM;
}

/** Last day a top-level entry was listed, when a version removed it (`annex-i-versions.json`); null while it is still listed. */
export function entryLastInForce(topLevelCode: string): string | null {
  return versionsFile.entryLastInForce?.[topLevelCode] ?? null;
}

/** Whether a top-level entry is in the Annex I of a version: added on or before the version's first day, not removed before it. */
export function entryInVersion(topLevelCode: string, v: Pick<AnnexIVersion, 'from'>): boolean {
  const last = entryLastInForce(topLevelCode);
  return entryFirstInForce(topLevelCode) <= v.from && (last === null || last >= v.from);
}

function versionWindow(v: AnnexIVersion): { from: string; to: string | null } | undefined {
  // The Regulation itself stays in force; only its original Annex I ended when 2022/1 replaced it.
  return v.measure === 'eu-reg-2021-821' ? { from: v.from, to: v.to } : undefined;
}

function topLevelEntries(): ControlEntry[] {
  const out: ControlEntry[] = [];
  const top = ANNEX_I.entries.filter((e) => e.depth === 0);
  for (const v of ANNEX_I_VERSIONS) {
    for (const rec of top) {
      if (!entryInVersion(rec.code, v)) continue;
      const transfers = transfersFor(rec.code);
      const window = versionWindow(v);
      out.push({
        id: `${v.measure}-${rec.code.toLowerCase()}`,
        measure: v.measure,
        code: rec.code,
        title: rec.description,
        covers: { controlCodes: [rec.code] },
        ...(transfers ? { transfers } : {}),
        destinations: { exclude: ['group:EU'] },
        requirement: 'license_required',
        reason: `Annex I entry ${rec.code} (${rec.description}): export out of the EU customs territory needs an authorisation (Art. 3 Reg. 2021/821), individual, global or a general one.`,
        ...(window ? { effective: window } : {}),
      });
    }
  }
  return out;
}

/**
 * What a link assumes about its items that the request cannot state otherwise (a material named in words, a form):
 * settled when the entry is built. A number it assumes (`fraction.Hf: 1` for hafnium metal) is only the item's usual
 * value, which a request may contradict (a 55 % hafnium alloy given as hafnium/metal): that stays a threshold, and
 * the usual value is the plugin's fact for the item ({@link assumedFacts}), which a parameter given overrides.
 */
function settledFacts(assume: DomainLink['assume']): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [param, value] of Object.entries(assume)) if (typeof value !== 'number') out[param] = value;
  return out;
}

/** Each taxonomy item's usual values of the numbers the domain links assume (`hafnium/metal` → `fraction.Hf` 1). */
const ASSUMED_NUMBERS = new Map<string, Record<string, number>>();
for (const link of linksFile.links) {
  for (const [param, value] of Object.entries(link.assume)) {
    if (typeof value !== 'number') continue;
    for (const id of link.ids) {
      const facts = ASSUMED_NUMBERS.get(id) ?? {};
      if (facts[param] !== undefined && facts[param] !== value) throw new Error(`domain-links.json: ${id} is assumed to have ${param} ${facts[param]} and ${value}`);
      facts[param] = value;
      ASSUMED_NUMBERS.set(id, facts);
    }
  }
}

/**
 * The usual values of the item the request resolved to, as parameters (core's `facts` hook: a parameter the request
 * gives wins). Where it resolved to several items, a value is given only when every one of them has it.
 */
export function assumedFacts(nodes: readonly string[]): Record<string, number> | undefined {
  if (!nodes.length) return undefined;
  const first = ASSUMED_NUMBERS.get(nodes[0]!);
  if (!first) return undefined;
  let out: Record<string, number> | undefined;
  for (const [param, value] of Object.entries(first)) {
    if (nodes.every((id) => ASSUMED_NUMBERS.get(id)?.[param] === value)) (out ??= {})[param] = value;
  }
  return out;
}

function domainCondition(link: DomainLink, rec: DomainRecord): Condition | undefined {
  const base = link.sub ? rec.subItems?.find((s) => s.code === link.sub)?.conditions : rec.conditions;
  if (base === undefined) throw new Error(`domain-links.json: ${link.sub} is not a sub-item of ${rec.code} in annex-i-domain.json`);
  const parts: RawCondition[] = [];
  if (base) parts.push(base);
  if (link.decontrol && rec.decontrolConditions) parts.push({ not: rec.decontrolConditions });
  const converted = toEngineCondition({ all: parts.length ? parts : [] }, settledFacts(link.assume));
  if (converted === false) throw new Error(`domain-links.json: ${link.code} for ${link.ids.join(', ')} can never apply`);
  const all = [...(converted === true ? [] : [converted]), ...(link.extra ?? [])];
  return all.length === 0 ? undefined : all.length === 1 ? all[0] : { all };
}

function domainEntries(): ControlEntry[] {
  const byCode = new Map(domainFile.entries.map((e) => [e.code, e]));
  const out: ControlEntry[] = [];
  for (const link of linksFile.links) {
    const parent = link.code.split('.')[0]!;
    const rec = byCode.get(link.code) ?? byCode.get(link.sub ? link.code.split('.').slice(0, 2).join('.') : parent) ?? byCode.get(parent);
    if (!rec) throw new Error(`domain-links.json: no domain record for ${link.code}`);
    const conditions = domainCondition(link, rec);
    const decontrols = rec.decontrols?.length ? ` Not controlled: ${rec.decontrols.join('; ')}.` : '';
    const since = link.since ?? entryFirstInForce(parent);
    const last = entryLastInForce(parent);
    for (const v of ANNEX_I_VERSIONS) {
      if (v.to !== null && v.to < since) continue;
      if (last !== null && last < v.from) continue;
      const from = since > v.from ? since : v.from;
      const window = versionWindow(v);
      const effective = from !== v.from || window ? { from, to: window ? window.to : v.to } : undefined;
      out.push({
        id: `${v.measure}-${link.code.toLowerCase()}-${link.idSuffix ?? 'item'}`,
        measure: v.measure,
        code: link.code,
        title: link.title,
        covers: { ids: link.ids },
        destinations: { exclude: ['group:EU'] },
        ...(conditions ? { conditions } : {}),
        ...(Object.keys(link.prompts).length ? { prompts: link.prompts } : {}),
        requirement: 'license_required',
        reason: `${link.title}: Annex I entry ${link.code}; export out of the EU customs territory needs an authorisation (Art. 3 Reg. 2021/821).${decontrols}`,
        ...(effective ? { effective } : {}),
        confidence: link.confidence,
      });
    }
  }
  return out;
}

/** Codes of Annex IV (items whose transfer between member states needs an authorisation, Art. 11). */
export function annexIVCodes(): { partI: string[]; partII: string[] } {
  const partI = [...new Set(Object.values(annexIVFile.partI).flat())];
  const category0 = ANNEX_I.entries.filter((e) => e.depth === 0 && e.category === 0 && e.code !== '0C001').map((e) => e.code);
  const partII = [...new Set([...annexIVFile.partII.cwc, ...category0, ...annexIVFile.partII.nsgOther])].filter((c) => !partI.includes(c));
  return { partI, partII };
}

/**
 * Annex IV codes that cover only part of their Annex I entry, with the part in our words (`narrowerThanAnnexI`):
 * 0C002 only separated plutonium and uranium enriched above 20 %, 1E001 only technology for 1C012.b, and so on.
 */
export const ANNEX_IV_PARTIAL: Readonly<Record<string, string>> = annexIVFile.narrowerThanAnnexI;

/**
 * The request parameter that says whether an item of a code only partly in Annex IV is within the Annex IV part
 * (1 = yes, 0 = no). Asked on a transfer to another member state; 1 needs the transfer authorisation of Art. 11.
 */
export const ANNEX_IV_PART_PARAM = 'eu.annexIvPart';

/**
 * Whether a 0C002 item is within Annex IV's part ("uranium enriched to more than 20 % in U-235 or U-233"), read from
 * the isotope ratio the request states, `isotopeRatio.U235plusU233ToU238` (the Annex I definition's ratio to U-238).
 * A share of 20 % of the uranium is a ratio of 0.25 to U-238, counting U-234 and U-236 as nothing; a ratio within
 * 0.01 of it is left to the question, since those isotopes can move the share across 20 %. Plutonium states no
 * uranium ratio, so a separated-plutonium item is still asked. Undefined when the request does not decide it.
 */
export function annexIVPartOf0C002(euCode: string | undefined, parameters: Readonly<Record<string, number>> | undefined): 0 | 1 | undefined {
  if (!euCode || !(euCode === '0C002' || euCode.startsWith('0C002.'))) return undefined;
  const ratio = parameters?.['isotopeRatio.U235plusU233ToU238'];
  if (ratio === undefined || Math.abs(ratio - 0.25) <= 0.01) return undefined;
  return ratio > 0.25 ? 1 : 0;
}

/** The question for {@link ANNEX_IV_PART_PARAM} on a code only partly in Annex IV, naming the part. */
export function annexIVPartPrompt(code: string): string {
  const part = ANNEX_IV_PARTIAL[code];
  if (part === undefined) throw new Error(`annex-iv.json: ${code} is wholly in Annex IV`);
  return `Annex IV of Regulation 2021/821 lists ${code} only in part: ${part}. Is the item within that part (1 = yes, 0 = no)? If it is, transferring it to another member state needs a transfer authorisation (Art. 11); the rest of ${code} moves freely within the Union.`;
}

function annexIVEntries(): ControlEntry[] {
  const { partI, partII } = annexIVCodes();
  const byReference = new Set(annexIVFile.narrowerByReference ?? []);
  const entry = (code: string, part: 'I' | 'II'): ControlEntry => {
    const narrower = ANNEX_IV_PARTIAL[code];
    const transfers = transfersFor(code);
    const what = narrower ? `${code} is in Annex IV Part ${part} only in part (${narrower}): moving an item within that part` : `${code} is in Annex IV Part ${part}: moving it`;
    return {
      id: `annex-iv-${code.toLowerCase()}`,
      measure: 'eu-reg-2021-821',
      code,
      title: `Annex IV Part ${part}: ${code}${narrower ? ` (${narrower})` : ''}`,
      covers: { controlCodes: [code] },
      ...(transfers ? { transfers } : {}),
      destinations: { include: ['group:EU'] },
      // Only the Annex IV part needs the transfer authorisation: whether the item is in it is asked, never assumed.
      ...(narrower ? { conditions: { param: ANNEX_IV_PART_PARAM, op: '==' as const, value: 1 }, prompts: { [ANNEX_IV_PART_PARAM]: annexIVPartPrompt(code) } } : {}),
      requirement: 'license_required',
      reason: part === 'I'
        ? `${what} to another member state needs a transfer authorisation (Art. 11 Reg. 2021/821); a national general authorisation may cover it.`
        : `${what} to another member state needs an individual or global transfer authorisation (Art. 11 Reg. 2021/821); no general authorisation can cover it.`,
      // The part is asked item by item; only where the data records it by reference ("the listed MTCR items") is it less sure.
      ...(byReference.has(code) ? { confidence: 'medium' as const } : {}),
    };
  };
  return [...partI.map((c) => entry(c, 'I')), ...partII.map((c) => entry(c, 'II'))];
}

/**
 * Each domain record's thresholds for a stated code (core's `codeThresholds`): the entry's conditions, or a sub-item's,
 * less its machine-readable release notes. The record's conditions assume the item is the material the entry names,
 * which a stated code asserts. A sub-item listed by identity alone (conditions null) has no threshold to contradict.
 */
export function codeThresholds(): CodeThreshold[] {
  const out: CodeThreshold[] = [];
  const add = (code: string, raw: RawCondition | null, release: RawCondition | undefined) => {
    if (!raw) return;
    const conditions = toEngineCondition(release ? { all: [raw, { not: release }] } : raw);
    if (typeof conditions !== 'boolean') out.push({ code, conditions });
  };
  for (const rec of domainFile.entries) {
    add(rec.code, rec.conditions, rec.decontrolConditions);
    for (const sub of rec.subItems ?? []) add(sub.code, sub.conditions, rec.decontrolConditions);
  }
  return out;
}

/** Every control entry: each Annex I version's entries, the domain entries found by taxonomy ID, and Annex IV. */
export function buildEntries(): ControlEntry[] {
  // Member-state authorities decide each application against the criteria of Art. 15 (and Art. 11 for Annex IV
  // transfers); no general presumption applies, so a licence requirement is reviewed case by case.
  return [...topLevelEntries(), ...domainEntries(), ...annexIVEntries()].map((e) => (e.requirement === 'license_required' && !e.licensePolicy ? { ...e, licensePolicy: 'case_by_case' } : e));
}
