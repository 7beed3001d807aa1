import type { Authorization, CountryCode, IsoDate, Question } from '@chokepoint/core';
import type { CclEntry } from './ccl.js';
import type { CclRequirement } from './determination.js';
import { gbsFit, lvsFit, type ScopeFit } from './exception-scopes.js';
import { earCountry, inGroup } from './groups.js';
import { PARAMS } from './restrictions.js';
import { ecfr } from './sources.js';

/** What the licence-exception step knows about one classification going to one destination. */
export interface ExceptionInput {
  code: string;
  entry: CclEntry;
  requirements: CclRequirement[];
  dest: CountryCode;
  date: IsoDate;
  valueUsd: number | undefined;
  /** The request's item parameters (answers to the scope questions below). */
  parameters?: Readonly<Record<string, number>>;
}

/** The question a partial-scope exception asks when the code or the request does not settle its scope. */
function scopeQuestion(id: 'LVS' | 'GBS', code: string, fit: ScopeFit): Question | undefined {
  const section = id === 'LVS' ? '740.3' : '740.4';
  const param = id === 'LVS' ? PARAMS.lvsScopeMet : PARAMS.gbsScopeMet;
  if (fit.fit === 'ask_paragraph') {
    return { parameter: 'item.eccn', prompt: `License Exception ${id} (15 CFR ${section}) covers only part of ${code}: ${fit.scope}. Give the paragraph in item.eccn (e.g. "${code}.a").` };
  }
  if (fit.fit === 'ask_fact') {
    return { parameter: param, prompt: `License Exception ${id} (15 CFR ${section}) covers ${code} only if ${fit.fact}. Does it? Give item.parameters["${param}"] = 1 or 0.`, candidates: ['1', '0'] };
  }
  return undefined;
}

const STA_C1_REASONS = new Set(['NS', 'CB', 'NP', 'RS', 'CC', 'SI']);

/**
 * Which STA paragraphs an ECCN's own STA limits take away, read from its note: a note that names only A:6 or (c)(2)
 * ("No STA to A:6", "not for b.3 or b.4 to A:6") leaves (c)(1) to A:5 open; one that names A:5, (c)(1), or STA or
 * every licence exception as unavailable takes both. A limit on some paragraphs takes the paragraph away for the whole
 * entry (the notes are not read paragraph by paragraph). 600-series and 9x515 entries keep both closed: their STA
 * conditions (§ 740.20(b)(3)) are not evaluated here.
 */
export function staLimits(entry: CclEntry): { c1: boolean; c2: boolean } {
  if (!entry.sta.excluded) return { c1: false, c2: false };
  const note = entry.sta.note ?? '';
  const both = entry.series !== null || !note || /A:5|\(c\)\(1\)|STA not (available|usable)|STA (not available|not usable)|No licence exceptions|several/i.test(note);
  return { c1: both, c2: true };
}

/**
 * Licence exceptions decided from data (15 CFR 740.3 LVS, 740.4 GBS, 740.6 TSR, 740.20 STA, 740.17 ENC) for one
 * classification and destination, once the § 740.2 restrictions that block every exception were
 * checked by the caller. Returns the exceptions whose conditions the request meets, and the
 * questions whose answers would decide one.
 */
export function licenceExceptions(input: ExceptionInput): { authorizations: Authorization[]; questions: Question[] } {
  const { code, entry, requirements, dest, date } = input;
  const authorizations: Authorization[] = [];
  const questions: Question[] = [];
  if (!requirements.length) return { authorizations, questions };
  const reasons = new Set(requirements.map((r) => r.reason));
  const onChartOnly = requirements.every((r) => r.onChart);
  const c = earCountry(dest);
  const groupB = inGroup('B', dest, date);

  const asks: Question[] = [];
  const params = input.parameters ?? {};
  if (onChartOnly && groupB && entry.lvs !== null) {
    const fit = lvsFit(code, entry, dest, date, params[PARAMS.lvsScopeMet], params);
    const limit = fit.fit === 'yes' ? fit.usd! : undefined;
    const ask = scopeQuestion('LVS', code, fit);
    if (ask) asks.push(ask);
    else if (limit !== undefined && input.valueUsd === undefined) {
      asks.push({ parameter: 'valueUsd', prompt: `License Exception LVS covers ${code} to ${c} up to $${limit} net value per order (15 CFR 740.3); give item.valueUsd.` });
    } else if (limit !== undefined && input.valueUsd! <= limit) {
      authorizations.push({
        id: 'LVS',
        title: 'License Exception LVS — shipments of limited value (15 CFR 740.3)',
        conditions: [
          `The net value of ${code} on the order is at most $${limit} (the LVS value the ECCN sets for this paragraph).`,
          'Orders are not split to bring them under the limit, and the annual value to one consignee stays within the § 740.3 limits.',
          'No § 740.2 restriction applies (no Entity List or other listed party, no military end use, no prohibited end use).',
        ],
        url: ecfr('740.3'),
      });
    }
  }
  if (onChartOnly && groupB && !['SD', 'UA'].includes(c) && [...reasons].every((r) => r === 'NS') && entry.gbs) {
    const fit = gbsFit(code, entry, dest, date, params[PARAMS.gbsScopeMet], params);
    const ask = scopeQuestion('GBS', code, fit);
    if (ask) asks.push(ask);
    if (fit.fit === 'yes') {
      authorizations.push({
        id: 'GBS',
        title: 'License Exception GBS — shipments to Country Group B (15 CFR 740.4)',
        conditions: [
          `${code} needs a licence for ${c} for national-security reasons only, and the ECCN allows GBS${entry.gbs === 'partial' ? ` for this paragraph (GBS covers ${entry.gbsScope})` : ''}.`,
          'No § 740.2 restriction applies (no listed party, no military or prohibited end use).',
        ],
        url: ecfr('740.4'),
      });
    }
  }
  // § 740.6(a) (eCFR 2026-09-24): TSR for technology and software whose chart requirement to the destination is for NS
  // reasons only, "TSR—Yes" on the CCL, to Country Group B except Sudan and Ukraine, with the consignee's written assurance.
  if (onChartOnly && groupB && !['SD', 'UA'].includes(c) && [...reasons].every((r) => r === 'NS') && (entry.group === 'D' || entry.group === 'E') && entry.tsr) {
    const answer = params[PARAMS.tsrScopeMet];
    if (entry.tsr === 'partial' && answer === undefined) {
      asks.push({ parameter: PARAMS.tsrScopeMet, prompt: `License Exception TSR (15 CFR 740.6) covers only part of ${code}${entry.tsrScope ? ` (${entry.tsrScope})` : ' (see the ECCN’s TSR line)'}. Is the ${entry.group === 'D' ? 'software' : 'technology'} within the part TSR covers? Give item.parameters["${PARAMS.tsrScopeMet}"] = 1 or 0.`, candidates: ['1', '0'] });
    } else if (entry.tsr === true || answer === 1) {
      authorizations.push({
        id: 'TSR',
        title: 'License Exception TSR — technology and software under restriction (15 CFR 740.6)',
        conditions: [
          `${code} needs a licence for ${c} for national-security reasons only and its TSR line allows TSR${entry.tsr === 'partial' ? ` for this part of the entry (${entry.tsrScope ?? 'as its TSR line states'})` : ''}; ${c} is in Country Group B (not Sudan or Ukraine).`,
          `Before exporting, obtain the consignee's written assurance that, without a licence or licence exception, it will not reexport or release the ${entry.group === 'D' ? 'software or its source code' : 'technology'} to a national of Country Group D:1, E:1 or E:2, nor export there its NS-controlled direct product (§ 740.6(a)(1)–(3)).`,
          'No § 740.2 restriction applies (no listed party, no military or prohibited end use).',
        ],
        url: ecfr('740.6'),
      });
    }
  }
  const limits = staLimits(entry);
  if (!reasons.has('MT') && !(limits.c1 && limits.c2)) {
    const c1 = !limits.c1 && inGroup('A:5', dest, date) && [...reasons].every((r) => STA_C1_REASONS.has(r));
    const c2 = !limits.c2 && inGroup('A:6', dest, date) && [...reasons].every((r) => r === 'NS');
    // § 740.2(a)(26): STA to the UAE only when the consignee and every end user are approved for STA in Supp. No. 8 to Part 740.
    const uaeBarred = c === 'AE' && params['ear.uaeApprovedForSta'] === 0;
    if ((c1 || c2) && !uaeBarred) {
      authorizations.push({
        id: 'STA',
        title: 'License Exception STA — Strategic Trade Authorization (15 CFR 740.20)',
        conditions: [
          c1 ? `${c} is in Country Group A:5 and ${code} is controlled only for ${[...reasons].join(', ')} (§ 740.20(c)(1)).` : `${c} is in Country Group A:6 and ${code} is controlled only for NS (§ 740.20(c)(2)).`,
          'Before shipping, give the consignee the ECCN and the STA notice, and obtain its prior consignee statement (§ 740.20(d)).',
          ...(c === 'AE' ? ['For the UAE, STA is limited to the UAE Government and the entities Supplement No. 8 to Part 740 approves for STA (§ 740.2(a)(26)); say item.parameters["ear.uaeApprovedForSta"] = 0 when they are not.'] : []),
          ...(entry.sta.note ? [`The ECCN limits STA: ${entry.sta.note}.`] : []),
          'STA does not overcome part 744 or part 746 requirements.',
        ],
        url: ecfr('740.20'),
      });
    }
  }
  if (reasons.has('EI') && !inGroup('E:1', dest, date) && !inGroup('E:2', dest, date) && [...reasons].every((r) => r === 'EI' || r === 'NS')) {
    authorizations.push({
      id: 'ENC',
      title: 'License Exception ENC — encryption items (15 CFR 740.17)',
      conditions: [
        `${code} is an encryption item and ${c} is not in Country Group E:1 or E:2.`,
        'The item meets the § 740.17 paragraph that fits it, with the classification request or self-classification report it requires.',
      ],
      url: ecfr('740.17'),
    });
  }
  if (!authorizations.length) questions.push(...asks);
  return { authorizations, questions };
}

/** License Exception SPP for EAR99 items to Syria (15 CFR 740.5, from 2025-09-02). */
export const SPP: Authorization = {
  id: 'SPP',
  title: 'License Exception SPP — Syria Peace and Prosperity (15 CFR 740.5)',
  conditions: ['The item is EAR99 (or another item § 740.5 names).', 'No listed party, prohibited end use or end user is involved (§ 740.2).'],
  url: ecfr('740.5'),
};
