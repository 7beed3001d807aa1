import type { EvaluationContext, Finding, Question, Warning } from '@chokepoint/core';
import {
  lookupList, lookupMaterial, unreadTransition, windDownOn, SANCTIONS_LISTS, SANCTIONS_MATERIALS, SANCTIONS_READ_THROUGH,
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

const EXCEPTIONS: Record<string, string> = {
  'eu-reg-833-2014-art-2a': 'Art. 2a(3) leaves out, for a non-military use and end user, goods for humanitarian or medical purposes, news media, software updates, consumer communication devices and personal effects; Art. 2a(4)-(5) lets the competent authority authorise some civil uses.',
  'eu-reg-833-2014-art-3k': 'Art. 3k(4) leaves out goods for diplomatic missions of member states or partner countries and international organisations; Art. 3k(5) lets the competent authority authorise medical, humanitarian and civil nuclear uses.',
  'eu-reg-765-2006-art-1s': 'Art. 1s(2) leaves out, for a non-military use and end user, machinery for humanitarian or medical purposes, news media, software updates, consumer communication devices, cyber-security and personal effects.',
};

function param(ctx: EvaluationContext, name: string): number | undefined {
  return ctx.request.item.parameters?.[name];
}

function digitsOf(code: string | undefined): string | undefined {
  const d = code?.replace(/\D/g, '');
  return d && d.length >= 4 ? d : undefined;
}

/** The customs codes to look up: the request's, else the HS-6 codes of the taxonomy nodes it resolved to. */
function customsCodes(ctx: EvaluationContext): { codes: string[]; label: (c: string) => string } {
  const given = digitsOf(ctx.request.item.cnCode) ?? digitsOf(ctx.request.item.hs) ?? digitsOf(ctx.item.customsCode);
  if (given) return { codes: [given], label: (c) => `hs ${c}` };
  const fromNodes = new Set<string>();
  for (const id of ctx.item.nodes) for (const hs of ctx.taxonomy.node(id)?.identifiers?.hs ?? []) { const d = digitsOf(hs); if (d) fromNodes.add(d); }
  return { codes: [...fromNodes], label: (c) => `hs ${c} (of taxonomy item ${ctx.item.nodes.join(', ')})` };
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

function listFinding(ctx: EvaluationContext, hit: Hit & { answer: Extract<ListAnswer, { kind: 'listed' }> }, label: string): Finding {
  const { list, answer } = hit;
  const name = NAMES[ctx.request.to] ?? ctx.request.to;
  const act = answer.version.source.act;
  return ctx.finding({
    measure: list.measure,
    entry: { id: `${list.id}-${answer.code}`, code: `CN ${cn(answer.code)}` },
    requirement: 'prohibited',
    reason: `CN ${cn(answer.code)} is listed in ${list.annex} to the Regulation (${list.kind}; the list in force since ${answer.version.from} is that of ${act}), so ${list.law} prohibits selling, supplying, transferring or exporting it, whatever its origin, to ${name} or for use there, and related technical or financial assistance. ${EXCEPTIONS[list.measure] ?? ''}`.trim(),
    matchedOn: [label, `to ${ctx.request.to}`],
    part: { effective: { from: answer.since, to: null } },
  });
}

function evaluateListHit(ctx: EvaluationContext, hit: Hit, label: string, out: SanctionsOutcome): void {
  const { list, answer, digits } = hit;
  const name = NAMES[ctx.request.to] ?? ctx.request.to;
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
    } else if (listed === undefined) {
      out.questions.push({
        parameter: SANCTIONS_PARAMS.listedOnDate,
        prompt: `Was CN ${cn(answer.code)} listed in ${list.annex} to the Regulation on ${ctx.request.date}? This plugin holds the list in force from ${answer.version.from} and the one from ${answer.gap.next}, which differ on this code; in between it changed through ${answer.gap.acts}. Check the consolidated text for ${ctx.request.date} and give item.parameters["${SANCTIONS_PARAMS.listedOnDate}"] = 1 or 0.`,
        candidates: ['1', '0'],
      });
    }
    return;
  }
  if ((answer.kind === 'not_listed' || answer.kind === 'not_in_force') && answer.laterFrom) {
    // A listing that starts after the request date: shown, not counted (CONTRACT §3).
    out.findings.push(ctx.finding({
      measure: list.measure, entry: { id: `${list.id}-future-${digits}`, code: `CN ${cn(digits)}` }, requirement: 'prohibited',
      reason: `${list.annex} lists this code only from ${answer.laterFrom}; from then ${list.law} prohibits exporting it to ${name}.`,
      matchedOn: [label, `to ${ctx.request.to}`], part: { effective: { from: answer.laterFrom, to: null } },
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
  out.findings.push(listFinding(ctx, hit as Hit & { answer: Extract<ListAnswer, { kind: 'listed' }> }, label));
}

function evaluateMaterial(ctx: EvaluationContext, entry: MaterialEntry, digits: string, label: string, out: SanctionsOutcome): void {
  const answer = lookupMaterial(entry, digits, ctx.request.date, ctx.request.item.parameters);
  const name = NAMES[ctx.request.to] ?? ctx.request.to;
  const base = `Annex VII Part A entry ${entry.id} (${entry.title})`;
  switch (answer.kind) {
    case 'listed':
      out.findings.push(ctx.finding({
        measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}`, code: entry.id }, requirement: 'prohibited',
        reason: `${base} covers this item, so Art. 2a of Regulation 833/2014 prohibits exporting it to ${name} or for use there. ${EXCEPTIONS[entry.measure]} The CN headings used to find the entry are our reading of its text.`,
        matchedOn: [label, ...(entry.condition ? ['item.parameters'] : []), `to ${ctx.request.to}`], part: { effective: { from: entry.from, to: null } },
      }));
      return;
    case 'ask':
      for (const p of answer.parameters) out.questions.push({ parameter: p, prompt: `${base} applies to ${name} from ${entry.from}; give item.parameters["${p}"] (a share by weight from 0 to 1) to decide whether the item meets it.` });
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
      out.findings.push(ctx.finding({ measure: entry.measure, entry: { id: `ru-833-annex-vii-${entry.id.toLowerCase()}`, code: entry.id }, requirement: 'prohibited', reason: `${base} applies only from ${answer.from}.`, matchedOn: [label, `to ${ctx.request.to}`], part: { effective: { from: answer.from, to: null } } }));
      return;
    case 'not_listed':
      return;
  }
}

/** The sentence naming what the answer does not check for a destination and date. */
function coverageWarning(to: string, date: string, hits: Hit[]): Warning {
  const read = SANCTIONS_READ_THROUGH[to]!;
  const parts: string[] = [];
  if (to === 'RU') {
    parts.push('For Russia this answer checks Regulation 833/2014 Art. 2 (Annex I items), Art. 2a with Annex VII Part B and the Part A entries X.C.IX.001.b.4 (antimony), X.C.IX.012 (rare earths) and X.C.IX.013 (tungsten) read against CN headings, and Art. 3k with Annex XXIII.');
    parts.push('Not checked: the other Annex VII Part A entries (defined by technical parameters, not CN codes; among them X.C.IX.016 molybdenum added on 24 October 2025 and the entries numbered between X.C.IX.013 and X.C.IX.016, not read), CN chapter 98 industrial plants, the other export bans of the Regulation (e.g. Annex II oil equipment, X refining, XI aviation, XVI maritime, XVIII luxury goods, XXXV arms, Annex IV end users) and the "no re-export to Russia" clause.');
    const partB = hits.find((h) => h.list.id === 'ru-833-annex-vii-part-b');
    if (date >= '2025-02-25' && partB && partB.answer.kind === 'not_listed') parts.push('Annex VII Part B tables 1, 2, 4, 5, 7, 9 and 10 are those of Regulation 2024/1745 (14th package); additions by the 16th to 18th packages (Regulations 2025/395, 2025/933, 2025/1494) were not read, so a code not found there may still be listed.');
  } else {
    parts.push('For Belarus this answer checks Regulation 765/2006 Art. 1e (Annex I items) and Art. 1s with Annex XIV (machinery) as consolidated on 10 March 2022. Not checked: Annex Va (Art. 1f) and the other trade bans.');
  }
  if (date > read.date) parts.push(`The texts were read through ${read.date}; not read: ${read.next}, which may add goods.`);
  return { code: 'sanctions_partial', message: parts.join(' ') };
}

/**
 * Russia's and Belarus's bans by customs code: looks the item's CN/HS code (or its taxonomy node's HS
 * codes) up in every list for the destination on the request date. A code the lists decide differently
 * across a stretch whose acts were not read, a missing fact of an "ex" entry, a transitional clause or
 * a Part A condition becomes a question, never a guess.
 */
export function sanctionsLists(ctx: EvaluationContext, annexIListed: boolean): SanctionsOutcome {
  const out: SanctionsOutcome = { findings: [], questions: [], warnings: [] };
  const { to, date } = ctx.request;
  const lists = SANCTIONS_LISTS.filter((l) => l.destinations.includes(to));
  const materials = SANCTIONS_MATERIALS.filter((m) => m.destinations.includes(to));
  if (!lists.length) return out;
  const firstDay = lists.map((l) => l.versions[0]!.from).sort()[0]!;
  if (date < firstDay) return out;

  const { codes, label } = customsCodes(ctx);
  if (!codes.length) {
    if (!annexIListed) out.questions.push({ parameter: 'item.hs', prompt: `EU sanctions on ${NAMES[to]} ban many goods by CN code (${lists.map((l) => `${l.annex}, ${l.law}`).join('; ')}); give the item's HS or CN code (6 digits or more).` });
    out.warnings.push(coverageWarning(to, date, []));
    return out;
  }
  // Several candidate codes (from a taxonomy node) must lead to the same answer, else the code is asked for.
  const perCode = codes.map((d) => ({ d, hits: lists.map((list) => ({ list, digits: d, answer: lookupList(list, d, date) })) }));
  const keys = new Set(perCode.map((p) => p.hits.map((h) => outcomeKey(h.answer)).join('|') + materials.map((m) => lookupMaterial(m, p.d, date, ctx.request.item.parameters).kind).join('|')));
  if (keys.size > 1) {
    out.questions.push({ parameter: 'item.hs', prompt: `The item's taxonomy entry has several HS codes (${codes.join(', ')}) that EU sanctions on ${NAMES[to]} treat differently; give the item's HS or CN code.` });
    out.warnings.push(coverageWarning(to, date, []));
    return out;
  }
  const chosen = perCode[0]!;
  for (const hit of chosen.hits) evaluateListHit(ctx, hit, label(chosen.d), out);
  for (const m of materials) evaluateMaterial(ctx, m, chosen.d, label(chosen.d), out);
  out.warnings.push(coverageWarning(to, date, chosen.hits));
  return out;
}
