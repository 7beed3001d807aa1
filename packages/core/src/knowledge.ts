import type { AmendmentUsed } from './amendments.js';
import type { CompiledPlugin } from './compiled-plugin.js';
import { todayUtc } from './dates.js';
import { bundledLists } from './imported-lists.js';
import type { ListBinding, PartyList } from './lists.js';
import { ListScreener, type ScreeningResponse } from './screening.js';
import type { DataUsed, IsoDate, Warning } from './types.js';

/** Data status (CONTRACT §10 `data status`). */
export interface DataStatus {
  plugins: DataUsed[];
  /** Every list screening uses, bound to a plugin or not. */
  lists: { id: string; name: string; jurisdiction: string; entries: number; asOf: IsoDate; origin: 'imported' | 'bundled'; stale: boolean; sample?: string }[];
  amendments: AmendmentUsed[];
  listMaxAgeDays: number;
}

/** What an engine knows beyond its rules: the lists it screens, the amendments it applied, and how old they are. */
export interface Knowledge {
  /** Every loaded list in one index (CONTRACT §9), built on first use. */
  readonly screener: ListScreener;
  /** The `data` block of an answer: a fresh copy each time, so that callers may change theirs. */
  dataBlock(): DataUsed[];
  /** `stale_list` and `sample_list` warnings for the plugins that screened a party. */
  listWarnings(plugins: readonly CompiledPlugin[]): Warning[];
  /** Screens a party (CONTRACT §9), with `stale_list` and `sample_list` warnings for the lists it was screened against. */
  screen(request: unknown): ScreeningResponse;
  status(): DataStatus;
}

/** Sample bindings as the warnings name them: "title: what the copy holds", joined. */
const samplesInWords = (bindings: readonly ListBinding[]): string => bindings.map((b) => `${b.title}: ${b.sample}`).join('; ');
/** Lists as the warnings name them: "id (dated asOf)", joined. */
const datedIds = (lists: readonly { id: string; asOf: IsoDate }[]): string => lists.map((l) => `${l.id} (dated ${l.asOf})`).join(', ');
const IMPORT_FULL_LISTS = 'Run `chokepoint data update` (or POST /v1/admin/lists) to import the full lists.';

/** Builds the lists and data status of an engine's plugins once, at engine creation. */
export function buildKnowledge(compiled: readonly CompiledPlugin[], imported: readonly PartyList[], amendmentsUsed: ReadonlyMap<string, AmendmentUsed[]>, listMaxAgeDays: number, isCountry?: (code: string) => boolean): Knowledge {
  const importedIds = new Set(imported.map((l) => l.id));
  const origin = (id: string) => (importedIds.has(id) ? ('imported' as const) : ('bundled' as const));
  const bundled = new Map(compiled.map((p) => [p, bundledLists(p.definition)]));
  const screeningLists: PartyList[] = [...compiled.flatMap((p) => bundled.get(p)!).filter((l) => !importedIds.has(l.id)), ...imported];
  const ageDays = (asOf: IsoDate) => (Date.parse(todayUtc()) - Date.parse(asOf)) / 86_400_000;
  // Bound lists whose bundled copy is a sample (or absent) and that were not imported.
  const samples = new Map(compiled.map((p) => [p.manifest.name, (p.definition.lists ?? []).filter((b) => b.sample && !importedIds.has(b.list))]));
  /** The same bindings, all plugins together. */
  const sampleBindings = [...samples.values()].flat();
  const dataUsed = new Map<string, DataUsed>(compiled.map((p) => {
    const sampled = new Set(samples.get(p.manifest.name)!.map((b) => b.list));
    const lists = bundled.get(p)!.map((l) => ({ id: l.id, asOf: imported.find((i) => i.id === l.id)?.asOf ?? l.asOf, entries: l.entries.length, origin: origin(l.id), ...(sampled.has(l.id) ? { sample: true } : {}) }));
    return [p.manifest.name, { plugin: p.manifest.name, version: p.manifest.version, dataVerifiedThrough: p.manifest.dataVerifiedThrough, lists, amendments: amendmentsUsed.get(p.manifest.name) ?? [] }];
  }));
  const sampleWarning = (p: CompiledPlugin): Warning[] => {
    const partial = samples.get(p.manifest.name)!;
    if (!partial.length) return [];
    return [{
      code: 'sample_list', jurisdiction: p.manifest.jurisdiction,
      message: `Screening used sample lists, not the publishers' full lists: ${samplesInWords(partial)}. A party without a hit is not cleared. ${IMPORT_FULL_LISTS}`,
    }];
  };
  // One warning per regime naming each of its lists that is out of date, not one per list: a party screened against
  // five lists of one regime would otherwise bring five warnings that say the same thing.
  const staleListWarning = (p: CompiledPlugin): Warning[] => {
    const stale = dataUsed.get(p.manifest.name)!.lists.filter((l) => ageDays(l.asOf) > listMaxAgeDays);
    if (!stale.length) return [];
    const message = stale.length === 1
      ? `The ${stale[0]!.id} list used to screen the parties is dated ${stale[0]!.asOf}, more than ${listMaxAgeDays} days ago; run \`chokepoint data update\` for a current copy.`
      : `The lists used to screen the parties are more than ${listMaxAgeDays} days old: ${datedIds(stale)}; run \`chokepoint data update\` for current copies.`;
    return [{ code: 'stale_list', jurisdiction: p.manifest.jurisdiction, message }];
  };
  // A screening answer names the lists it searched: its warnings are about those (and, when the request named no lists,
  // about bound lists of which nothing is loaded), each kind once for all of them.
  const loadedIds = new Set(screeningLists.map((l) => l.id));
  const screenedListWarnings = (answer: ScreeningResponse): Warning[] => {
    const searched = new Set(answer.lists.map((l) => l.id));
    const sampled = sampleBindings.filter((b) => searched.has(b.list) || (!answer.query.lists && !loadedIds.has(b.list)));
    const stale = answer.lists.filter((l) => ageDays(l.asOf) > listMaxAgeDays);
    const out: Warning[] = [];
    if (sampled.length) out.push({ code: 'sample_list', message: `Screened against sample lists, not the publishers' full lists: ${samplesInWords(sampled)}. A name without a match is not cleared. ${IMPORT_FULL_LISTS}` });
    if (stale.length) out.push({ code: 'stale_list', message: `${stale.length === 1 ? 'A list screened is' : 'Lists screened are'} more than ${listMaxAgeDays} days old: ${datedIds(stale)}. A name without a match there is not cleared of listings made since; run \`chokepoint data update\` for current copies.` });
    return out;
  };
  const copy = (d: DataUsed): DataUsed => ({ ...d, lists: d.lists.map((l) => ({ ...l })), amendments: d.amendments.map((a) => ({ ...a })) });
  // Every answer carries the same block: built and frozen once, shared rather than copied per answer.
  const sharedBlock = Object.freeze([...dataUsed.values()].map((d) => Object.freeze({ ...copy(d), lists: Object.freeze(d.lists.map((l) => Object.freeze({ ...l }))), amendments: Object.freeze(d.amendments.map((a) => Object.freeze({ ...a }))) }))) as unknown as DataUsed[];
  // The whole-list index is built on the first screening: an engine that only assesses never pays for it.
  let screener: ListScreener | undefined;
  const theScreener = () => (screener ??= new ListScreener(screeningLists, isCountry, compiled.flatMap((p) => (p.definition.lists ?? []).flatMap((b) => (b.brands ?? []).map((brand) => ({ ...brand, list: b.list }))))));
  return {
    get screener() {
      return theScreener();
    },
    dataBlock: () => sharedBlock,
    listWarnings: (plugins) => plugins.flatMap((p) => [...sampleWarning(p), ...staleListWarning(p)]),
    screen(request) {
      const answer = theScreener().screen(request);
      const warnings = screenedListWarnings(answer);
      return warnings.length ? { ...answer, warnings } : answer;
    },
    status: () => ({
      plugins: [...dataUsed.values()].map(copy),
      lists: [
        ...screeningLists.map((l) => {
          const sample = sampleBindings.find((b) => b.list === l.id)?.sample;
          return { id: l.id, name: l.name, jurisdiction: l.jurisdiction, entries: l.entries.length, asOf: l.asOf, origin: origin(l.id), stale: ageDays(l.asOf) > listMaxAgeDays, ...(sample ? { sample } : {}) };
        }),
        // A bound list with nothing bundled and nothing imported is still named, so that its absence shows.
        ...compiled.flatMap((p) => samples.get(p.manifest.name)!.filter((b) => !screeningLists.some((l) => l.id === b.list)).map((b) => ({
          id: b.list, name: b.title, jurisdiction: p.manifest.jurisdiction, entries: 0, asOf: p.manifest.dataVerifiedThrough, origin: 'bundled' as const, stale: ageDays(p.manifest.dataVerifiedThrough) > listMaxAgeDays, sample: b.sample!,
        }))),
      ],
      amendments: [...amendmentsUsed.values()].flat(),
      listMaxAgeDays,
    }),
  };
}
