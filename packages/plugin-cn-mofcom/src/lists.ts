import { normalizeName, partiesFromList, type ListBinding, type ListEntry, type ListedParty, type Measure, type PartyList } from '@chokepoint/core';

/**
 * China's party lists as importable bindings (CONTRACT §10): `chokepoint data update --list
 * cn-unreliable-entity-list` (or any of the four) reads MOFCOM's designations in the cn-lists.json form, and
 * the imported copy replaces the bundled parties of that list in assessments.
 *
 * Each imported entry becomes a party of the announcement that listed it: the bundled party with the same
 * name when there is one (its measure, requirement and confidence were checked against the announcement),
 * else the plugin's measure for the announcement the entry's ID names ("CN-ECL:MOFCOM-2025-1:3" → MOFCOM
 * Announcement No. 1 of 2025), else the list's legal basis, with the entry's own link kept. Listing dates,
 * stops and suspensions come from the imported copy, which is newer.
 */
interface CnListSpec {
  list: string;
  title: string;
  /** The list's legal basis: the finding's measure for a listing whose announcement the data does not describe. */
  basis: string;
  /** The measures of this list's announcements have IDs starting so. */
  prefix: string;
  consequence: ListBinding['consequence'];
  covers: ListedParty['covers'];
  owned?: string;
}

const SPECS: CnListSpec[] = [
  {
    list: 'cn-export-control-list', title: 'China export-control control list (出口管制管控名单)', basis: 'cn-ecl-2020', prefix: 'cn-mofcom-',
    consequence: { requirement: 'prohibited', summary: 'Exporters may not transact controlled items with a party on the control list (Export Control Law art. 18).' },
    covers: { anyListed: true },
  },
  {
    list: 'cn-export-control-watch-list', title: 'China export-control watch list (关注名单)', basis: 'cn-state-council-2024-792', prefix: 'cn-mofcom-',
    consequence: { requirement: 'license_required', licensePolicy: 'case_by_case', summary: 'No general licence; an individual licence with a risk assessment and an end-use pledge (Regulations on Export Control of Dual-Use Items).' },
    covers: { anyListed: true },
  },
  {
    list: 'cn-unreliable-entity-list', title: 'China Unreliable Entity List (不可靠实体清单)', basis: 'cn-uel-provisions-2020', prefix: 'cn-uel-',
    consequence: { requirement: 'prohibited', summary: 'China-related import and export by the party is banned, among the measures the working mechanism decides (Provisions on the Unreliable Entity List, art. 10).' },
    covers: { all: true },
  },
  {
    list: 'cn-anti-foreign-sanctions-list', title: 'China countermeasure list (反制清单, Anti-Foreign Sanctions Law)', basis: 'cn-afsl-2021', prefix: 'cn-countermeasure-',
    consequence: { requirement: 'prohibited', summary: 'Organisations and individuals in China may not transact or cooperate with the party (Anti-Foreign Sanctions Law art. 6).' },
    covers: { all: true },
    owned: 'Under the Anti-Foreign Sanctions Law (art. 5) countermeasures may be decided against organisations that listed persons actually control; such a decision names them, and this answer does not extend the listing by ownership alone.',
  },
];

/** "CN-UEL:UEL-2025-7:11" → year 2025, number 7; dated announcements ("MOFCOM-2025-0709") give no number. */
function announcementOf(entryId: string): { year: string; number: string } | undefined {
  const m = /^[^:]+:[A-Z]+-(\d{4})-(\d{1,3}):/.exec(entryId);
  return m ? { year: m[1]!, number: String(Number(m[2])) } : undefined;
}

const nameKey = (name: string) => normalizeName(name).compact;

/** The list bindings, reading the plugin's own parties and measures to attribute each imported entry. */
export function cnListBindings(parties: readonly ListedParty[], measures: readonly Measure[], sourceOf: (measure: string) => ListBinding['source']): ListBinding[] {
  return SPECS.map((spec) => {
    // The bundled parties by normalised name, made when an imported list is first read (most hosts import none).
    let bundled: Map<string, ListedParty> | undefined;
    const bundledByName = (): Map<string, ListedParty> => {
      if (bundled) return bundled;
      bundled = new Map();
      for (const p of parties.filter((x) => x.list === spec.list)) for (const n of [p.name, ...(p.aliases ?? [])]) bundled.set(nameKey(n), p);
      return bundled;
    };
    const byAnnouncement = (a: { year: string; number: string }) =>
      measures.find((m) => m.id.startsWith(spec.prefix) && new RegExp(`No\\. ${a.number} of ${a.year}$`).test(m.reference));
    // The core's reading of each entry, then attributed to its announcement.
    const attribute = (list: PartyList, e: ListEntry, p: ListedParty): ListedParty => {
      const known = [e.name, ...(e.aliases ?? [])].map((n) => bundledByName().get(nameKey(n))).find((x) => x !== undefined);
      const announcement = announcementOf(e.id);
      const measure = known?.measure ?? (announcement && byAnnouncement(announcement)?.id) ?? spec.basis;
      const requirement = known?.requirement ?? p.requirement;
      const licensePolicy = requirement === 'license_required' ? (known?.licensePolicy ?? p.licensePolicy ?? spec.consequence.licensePolicy) : undefined;
      const entrySource = e.sourceUrl ? [{ url: e.sourceUrl, publisher: `MOFCOM${e.programs?.length ? ` (${e.programs.join('; ')})` : ''}`, date: e.listedOn ?? list.asOf }] : [];
      const { licensePolicy: _policy, ...rest } = p;
      return {
        ...rest,
        listTitle: spec.title,
        measure,
        added: e.listedOn ?? known?.added ?? list.asOf,
        requirement,
        ...(licensePolicy ? { licensePolicy } : {}),
        covers: known?.covers ?? spec.covers,
        sources: [...entrySource, list.source],
        // A listing attributed to the list's legal basis only: the announcement itself is not in the data.
        confidence: measure === spec.basis ? 'low' : (known?.confidence ?? 'medium'),
      };
    };
    const binding: ListBinding = {
      list: spec.list,
      title: spec.title,
      measure: spec.basis,
      consequence: spec.consequence,
      source: sourceOf(spec.basis),
      covers: spec.covers,
      ...(spec.owned ? { owned: spec.owned } : {}),
    };
    binding.toParties = (list: PartyList) => partiesFromList(list, binding).map((p, i) => attribute(list, list.entries[i]!, p));
    return binding;
  });
}
