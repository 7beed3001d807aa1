import type { EvaluationContext, Finding, Question, Warning } from '@chokepoint/core';
import {
  lookupList, lookupMaterial, matchVersion, unreadBefore, unreadTransition, windDownOn, SANCTIONS_LISTS, SANCTIONS_MATERIALS, SANCTIONS_READ_THROUGH,
  type ListAnswer, type MaterialEntry, type SanctionsList, type WindDown,
} from './sanctions-lists.js';

/** Item parameters this module asks about (CONTRACT §6 numbers; 1 = yes, 0 = no). */
export const SANCTIONS_PARAMS = {
  priorContract: 'eu.priorContract',
  excluded: 'eu.excludedFromEntry',
  listedOnDate: 'eu.sanctionsListed',
} as const;

/** What the sanctions lists add to an answer. */
export interface SanctionsOutcome {
  findings: Finding[];
  questions: Question[];
  warnings: Warning[];
}

const NAMES: Record<string, string> = { RU: 'Russia', BY: 'Belarus' };

/** A sanctioned country the transfer reaches, and the request field that shows it (the destination or a party there). */
export interface SanctionTarget {
  country: string;
  basis: string;
}

/** What each article leaves out, by the day its wording took effect (latest first). */
const EXCEPTIONS: Record<string, readonly { from: string; text: string }[]> = {
  'eu-reg-833-2014-art-2a': [
    { from: '2025-02-25', text: 'Art. 2a(3) (as replaced by Regulation 2025/395) leaves out, for a non-military use and end user, only humanitarian purposes, health emergencies, disasters and medical or pharmaceutical purposes (items not in Annex XL), declared in the customs declaration; software updates, consumer communication devices and the other former exceptions became derogations a competent authority may authorise (Art. 2a(4)).' },
    { from: '2022-02-26', text: 'Art. 2a(3) leaves out, for a non-military use and end user, goods for humanitarian or medical purposes, news media, software updates, consumer communication devices and personal effects; Art. 2a(4)-(5) lets the competent authority authorise some civil uses.' },
  ],
  'eu-reg-833-2014-art-3k': [
    { from: '2022-04-09', text: 'Art. 3k(4) leaves out goods for diplomatic missions of member states or partner countries and international organisations; Art. 3k(5) lets the competent authority authorise medical, humanitarian and civil nuclear uses.' },
  ],
  'eu-reg-765-2006-art-1f': [
    { from: '2022-03-03', text: 'Art. 1f of Regulation 765/2006 leaves out some non-military uses and lets the competent authority authorise others; those exceptions are not evaluated here.' },
  ],
  'eu-reg-765-2006-art-1bb': [
    { from: '2024-07-01', text: 'Art. 1bb(7) and (11) leave out goods for diplomatic missions and, for a non-military use and end user, health emergencies and disasters; Art. 1bb(8)-(14) let the competent authority authorise medical, humanitarian, civil nuclear and some household uses.' },
  ],
  'eu-reg-765-2006-art-1s': [
    { from: '2022-03-03', text: 'Art. 1s(2) leaves out, for a non-military use and end user, machinery for humanitarian or medical purposes, news media, software updates, consumer communication devices, cyber-security and personal effects.' },
  ],
};

function exceptionsOn(measure: string, date: string): string {
  return EXCEPTIONS[measure]?.find((e) => date >= e.from)?.text ?? '';
}

function param(ctx: EvaluationContext, name: string): number | undefined {
  return ctx.request.item.parameters?.[name];
}

function digitsOf(code: string | undefined): string | undefined {
  const d = code?.replace(/\D/g, '');
  return d && d.length >= 4 ? d : undefined;
}

/** The customs codes to look up: the request's, else the HS-6 codes of the taxonomy nodes it resolved to. */
export function customsCodes(ctx: EvaluationContext): { codes: string[]; label: (c: string) => string } {
  const given = digitsOf(ctx.request.item.cnCode) ?? digitsOf(ctx.request.item.hs) ?? digitsOf(ctx.item.customsCode);
  if (given) return { codes: [given], label: (c) => `hs ${c}` };
  const fromNodes = new Set<string>();
  for (const id of ctx.item.nodes) for (const hs of ctx.taxonomy.node(id)?.identifiers?.hs ?? []) { const d = digitsOf(hs); if (d) fromNodes.add(d); }
  return { codes: [...fromNodes], label: (c) => `hs ${c} (of taxonomy item ${ctx.item.nodes.join(', ')})` };
}

/**
 * The question for a customs code when the request gives none. A technology has no code of its own; what the lists
 * reach is the technical assistance related to the goods they list, which includes passing on working knowledge or
 * skills (Regulation 833/2014 Art. 1(c), and Art. 2a(2) and 3k(2) for Annexes VII and XXIII): the code asked is that of
 * the goods the technology is for (Russia review R40).
 */
function customsCodeQuestion(ctx: EvaluationContext, to: string, lists: readonly SanctionsList[]): Question {
  const listed = `EU sanctions on ${NAMES[to]} ban many goods by CN code (${lists.map((l) => `${l.annex}, ${l.law}`).join('; ')})`;
  if (ctx.request.transfer === 'technology') {
    const definition = to === 'RU' ? ' (Art. 1(c) of Regulation 833/2014)' : '';
    return { parameter: 'item.hs', prompt: `${listed} and technical assistance related to those goods, which includes passing on working knowledge or skills${definition}; give in item.hs the HS or CN code (6 digits or more) of the goods this technology is for.` };
  }
  return { parameter: 'item.hs', prompt: `${listed}; give the item's HS or CN code (6 digits or more).` };
}

function cn(code: string): string {
  return code.length <= 4 ? code : `${code.slice(0, 4)} ${code.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

function windDownQuestion(w: WindDown, law: string, name: string): Question {
  return {
    parameter: SANCTIONS_PARAMS.priorContract,
    prompt: `${law}, ${name}: the ban does not apply until ${w.until} to executing a contract concluded before ${w.contractsBefore} (or an ancillary contract needed for it) — ${w.law}. Does this export execute such a contract? Give item.parameters["${SANCTIONS_PARAMS.priorContract}"] = 1 or 0.`,
    candidates: ['1', '0'],
  };
}

interface Hit {
  list: SanctionsList;
  answer: ListAnswer;
  digits: string;
}

function outcomeKey(a: ListAnswer): string {
  return a.kind === 'listed' ? `listed${a.ask ? ':ask' : ''}` : a.kind;
}

function listFinding(ctx: EvaluationContext, t: SanctionTarget, hit: Hit & { answer: Extract<ListAnswer, { kind: 'listed' }> }, label: string): Finding {
  const { list, answer } = hit;
  const name = NAMES[t.country] ?? t.country;
  const act = answer.version.source.act;
  return ctx.finding({
    measure: list.measure,
    entry: { id: `${list.id}-${answer.code}`, code: `CN ${cn(answer.code)}` },
    requirement: 'prohibited',
    reason: `CN ${cn(answer.code)} is listed in ${list.annex} to the Regulation (${list.kind}; the list in force since ${answer.version.from} is that of ${act}), so ${list.law} prohibits selling, supplying, transferring or exporting it, whatever its origin, to ${name} or for use there, and related technical or financial assistance. ${exceptionsOn(list.measure, ctx.request.date)}`.trim(),
    matchedOn: [label, t.basis],
    part: { effective: { from: answer.since, to: null } },
  });
}

function evaluateListHit(ctx: EvaluationContext, t: SanctionTarget, hit: Hit, label: string, out: SanctionsOutcome): void {
  const { list, answer, digits } = hit;
  const name = NAMES[t.country] ?? t.country;
  if (answer.kind === 'too_short') {
    out.questions.push({ parameter: 'item.hs', prompt: `${list.annex} (${list.law}) lists codes under ${cn(digits)} (e.g. ${answer.under.slice(0, 4).map(cn).join(', ')}) but not all of ${cn(digits)}; give the longer CN code of the item.` });
    return;
  }
  if (answer.kind === 'uncertain') {
    const listed = param(ctx, SANCTIONS_PARAMS.listedOnDate);
    if (listed === 1) {
      out.findings.push(ctx.finding({
        measure: list.measure, entry: { id: `${list.id}-${answer.code}`, code: `CN ${cn(answer.code)}` }, requirement: 'prohibited',
        reason: `As you state, CN ${cn(answer.code)} was listed in ${list.annex} on ${ctx.request.date}, so ${list.law} prohibits exporting it to ${name}.`,
        matchedOn: [label, `${SANCTIONS_PARAMS.listedOnDate} 1`],
      }));
    } else if (listed === 0 && matchVersion(list, answer.version, digits).kind !== 'listed') {
      // Not listed on the date, as you state, but listed by the next act read: shown with its status, not counted (CONTRACT §3).
      out.findings.push(ctx.finding({
        measure: list.measure, entry: { id: `${list.id}-future-${digits}`, code: `CN ${cn(answer.code)}` }, requirement: 'prohibited',
        reason: `As you state, CN ${cn(answer.code)} was not yet listed in ${list.annex} on ${ctx.request.date}; the list in force from ${answer.gap.next} lists it (it may have come in earlier, on or after ${answer.gap.from}, through amendments this plugin has not read). From then ${list.law} prohibits exporting it to ${name}.`,
        matchedOn: [label, t.basis, `${SANCTIONS_PARAMS.listedOnDate} 0`], part: { effective: { from: answer.gap.next, to: null } },
      }));
    } else if (listed === undefined) {
      out.questions.push({
        parameter: SANCTIONS_PARAMS.listedOnDate,
        prompt: `Was CN ${cn(answer.code)} listed in ${list.annex} to the Regulation on ${ctx.request.date}? This plugin holds the list in force from ${answer.version.from} and the one from ${answer.gap.next}, which differ on this code; in between it changed through ${answer.gap.acts}. Check the consolidated text for ${ctx.request.date} and give item.parameters["${SANCTIONS_PARAMS.listedOnDate}"] = 1 or 0.`,
        candidates: ['1', '0'],
      });
    }
    return;
  }
  if (answer.kind === 'not_listed' && answer.earlier) {
    // A listing that ended before the request date: shown as repealed, not counted (CONTRACT §3).
    const { earlier } = answer;
    const end = earlier.gap ? `until ${earlier.to} at the latest (it may have been removed between ${earlier.gap.from} and ${earlier.gap.to}, through amendments this plugin has not read)` : `until ${earlier.to}`;
    out.findings.push(ctx.finding({
      measure: list.measure, entry: { id: `${list.id}-past-${digits}`, code: `CN ${cn(digits)}` }, requirement: 'prohibited',
      reason: `${list.annex} listed this code from ${earlier.from} ${end}; the list of ${earlier.by.source.act}, in force from ${earlier.by.from}, no longer does, so ${list.law} no longer prohibits exporting it to ${name} under that annex.`,
      matchedOn: [label, t.basis], part: { effective: { from: earlier.from, to: earlier.to } },
    }));
  }
  if ((answer.kind === 'not_listed' || answer.kind === 'not_in_force') && answer.laterFrom) {
    // A listing that starts after the request date: shown, not counted (CONTRACT §3).
    const unread = unreadBefore(list, digits, ctx.request.date, answer.laterFrom);
    const when = unread ? `from ${answer.laterFrom} at the latest (it may have come in between ${unread.from} and ${unread.to}, through amendments this plugin has not read)` : `only from ${answer.laterFrom}`;
    out.findings.push(ctx.finding({
      measure: list.measure, entry: { id: `${list.id}-future-${digits}`, code: `CN ${cn(digits)}` }, requirement: 'prohibited',
      reason: `${list.annex} lists this code ${when}; from then ${list.law} prohibits exporting it to ${name}.`,
      matchedOn: [label, t.basis], part: { effective: { from: answer.laterFrom, to: null } },
    }));
    return;
  }
  if (answer.kind !== 'listed') return;
  if (answer.ask) {
    const excluded = param(ctx, SANCTIONS_PARAMS.excluded);
    if (excluded === 1) return;
    if (excluded === undefined) {
      out.questions.push({ parameter: SANCTIONS_PARAMS.excluded, prompt: `${list.annex} lists CN ${cn(answer.code)} except ${answer.ask.unless}. Is the item ${answer.ask.unless}? Give item.parameters["${SANCTIONS_PARAMS.excluded}"] = 1 or 0.`, candidates: ['1', '0'] });
      return;
    }
  }
  const w = windDownOn(list, digits, answer.code, ctx.request.date);
  if (w) {
    const prior = param(ctx, SANCTIONS_PARAMS.priorContract);
    if (prior === 1) {
      out.warnings.push({ code: 'wind_down', message: `CN ${cn(answer.code)} is listed in ${list.annex}, but ${w.law} lets a contract concluded before ${w.contractsBefore} be executed until ${w.until}; as this export executes such a contract, the ban does not apply to it yet.`, measure: list.measure });
      return;
    }
    if (prior === undefined) {
      out.questions.push(windDownQuestion(w, list.law, name));
      return;
    }
  }
  const unread = unreadTransition(list, answer, ctx.request.date);
  if (unread) out.warnings.push({ code: 'transition_unverified', message: `CN ${cn(answer.code)} was first listed in ${list.annex} by ${unread.source.act}, in force ${unread.from}; that act's transitional clause for contracts concluded earlier, if any, was not read, so an older contract may still be executable for a while.`, measure: list.measure });
  out.findings.push(listFinding(ctx, t, hit as Hit & { answer: Extract<ListAnswer, { kind: 'listed' }> }, label));
}

/**
 * Whether the item is of the kind an entry restricted to taxonomy items (`ids`) describes: yes or no from the nodes it
 * resolved to, else the request's answer to `askNode` (undefined when not given).
 */
function ofEntryKind(ctx: EvaluationContext, entry: MaterialEntry): boolean | undefined {
  if (!entry.ids) return true;
  const stated = entry.askNode ? param(ctx, entry.askNode.parameter) : undefined;
  if (stated !== undefined) return stated === 1;
  const inside = ctx.item.nodes.filter((n) => entry.ids!.some((id) => ctx.taxonomy.ancestors(n).includes(id)));
  // Resolved wholly inside or wholly outside the entry's items decides it; a code that stands for both (cells and batteries) is asked.
  if (ctx.item.nodes.length && inside.length === ctx.item.nodes.length) return true;
  if (ctx.item.nodes.length && inside.length === 0) return false;
  return undefined;
}

function evaluateMaterial(ctx: EvaluationContext, t: SanctionTarget, entry: MaterialEntry, digits: string, label: string, out: SanctionsOutcome): void {
  const kind = ofEntryKind(ctx, entry);
  if (kind === false) return;
  const answer = lookupMaterial(entry, digits, ctx.request.date, ctx.request.item.parameters, ctx.composition);
  const name = NAMES[t.country] ?? t.country;
  const base = `Annex VII Part A entry ${entry.id} (${entry.title})`;
  if (kind === undefined && answer.kind !== 'not_listed' && answer.kind !== 'later') {
    out.questions.push({ parameter: entry.askNode!.parameter, prompt: `${base} applies to ${name} from ${entry.from}. ${entry.askNode!.prompt} Give item.parameters["${entry.askNode!.parameter}"] = 1 or 0.`, candidates: ['1', '0'] });
    return;
  }
  switch (answer.kind) {
    case 'listed':
      out.findings.push(ctx.finding({
        measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}`, code: entry.id }, requirement: 'prohibited',
        reason: `${base} covers this item, so Art. 2a of Regulation 833/2014 prohibits exporting it to ${name} or for use there. ${exceptionsOn(entry.measure, ctx.request.date)} The CN headings used to find the entry are our reading of its text.`,
        matchedOn: [label, ...(entry.condition ? ['item.parameters'] : []), t.basis], part: { effective: { from: entry.from, to: null } },
      }));
      return;
    case 'ask':
      if (entry.otherwise && ctx.statusOf(entry.otherwise.measure) === 'in_force') {
        // Either answer bans the export: within the condition Art. 2a (this entry), beyond it the Annex I ban.
        const { annexI, law } = entry.otherwise;
        out.findings.push(ctx.finding({
          measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}-or-annex-i`, code: entry.id }, requirement: 'prohibited',
          reason: `Whatever its ${answer.parameters.join(', ')}: within ${base} the item is banned for ${name} by Art. 2a of Regulation 833/2014, and beyond it it is Annex I ${annexI}, banned by ${law}. ${exceptionsOn(entry.measure, ctx.request.date)} The CN headings used to find the entry are our reading of its text.`,
          matchedOn: [label, `${annexI} beyond the condition`, t.basis], part: { effective: { from: entry.from, to: null } },
        }));
        return;
      }
      for (const p of answer.parameters) {
        out.questions.push(entry.prompts?.[p]
          ? { parameter: p, prompt: `${base} applies to ${name} from ${entry.from}. ${entry.prompts[p]}` }
          : entry.question
          ? { parameter: p, prompt: `${base} applies to ${name} from ${entry.from}. ${entry.question} Give item.parameters["${p}"] = 1 or 0.`, candidates: ['1', '0'] }
          : { parameter: p, prompt: `${base} applies to ${name} from ${entry.from}; give item.parameters["${p}"] (a share by weight from 0 to 1) to decide whether the item meets it.` });
      }
      return;
    case 'too_short':
      out.questions.push({ parameter: 'item.hs', prompt: `${base} is read against CN ${answer.under.map(cn).join(', ')}; give the longer CN code of the item.` });
      return;
    case 'uncertain':
      if (param(ctx, SANCTIONS_PARAMS.listedOnDate) === undefined) {
        out.questions.push({ parameter: SANCTIONS_PARAMS.listedOnDate, prompt: `${base} was in Annex VII by ${entry.from}, but the act that added it was not identified (${entry.note}). Was it already in Annex VII on ${ctx.request.date}? Give item.parameters["${SANCTIONS_PARAMS.listedOnDate}"] = 1 or 0.`, candidates: ['1', '0'] });
      } else if (param(ctx, SANCTIONS_PARAMS.listedOnDate) === 1) {
        out.findings.push(ctx.finding({ measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}`, code: entry.id }, requirement: 'prohibited', reason: `As you state, ${base} applied on ${ctx.request.date}, so Art. 2a of Regulation 833/2014 prohibits exporting the item to ${name}.`, matchedOn: [label, `${SANCTIONS_PARAMS.listedOnDate} 1`] }));
      }
      return;
    case 'later':
      out.findings.push(ctx.finding({ measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}`, code: entry.id }, requirement: 'prohibited', reason: `${base} applies only from ${answer.from}.`, matchedOn: [label, t.basis], part: { effective: { from: answer.from, to: null } } }));
      return;
    case 'not_listed':
      return;
  }
}

/** The sentence naming what the answer does not check for a destination and date. */
function coverageWarning(to: string, date: string): Warning {
  const read = SANCTIONS_READ_THROUGH[to]!;
  const parts: string[] = [];
  if (to === 'RU') {
    parts.push('For Russia this answer checks Regulation 833/2014 Art. 2 (Annex I items), Art. 2a with Annex VII Part B and the Part A entries X.C.IX.001.b.4 (antimony), X.C.IX.012 (rare earths), X.C.IX.013 (tungsten), X.C.IX.014 (lithium and the lithium compounds it names), X.A.I.001.a to .f (integrated circuits, asked about until Part B lists their headings on 7 October 2022) and X.A.I.001.j.2 (lithium-ion cells of 350 Wh/kg or less) read against CN headings, and Art. 3k with Annex XXIII.');
    parts.push('Not checked: the other Annex VII Part A entries (defined by technical parameters, not CN codes; among them X.C.IX.015 UHMWPE and X.C.IX.016 molybdenum, added on 24 October 2025), CN chapter 98 industrial plants, the other export bans of the Regulation (e.g. Annex II oil equipment, X refining, XI aviation, XVI maritime, XVIII luxury goods, XXXV arms, Annex IV end users) and the "no re-export to Russia" clause.');
  } else {
    parts.push('For Belarus this answer checks Regulation 765/2006 Art. 1e (Annex I items), Art. 1s with Annex XIV (machinery) as consolidated on 10 March 2022, Art. 1f with Annex Va Part B (goods by CN code) as replaced by Regulation 2024/1865 from 1 July 2024 (before that, from 11 March 2022, its codes are asked about), and Art. 1bb with Annex XVIII (goods for industrial capacities) from 1 July 2024. Not checked: Annex Va Part A (technical parameters), amendments after 1 July 2024 and the other trade bans.');
  }
  if (date > read.date) parts.push(`The texts were read through ${read.date}; not read: ${read.next}, which may add goods.`);
  return { code: 'sanctions_partial', message: parts.join(' ') };
}

/** Parties whose country makes a transfer a sale or supply to a person there (a freight forwarder does not). */
const RECEIVING_ROLES = new Set(['purchaser', 'intermediate_consignee', 'ultimate_consignee']);

/**
 * The sanctioned countries (Russia, Belarus) a transfer reaches: the destination itself, and the country of
 * the end user or of a receiving party established in one of them ("directly or indirectly ... to any
 * person in Russia or for use in Russia").
 */
export function sanctionTargets(request: EvaluationContext['request']): SanctionTarget[] {
  const out: SanctionTarget[] = NAMES[request.to] ? [{ country: request.to, basis: `to ${request.to}` }] : [];
  const add = (country: string | undefined, basis: string) => {
    if (country && NAMES[country] && !out.some((x) => x.country === country)) out.push({ country, basis });
  };
  const endUserCountry = request.endUser?.country;
  if (endUserCountry) add(endUserCountry, `endUser.country ${endUserCountry}`);
  (request.parties ?? []).forEach((p, i) => { if (p.country && RECEIVING_ROLES.has(p.role)) add(p.country, `parties[${i}].country ${p.country}`); });
  return out;
}

/** Art. 2a(1aa) of Regulation 833/2014 (from 20 July 2025): Annex VII goods to another third country need an authorisation once the exporter is informed they may be meant for Russia. */
const ART_2A_1AA_FROM = '2025-07-20';

/**
 * A warning when an item of Annex VII (Part B by CN code, or a Part A entry read against CN headings) goes to a
 * third country other than Russia on or after 20 July 2025: an authorisation is needed if the competent
 * authority has informed the exporter that it is or may be meant for Russia (Art. 2a(1aa), Regulation 2025/1494).
 */
export function annexViiElsewhereWarning(ctx: EvaluationContext): Warning | undefined {
  const { date } = ctx.request;
  // Art. 2a(1aa) is a clause of Art. 2a with its own first day: core's status rule decides, as for a finding's part.
  if (ctx.statusOf('eu-reg-833-2014-art-2a', { effective: { from: ART_2A_1AA_FROM, to: null } }) !== 'in_force') return undefined;
  const partB = SANCTIONS_LISTS.find((l) => l.measure === 'eu-reg-833-2014-art-2a');
  const { codes } = customsCodes(ctx);
  const hit = codes.find((d) => (partB && lookupList(partB, d, date).kind === 'listed')
    || SANCTIONS_MATERIALS.some((m) => m.measure === 'eu-reg-833-2014-art-2a' && lookupMaterial(m, d, date, ctx.request.item.parameters, ctx.composition).kind === 'listed'));
  if (!hit) return undefined;
  return {
    code: 'annex_vii_elsewhere',
    message: `CN ${cn(hit)} is listed in Annex VII to Regulation 833/2014. Since ${ART_2A_1AA_FROM} (Art. 2a(1aa), inserted by Regulation 2025/1494) its export to any third country other than Russia needs an authorisation once the competent authority has informed the exporter that it is or may be meant, in whole or in part, for a person in Russia or for use in Russia; an export meant for Russia is banned outright (Art. 2a(1), "directly or indirectly").`,
    measure: 'eu-reg-833-2014-art-2a',
  };
}

/**
 * Russia's and Belarus's bans by customs code: looks the item's CN/HS code (or its taxonomy node's HS
 * codes) up in every list for the destination on the request date. A code the lists decide differently
 * across a stretch whose acts were not read, a missing fact of an "ex" entry, a transitional clause or
 * a Part A condition becomes a question, never a guess.
 */
export function sanctionsLists(ctx: EvaluationContext, t: SanctionTarget, annexIListed: boolean): SanctionsOutcome {
  const out: SanctionsOutcome = { findings: [], questions: [], warnings: [] };
  const { date } = ctx.request;
  const to = t.country;
  const lists = SANCTIONS_LISTS.filter((l) => l.destinations.includes(to));
  const materials = SANCTIONS_MATERIALS.filter((m) => m.destinations.includes(to));
  if (!lists.length) return out;
  // The lists are law on the date once the first of them applies (its measure in force from the list's first day);
  // before that each code's later listings are only shown, with their status, and nothing is asked or warned.
  const inForce = lists.some((l) => ctx.statusOf(l.measure, { effective: { from: l.versions[0]!.from, to: null } }) === 'in_force');

  const { codes, label } = customsCodes(ctx);
  if (!inForce) {
    // A Part A entry may apply before any list by code does (X.A.I.001.j.2 from 2022-02-26): it is read on its own.
    const applying = materials.filter((m) => date >= (m.uncertainFrom ?? m.from));
    for (const d of codes) {
      for (const m of applying) evaluateMaterial(ctx, t, m, d, label(d), out);
      notInForce(ctx, t, lists, materials.filter((m) => !applying.includes(m)), d, label(d), out);
    }
    return out;
  }
  if (!codes.length) {
    if (!annexIListed) out.questions.push(customsCodeQuestion(ctx, to, lists));
    out.warnings.push(coverageWarning(to, date));
    return out;
  }
  // Several candidate codes (from a taxonomy node) must lead to the same answer, else the code is asked for.
  const perCode = codes.map((d) => ({ d, hits: lists.map((list) => ({ list, digits: d, answer: lookupList(list, d, date) })) }));
  const keys = new Set(perCode.map((p) => p.hits.map((h) => outcomeKey(h.answer)).join('|') + materials.map((m) => lookupMaterial(m, p.d, date, ctx.request.item.parameters, ctx.composition).kind).join('|')));
  if (keys.size > 1) {
    out.questions.push({ parameter: 'item.hs', prompt: `The item's taxonomy entry has several HS codes (${codes.join(', ')}) that EU sanctions on ${NAMES[to]} treat differently; give the item's HS or CN code.` });
    out.warnings.push(coverageWarning(to, date));
    return out;
  }
  const chosen = perCode[0]!;
  for (const hit of chosen.hits) evaluateListHit(ctx, t, hit, label(chosen.d), out);
  for (const m of materials) evaluateMaterial(ctx, t, m, chosen.d, label(chosen.d), out);
  // The other codes of the item agree on the date; the listings they have on other days are shown too.
  for (const p of perCode.slice(1)) notInForce(ctx, t, lists, materials, p.d, label(p.d), out);
  out.warnings.push(coverageWarning(to, date));
  return out;
}

/**
 * Adds a code's listings that are not in force on the date (coming, or ended), shown and not counted, once each;
 * what it would ask or warn is dropped (only law in force asks, and the code's in-force answer is decided elsewhere).
 */
function notInForce(ctx: EvaluationContext, t: SanctionTarget, lists: readonly SanctionsList[], materials: readonly MaterialEntry[], digits: string, label: string, out: SanctionsOutcome): void {
  const shown: SanctionsOutcome = { findings: [], questions: [], warnings: [] };
  for (const list of lists) evaluateListHit(ctx, t, { list, digits, answer: lookupList(list, digits, ctx.request.date) }, label, shown);
  for (const m of materials) evaluateMaterial(ctx, t, m, digits, label, shown);
  const key = (f: Finding) => `${f.measure.id} ${f.entry?.id ?? ''} ${f.effective.from}`;
  const seen = new Set(out.findings.map(key));
  for (const f of shown.findings) {
    if (f.status === 'in_force' || seen.has(key(f))) continue;
    seen.add(key(f));
    out.findings.push(f);
  }
}
