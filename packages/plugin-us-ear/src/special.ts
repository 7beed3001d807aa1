import type { CountryCode, IsoDate } from '@chokepoint/core';
import type { CclReason } from './ccl.js';
import { earCountry, inGroup } from './groups.js';
import { unArmsEmbargoed } from './un-iraq.js';

/** Request facts some non-chart reasons turn on. */
export interface SpecialFacts {
  /** ear.footnote5Party: a footnote 5 Entity List entity is a party (1/0). */
  footnote5Party?: number;
  /** The item is subject to the EAR under § 734.9(e)(3), so § 744.11(a)(2)(v) governs instead of § 742.6(a)(11). */
  viaFootnote5Fdp?: boolean;
  /** ear.developerHeadquartersD5: the technology was developed by an entity headquartered in Macau or D:5 (1/0). */
  developerHeadquartersD5?: number;
  /** ear.chipProductionTechnology: the technology is for producing a mask or IC wafer or die of 3A090/4A090/.z items (1/0). */
  chipProductionTechnology?: number;
}

/** How a non-chart reason for control applies to a destination. */
export type SpecialOutcome =
  | { kind: 'applies'; where: string; enforcedReading?: boolean }
  | { kind: 'not_applicable' }
  | { kind: 'unevaluated'; why: string };

/** FR Doc 2024-19633 (89 FR 72926): the worldwide NS and RS licences of §§ 742.4(a)(5) and 742.6(a)(10) from this day. */
const WORLDWIDE_FROM = '2024-09-06';

/** FR Doc 2024-27648 (89 FR 93165): the § 742.6(a)(12) regional-stability licence for Pakistan from this day. */
const PAKISTAN_FROM = '2024-11-25';

/** The UAE rule (91 FR 43034): the UAE in A:5 from this day, with advanced computing licences kept for it. */
const UAE_A5_FROM = '2026-07-10';

/**
 * The destination scope of the § 742.6(a)(6)(iii) advanced computing licence before the October 2023 rule: the PRC
 * from 2022-10-07 (87 FR 62186), Macau too from 2023-01-18 (88 FR 2821, title only; low confidence), and from
 * 2023-11-17 (88 FR 73458) Country Groups D:1, D:4 and D:5 outside A:5/A:6. Hong Kong is read as China.
 */
const AI_SCOPE_BEFORE_TIERS: readonly { from: IsoDate; countries: readonly CountryCode[]; where: string }[] = [
  { from: '2023-01-18', countries: ['CN', 'MO'], where: 'China or Macau (§ 742.6(a)(6)(iii) as amended by 88 FR 2821, before the October 2023 rule)' },
  { from: '2022-10-07', countries: ['CN'], where: 'China (§ 742.6(a)(6)(iii) as issued by 87 FR 62186, before Macau and the October 2023 rule)' },
];

/** The October 2023 rule (88 FR 73458): the advanced computing licence reaches D:1, D:4 and D:5 outside A:5/A:6 from this day. */
export const AI_TIERS_FROM = '2023-11-17';

/** Country Groups D:1, D:4 or D:5 outside A:5/A:6: the enforced destination scope of the advanced computing licences. */
export const aiTiers = (to: CountryCode, date: IsoDate) =>
  (inGroup('D:1', to, date) || inGroup('D:4', to, date) || inGroup('D:5', to, date)) && !inGroup('A:5', to, date) && !inGroup('A:6', to, date);

/**
 * Where a reason for control that has no chart column requires a licence, read from its scope
 * (worldwide, "to Macau or D:5", ".y to China, Russia or Venezuela", E:1 …). Reasons whose scope
 * needs facts the request cannot carry (Footnote-5 entities, CWC status) are
 * `unevaluated` so the answer can say so.
 */
export function specialOutcome(reason: CclReason, to: CountryCode, from: CountryCode, date: IsoDate, facts: SpecialFacts = {}): SpecialOutcome {
  const scope = reason.scope ?? '';
  const dest = earCountry(to);
  const yes = (where: string, enforcedReading?: boolean): SpecialOutcome => ({ kind: 'applies', where, ...(enforcedReading ? { enforcedReading } : {}) });
  const no: SpecialOutcome = { kind: 'not_applicable' };
  if (reason.reason === 'SS') return { kind: 'unevaluated', why: 'short-supply controls (part 754)' };
  if (reason.reason === 'UN') return unArmsEmbargoed(to) ? yes('a country under a UN Security Council arms embargo (§ 746.1(b)(2)–(3))') : no;
  if (/CWC/.test(scope) || (reason.reason === 'CW' && !/all destinations/.test(scope))) return { kind: 'unevaluated', why: 'Chemical Weapons Convention controls for states not party to the CWC (§ 742.18)' };
  if (/742\.6\(a\)\(11\)/.test(scope)) {
    // § 742.6(a)(11) yields to § 744.11(a)(2)(v) when the item is subject to the EAR under § 734.9(e)(3).
    if (facts.footnote5Party === undefined) return { kind: 'unevaluated', why: 'a regional-stability licence when a footnote 5 Entity List entity is a party (§ 742.6(a)(11); say so with item.parameters["ear.footnote5Party"] = 1 or 0)' };
    return facts.footnote5Party === 1 && !facts.viaFootnote5Fdp ? yes('a footnote 5 Entity List entity') : no;
  }
  if (/742\.3\(b\)/.test(scope)) return { kind: 'unevaluated', why: 'nuclear controls under § 742.3(b)' };
  if (reason.reason === 'AT' && /with SL/.test(scope)) return no;
  if (/742\.4\(a\)\(5\)|742\.6\(a\)\(10\)/.test(scope) && date < WORLDWIDE_FROM) {
    return { kind: 'unevaluated', why: `the worldwide ${reason.reason} licence of ${reason.reason === 'NS' ? '§ 742.4(a)(5)' : '§ 742.6(a)(10)'} took effect on ${WORLDWIDE_FROM} (FR Doc 2024-19633); the entry's earlier text is not modelled, so for this date check the CCL then in force` };
  }
  if (/exported from Macau or D:5/.test(scope)) {
    // § 742.6(a)(6)(ii) (eCFR 2026-09-24): exports from abroad originating in Macau or D:5 "to any destination worldwide
    // excluding any destination also specified in Country Groups A:5 or A:6", of 3E001 (for 3A090) technology developed by
    // an entity headquartered there, the direct product of software subject to the EAR, for producing 3A090, 4A090 or .z
    // commodities; deemed exports are excluded ((a)(6)(iv)).
    const src = earCountry(from);
    if (!(src === 'MO' || inGroup('D:5', from, date)) || dest === src || inGroup('A:5', to, date) || inGroup('A:6', to, date)) return no;
    if (facts.developerHeadquartersD5 === 0 || facts.chipProductionTechnology === 0) return no;
    if (facts.developerHeadquartersD5 !== 1 || facts.chipProductionTechnology !== 1) {
      return { kind: 'unevaluated', why: 'the § 742.6(a)(6)(ii) licence for 3E001 (for 3A090) technology exported from Macau or D:5 turns on who developed it and what it is for (item.parameters["ear.developerHeadquartersD5"] and ["ear.chipProductionTechnology"] = 1 or 0)' };
    }
    return yes('any destination outside Country Groups A:5 and A:6, for 3E001 (for 3A090) chip-production technology exported from Macau or D:5 and developed by an entity headquartered there (§ 742.6(a)(6)(ii))');
  }
  if (/742\.6\(a\)\(6\)\(iii\)|D:1, D:4, D:5 except A:5\/A:6/.test(scope)) {
    // The July 2026 UAE rule moved the UAE into A:5 but kept these licences for it, except for the approved entities
    // of Supp. No. 8 to Part 740 (asked in data/reason-carve-outs.json).
    if (date < AI_TIERS_FROM) {
      const early = AI_SCOPE_BEFORE_TIERS.find((s) => date >= s.from);
      return early?.countries.includes(dest) ? yes(early.where) : no;
    }
    if (dest === 'AE' && date >= UAE_A5_FROM) return yes('the United Arab Emirates, except for approved entities of Supp. No. 8 to Part 740 (§ 742.6(a)(6)(iii), 91 FR 43034)');
    return aiTiers(to, date) ? yes('Country Groups D:1, D:4 or D:5 outside A:5/A:6 (enforced reading)', true) : no;
  }
  if (/Macau or D:5|Macau\/D:5/.test(scope)) return dest === 'MO' || inGroup('D:5', to, date) ? yes('Macau or Country Group D:5') : no;
  // 0A501 License Requirement Note (eCFR 2026-09-24): "a license is required for exports and reexports of ECCN 0A501.y.7
  // firearms to the People's Republic of China" in addition to the Country Chart. Hong Kong is read as China.
  if (/People's Republic of China/.test(scope)) return dest === 'CN' ? yes("the People's Republic of China (License Requirement Note of the ECCN)") : no;
  if (/China, Russia,? (or )?Venezuela/.test(scope)) return ['CN', 'RU', 'VE'].includes(dest) ? yes('China, Russia or Venezuela') : no;
  if (/E:1/.test(scope)) return inGroup('E:1', to, date) ? yes('Country Group E:1') : no;
  if (/Iran and North Korea/.test(scope)) return ['IR', 'KP'].includes(dest) ? yes('Iran or North Korea') : no;
  if (/North Korea/.test(scope)) return dest === 'KP' ? yes('North Korea') : no;
  if (/Iraq or Pakistan/.test(scope)) return dest === 'IQ' || (dest === 'PK' && date >= PAKISTAN_FROM) ? yes(dest === 'IQ' ? 'Iraq' : 'Pakistan') : no;
  if (/Iraq/.test(scope)) return dest === 'IQ' ? yes('Iraq') : no;
  if (/Pakistan/.test(scope)) return dest === 'PK' && date >= PAKISTAN_FROM ? yes('Pakistan (§ 742.6(a)(12), from 2024-11-25)') : no;
  if (/except Canada/.test(scope) || reason.reason === 'EI') return dest === 'CA' ? no : yes('every destination except Canada');
  if (/worldwide|all destinations/.test(scope) || reason.reason === 'SL' || reason.reason === 'CC') return yes('every destination');
  return { kind: 'unevaluated', why: `${reason.reason} control "${scope}"` };
}
