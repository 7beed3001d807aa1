import type { Authorization, CountryCode, EvaluationContext, Finding, IsoDate, Warning } from '@chokepoint/core';
import { eccnHead, reasonMayCover, type CclEntry } from './ccl.js';
import { chartRow } from './chart.js';
import type { CclRequirement } from './determination.js';
import { COUNTRY_GROUPS, earCountry, groupId, inGroup } from './groups.js';
import { M } from './measures.js';
import { PARAMS } from './restrictions.js';
import { ecfr } from './sources.js';

/**
 * Licence exceptions that turn on facts the request has no field for (15 CFR 740.9 TMP, 740.10 RPL,
 * 740.11 GOV, 740.13 TSU, 740.16 APR). Each is offered only when the request states its facts with a
 * plugin parameter equal to 1, its own limits hold and no § 740.2 restriction (or part 744/746 rule)
 * takes it away; when the facts are stated but the limits fail, a warning says why.
 * Text read from the eCFR of 2026-02-10 (earCrawler snapshot).
 */

/** One classification going to the destination, with the CCL licence requirements it met. */
export interface FactClass {
  code: string;
  entry?: CclEntry;
  reqs: CclRequirement[];
  /** The request's item parameters: a reason whose condition the request answers no to does not cover the item. */
  parameters?: Readonly<Record<string, number>>;
}

export interface FactInput {
  ctx: EvaluationContext;
  dest: CountryCode;
  date: IsoDate;
  deemed: boolean;
  classes: FactClass[];
  /** Part 746 and part 744 findings for this destination (embargoes, end uses). */
  destinationFindings: Finding[];
  /** True when the destination is embargoed or sanctioned (part 746, § 740.2(a)(6)) whether or not a finding says so. */
  sanctioned: boolean;
}

/** The paragraphs of the five exceptions that § 740.2 and part 744 treat differently. */
type Para = 'TMP' | 'RPL' | 'GOV(b)(2)(ii)' | 'GOV(c)' | 'TSU(a)' | 'TSU(b)' | 'TSU(c)' | 'TSU(d)' | 'APR(a)';

const NATO: Record<string, IsoDate | undefined> = Object.fromEntries(
  ['AL', 'BE', 'BG', 'CA', 'HR', 'CZ', 'DK', 'EE', 'FR', 'DE', 'GR', 'HU', 'IS', 'IT', 'LV', 'LT', 'LU', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'TR', 'GB', 'US']
    .map((c) => [c, undefined as IsoDate | undefined])
    .concat([['FI', '2023-04-04'], ['SE', '2024-03-07']]),
);
export const inNato = (c: CountryCode, date: IsoDate) => c in NATO && (NATO[c] === undefined || date >= NATO[c]!);

/** § 740.2(a)(5)(ii): MT items that may go to D:4/D:5 as parts of vehicles or replacements (RPL, TSU). */
export const MT_D4_D5_VEHICLE = ['6A008', '7A001', '7A002', '7A004', '7A101', '7A102', '7A103', '7A104', '7A105', '7B001', '7D001', '7D002', '7D003', '7D101', '7D102', '7E003', '7E101', '9A515'];
/** § 740.2(a)(5)(ii)(B): MT machine tools that may go to D:4/D:5 as one-for-one replacements (RPL). */
const MT_D4_D5_RPL = ['2A001', '2A101'];
/** § 740.2(a)(8): explosives and concealed-object detection items (only RPL, GOV (b)(2)(ii), TSU (a) and (c)). */
export const DETECTION = ['2A983', '2A984', '2D983', '2D984', '2E983', '2E984'];
/** § 740.2(a)(9)(i): semiconductor manufacturing items to Macau or D:5 (only GOV (b)). */
export const SME_HEADS = ['3B993', '3B994', '3D001', '3D002', '3D003', '3D992', '3D993', '3D994', '3E001', '3E992', '3E993', '3E994'];
export const SME_3B001 = /^3B001(\.(a\.4|c|d|f\.1|f\.5|f\.6|k|l|m|n|p\.2|p\.4|r)(\.|$)|$)/;
export const SME_3B002 = /^3B002(\.c(\.|$)|$)/;
/** § 740.2(a)(9)(ii): advanced computing items to D:1/D:4/D:5 outside A:5/A:6. */
export const AI_HEADS = ['3A090', '4A090', '4E091', '3D001', '3E001', '4D090', '4E001'];
export const AI_Z = /^(3A001|4A003|4A004|4A005|5A002|5A004|5A992|5D002|5D992)\.z/;
/** § 740.2(a)(22): items eligible for License Exception IEC (§ 740.24). */
export const IEC = /^(3B001\.(c\.1\.a|c\.1\.c|q)|3C907|3C908|3C909)/;
/** § 740.2(a)(25): Pakistan items. */
export const PAKISTAN = ['1B999', '2A992', '2B999', '3A992', '3A999', '6A996'];
/** § 740.11(c)(3)(iii): encryption items excluded from GOV (c) (ENC is the route). */
const ENCRYPTION = ['5A002', '5A004', '5D002', '5E002'];
/** § 740.11(c)(3)(viii), § 740.22(b)(1): cybersecurity items. */
const CYBER = /^(4A005|4D004|5A001\.j|5B001\.a|4E001\.c)/;
/** § 740.9(a): firearms TMP may not take to D:5 or these countries (except exhibition and repair). */
const FIREARMS = ['0A501', '0A502', '0A506', '0A507', '0A508'];
const FIREARMS_COUNTRIES = ['GE', 'KZ', 'KG', 'MD', 'TM', 'UA', 'UZ'];

const covering = (cls: FactClass) => (cls.entry?.reasons ?? []).filter((r) => reasonMayCover(cls.code, r, cls.parameters));
const controlledFor = (cls: FactClass, reason: string) => covering(cls).some((r) => r.reason === reason);
const listed = (classes: FactClass[]) => classes.filter((c) => c.entry);

/** The § 740.2 restrictions and part 744/746 rules that take one exception paragraph away for this transfer, in words. */
function restrictions(x: FactInput, para: Para): { why: string[]; notes: string[] } {
  const { dest, date, destinationFindings } = x;
  const c = earCountry(dest);
  const why: string[] = [];
  const notes: string[] = [];
  const inForce = (m: string) => destinationFindings.some((f) => f.measure.id === m && f.status === 'in_force');
  const gov = para === 'GOV(b)(2)(ii)';
  const d4d5 = inGroup('D:4', dest, date) || inGroup('D:5', dest, date);

  if (x.sanctioned) why.push(`${c} is embargoed or sanctioned under part 746: only the exceptions part 746 names for it may be used (§ 740.2(a)(6)), and this plugin does not evaluate those`);
  if (inForce(M.wmd)) why.push('the end use is a weapons of mass destruction end use (part 744, §§ 744.2–744.4)');
  if (destinationFindings.some((f) => f.measure.id === M.iraq && f.status === 'in_force' && f.licensePolicy === 'presumption_of_denial')) why.push('a military end use or end user in Iraq needs a licence that no licence exception overcomes (§ 746.3(a)(4), (c))');
  if (inForce(M.semiconductor)) why.push('a § 744.23 end-use licence requirement applies');
  if (inForce(M.cameras) && !gov) why.push('a § 744.9 licence for cameras used by a military end user applies, and only GOV (b)(2)(ii) may be used (§ 744.9(e))');
  if (inForce(M.meu) && !gov) why.push('a military end use or end user licence requirement applies, and only License Exception GOV (§ 740.11(b)(2)(i)–(ii)) may be used (§ 744.21)');
  if (inForce(M.mieu) && !gov) why.push('a military-intelligence licence requirement applies, and only GOV under § 740.11(b)(2)(ii) may be used (§ 744.22)');

  for (const cls of listed(x.classes)) {
    const head = eccnHead(cls.code);
    const entry = cls.entry!;
    const only = (allowed: Para[], what: string) => { if (!allowed.includes(para)) why.push(`${cls.code}: ${what}`); };
    if (entry.series) {
      if (inGroup('D:5', dest, date)) only(['GOV(b)(2)(ii)'], `a ${entry.series === '515' ? '9x515' : '600 series'} item to Country Group D:5 may use only GOV (§ 740.2(a)(12))`);
      else if (dest === 'HK') why.push(`${cls.code}: a ${entry.series === '515' ? '9x515' : '600 series'} item to Hong Kong may use no licence exception (§ 740.2(a)(12))`);
      else if (entry.series === '600') only(['TMP', 'RPL', 'TSU(a)', 'TSU(b)', 'GOV(b)(2)(ii)', 'GOV(c)'], '600 series items may use only LVS, TMP, RPL, TSU (a), (b), (f), (g), GOV (b) or (c), BAG and STA (§ 740.2(a)(13))');
    }
    if (covering(cls).some((r) => r.reason === 'SL')) {
      if (head === '5E980' || /^5E001\.a/.test(cls.code)) why.push(`${cls.code}: no licence exception applies to surreptitious-interception technology (§ 740.2(a)(3))`);
      else only(['GOV(b)(2)(ii)'], 'surreptitious-interception items may go only to a US Government agency for its official use (§ 740.2(a)(3))');
    }
    if (head === '0A919') only(['GOV(b)(2)(ii)'], '0A919 military commodities may use only GOV (b)(2)(ii) (§ 740.2(a)(11))');
    if (/^0[A-E]521$/.test(head)) only(['GOV(b)(2)(ii)'], '0Y521 items may use only GOV (b)(2)(ii) or an item-specific exception (§ 740.2(a)(14))');
    if (DETECTION.includes(head)) only(['RPL', 'GOV(b)(2)(ii)', 'TSU(a)', 'TSU(c)'], 'detection equipment items may use only RPL, GOV (b)(2)(ii) and TSU (a), (c) (§ 740.2(a)(8))');
    if ((c === 'MO' || inGroup('D:5', dest, date)) && (SME_HEADS.includes(head) || SME_3B001.test(cls.code) || SME_3B002.test(cls.code))) {
      only(['GOV(b)(2)(ii)'], 'semiconductor manufacturing items to Macau or Country Group D:5 may use only GOV (b) (§ 740.2(a)(9)(i))');
    }
    const aiTier = (inGroup('D:1', dest, date) || inGroup('D:4', dest, date) || inGroup('D:5', dest, date)) && !inGroup('A:5', dest, date) && !inGroup('A:6', dest, date);
    if (aiTier && (AI_HEADS.includes(head) || AI_Z.test(cls.code))) {
      only(['TMP', 'RPL', 'GOV(b)(2)(ii)', 'TSU(a)', 'TSU(c)'], 'advanced computing items to D:1, D:4 or D:5 (outside A:5/A:6) may use only TMP (a)(6), NAC/ACA, RPL, GOV (b), TSU (a), (c) and HBM (§ 740.2(a)(9)(ii))');
      if (para === 'TMP') notes.push(`For ${cls.code} TMP is limited to inspection, test, calibration and repair (§ 740.9(a)(6); § 740.2(a)(9)(ii)).`);
    }
    if (IEC.test(cls.code)) {
      only(['TMP', 'RPL', 'GOV(b)(2)(ii)', 'TSU(a)', 'TSU(c)'], 'IEC-eligible items may use only IEC, TMP (a)(3) and (a)(6), RPL, GOV (b) and TSU (a), (c) (§ 740.2(a)(22))');
      if (para === 'TMP') notes.push(`For ${cls.code} TMP is limited to § 740.9(a)(3) (technology carried by US persons) and (a)(6) (inspection, test, calibration and repair) (§ 740.2(a)(22)).`);
    }
    if (c === 'PK' && PAKISTAN.includes(head)) {
      only(['TMP', 'RPL', 'GOV(b)(2)(ii)'], 'these items to Pakistan may use only TMP (a)(1), (4), (5), (10), RPL and GOV (a), (b), (d) (§ 740.2(a)(25))');
      if (para === 'TMP') notes.push(`For ${cls.code} to Pakistan TMP is limited to § 740.9(a)(1), (a)(4), (a)(5), (a)(10), (b)(2) and (b)(3) (§ 740.2(a)(25)).`);
    }
    if (controlledFor(cls, 'MT')) {
      if (d4d5) {
        const vehicle = MT_D4_D5_VEHICLE.includes(head) && ['RPL', 'TSU(a)', 'TSU(b)', 'TSU(c)', 'TSU(d)'].includes(para);
        const machine = MT_D4_D5_RPL.includes(head) && para === 'RPL';
        if (!vehicle && !machine) why.push(`${cls.code}: MT-controlled items to Country Group D:4 or D:5 may use only the few exceptions § 740.2(a)(5)(ii) names for listed ECCNs`);
        else notes.push(`${cls.code} may go to ${c} only as part of a spacecraft, manned aircraft, land or marine vehicle, or in quantities for its replacement parts (§ 740.2(a)(5)(ii)).`);
      } else {
        only(['TMP', 'RPL', 'GOV(b)(2)(ii)', 'TSU(a)', 'TSU(b)', 'TSU(c)'], 'MT-controlled items may use only TMP, RPL, GOV (b)(2), TSU (a)–(c), AVS, APR (c)–(f) and STA (c)(1)(ii) (§ 740.2(a)(5)(i))');
      }
    }
    if (cls.reqs.some((r) => r.reason === 'CC' && r.finding.status === 'in_force') && !['AU', 'IN', 'JP', 'NZ'].includes(c) && !inNato(c, date)) {
      only(['GOV(b)(2)(ii)'], 'an item under the § 742.7 crime-control licence requirement may use only GOV (b)(2)(ii), BAG (e) or STA unless it goes to Australia, India, Japan, New Zealand or NATO (§ 740.2(a)(4))');
    }
  }
  if (dest === 'HK' && listed(x.classes).some((cls) => covering(cls).some((r) => ['NS', 'MT', 'CB'].includes(r.reason) || r.column === 'NP1'))) {
    notes.push('Hong Kong: hold the Hong Kong import licence, or the Hong Kong Government’s written statement that none is needed, before using any licence exception for an NS, MT, NP1 or CB item (§ 740.2(a)(19)).');
  }
  return { why: [...new Set(why)], notes: [...new Set(notes)] };
}

const param = (x: FactInput, name: string) => x.ctx.request.item.parameters?.[name];

/** Country Group A:1 members on a date. */
function groupA1(date: IsoDate): CountryCode[] {
  const g = COUNTRY_GROUPS.find((x) => x.id === groupId('A:1'))!;
  return [...new Set(g.members.map((m) => m.country))].filter((c) => inGroup('A:1', c, date));
}

interface Outcome {
  authorization?: Authorization;
  why: string[];
}

function tmp(x: FactInput): Outcome {
  const { dest, date, deemed, ctx } = x;
  const c = earCountry(dest);
  const why: string[] = [];
  const tech = ctx.request.transfer === 'technology' || listed(x.classes).some((k) => k.entry!.group === 'E');
  if (deemed) why.push('a release in the United States is not a temporary export for use abroad (§ 740.9(a))');
  if (inGroup('E:1', dest, date)) why.push(`${c} is in Country Group E:1, which tools of trade, exhibition and repair shipments may not go to (§ 740.9(a)(1), (a)(5), (a)(6))`);
  if ((inGroup('D:4', dest, date) || inGroup('D:5', dest, date)) && listed(x.classes).some((k) => controlledFor(k, 'MT'))) why.push(`MT-controlled tools of trade may not go to Country Group D:4 or D:5 (§ 740.9(a)(1))`);
  if (listed(x.classes).some((k) => FIREARMS.includes(eccnHead(k.code))) && (inGroup('D:5', dest, date) || FIREARMS_COUNTRIES.includes(c))) {
    why.push(`firearms may not be exported under TMP to ${c} except for exhibition or repair (§ 740.9(a))`);
  }
  const r = restrictions(x, 'TMP');
  why.push(...r.why);
  if (why.length) return { why };
  return {
    why,
    authorization: {
      id: 'TMP',
      title: 'License Exception TMP — temporary exports (15 CFR 740.9)',
      conditions: [
        tech
          ? 'The technology goes with a US person (or a foreign-person employee of a US person, where that person is authorised to receive it) travelling or on temporary assignment abroad, stays in their possession under adequate security, and is not used for foreign production or technical assistance (§ 740.9(a)(3)).'
          : 'The items go abroad for temporary use only: as tools of trade used by the exporter or its employees, for exhibition or demonstration (at most 120 days at one site), or to be inspected, tested, calibrated or repaired (§ 740.9(a)(1), (a)(5), (a)(6)).',
        'No order to acquire the items has been received before shipment, they are not meant to stay abroad beyond the exception’s terms, and they are not for lease or rental abroad (§ 740.9(a)).',
        'They stay under the exporter’s effective control while abroad and come back (or are consumed or destroyed in normal use) within one year of export (§ 740.9(a)(14)).',
        ...r.notes,
      ],
      url: ecfr('740.9'),
    },
  };
}

function rpl(x: FactInput): Outcome {
  const { dest, date, deemed, ctx } = x;
  const c = earCountry(dest);
  const why: string[] = [];
  if (deemed || ctx.request.transfer !== 'goods') why.push('RPL covers replacement parts, components, accessories and attachments (commodities), not a release of technology or software (§ 740.10(a))');
  if (inGroup('E:1', dest, date) && listed(x.classes).some((k) => controlledFor(k, 'NS') || ['2A983', '2A984', '2D983', '2D984'].includes(eccnHead(k.code)))) {
    why.push(`no replacements may go to Country Group E:1 (${c}) for NS-controlled equipment, aircraft or detection equipment (§ 740.10(a)(3)(iv)–(vi))`);
  }
  if (ctx.request.endUse === 'wmd') why.push('no replacements may be used in the nuclear activities of § 744.2(a) (§ 740.10(a)(3)(iii))');
  const r = restrictions(x, 'RPL');
  why.push(...r.why);
  if (why.length) return { why };
  const series = listed(x.classes).some((k) => k.entry!.series === '600');
  return {
    why,
    authorization: {
      id: 'RPL',
      title: 'License Exception RPL — servicing and replacement of parts and equipment (15 CFR 740.10)',
      conditions: [
        'The items replace, one for one, parts, components, accessories or attachments of equipment that was lawfully exported or reexported (or made abroad with authorised US parts), for its immediate repair; they do not improve its basic design characteristics (§ 740.10(a)(2)(i)–(ii)).',
        `The shipment is made by the party who exported the equipment, or by one that has confirmed the original authorisation, and the original licence did not require a licence for later replacements (§ 740.10(a)(2)(ii), (a)(3)(i))${series ? '; 600 series replacements only for equipment lawfully exported from the United States or lawfully reexported' : ''}.`,
        'The replaced items are destroyed abroad or returned promptly to the supplier, and no parts are sent to be held abroad as spares beyond replacing authorised spares as they are used (§ 740.10(a)(2)(iii), (a)(3)(ii)).',
        ...r.notes,
      ],
      url: ecfr('740.10'),
    },
  };
}

function govUs(x: FactInput): Outcome {
  const r = restrictions(x, 'GOV(b)(2)(ii)');
  if (r.why.length) return { why: r.why };
  return {
    why: [],
    authorization: {
      id: 'GOV',
      title: 'License Exception GOV — US Government (15 CFR 740.11(b)(2)(ii))',
      conditions: [
        'The export is made by, or consigned to, a department or agency of the US Government solely for its official use or for a US Government programme with foreign governments or international organisations that is authorised by law and subject to control by the President (§ 740.11(b)(2)(ii)).',
        'The agency is not acting as a transmittal agent for a non-government person; contractor support personnel qualify only within a government facility or under direct government supervision (§ 740.11(b)(2)(ii)).',
        ...r.notes,
      ],
      url: ecfr('740.11'),
    },
  };
}

function govCooperating(x: FactInput): Outcome {
  const { dest, date } = x;
  const c = earCountry(dest);
  const why: string[] = [];
  const cooperating = inGroup('A:1', dest, date) || ['SG', 'TW'].includes(c);
  if (!cooperating) why.push(`${c} is not a cooperating government (Country Group A:1, Singapore or Taiwan) (§ 740.11(c)(1))`);
  const a5 = inGroup('A:5', dest, date);
  for (const k of listed(x.classes)) {
    const head = eccnHead(k.code);
    if (controlledFor(k, 'NP')) why.push(`${k.code} is controlled for nuclear nonproliferation reasons (§ 740.11(c)(3)(vi))`);
    if (ENCRYPTION.includes(head)) why.push(`${k.code} is an encryption item; License Exception ENC is the route (§ 740.11(c)(3)(iii))`);
    if (k.entry!.series === '600' && !a5) why.push(`${k.code} is a 600 series item and ${c} is not in Country Group A:5 (§ 740.11(c)(3)(v))`);
    if (/^6A002(\.a(\.1(\.c)?)?)?$/.test(k.code) || (['6E001', '6E002'].includes(head))) why.push(`${k.code} may be (or be technology for) the 6A002.a.1.c items GOV (c) excludes (§ 740.11(c)(3)(iv)); give the paragraph`);
    if (CYBER.test(k.code)) why.push(`${k.code} is a cybersecurity item (§ 740.11(c)(3)(viii))`);
  }
  const r = restrictions(x, 'GOV(c)');
  why.push(...r.why);
  if (why.length) return { why };
  return {
    why,
    authorization: {
      id: 'GOV',
      title: 'License Exception GOV — cooperating governments (15 CFR 740.11(c))',
      conditions: [
        `The items are consigned to and for the official use of an agency of the national government of ${c} (a cooperating government) within a cooperating government’s territory, or of a military end user of a cooperating government, or of a NATO agency (§ 740.11(c)(1)–(2)).`,
        `The items are not on the Very Sensitive List (Supp. No. 7 to Part 774), and not on the Sensitive List (Supp. No. 6 to Part 774) unless the government is in Country Group A:5 or the consignee is a NATO agency${a5 ? ` (${c} is in A:5)` : ''}; nor items that § 740.20(b)(2)(ii) makes ineligible for STA (§ 740.11(c)(3)(i), (ii), (vii)).`,
        ...r.notes,
      ],
      url: ecfr('740.11'),
    },
  };
}

function tsu(x: FactInput, which: { a: boolean; b: boolean; c: boolean; d: boolean }): Outcome & { tried: string[] } {
  const { dest, date } = x;
  const c = earCountry(dest);
  const classes = listed(x.classes);
  const groups = new Set(classes.map((k) => k.entry!.group));
  const software = groups.size > 0 && [...groups].every((g) => g === 'D');
  const technology = groups.size > 0 && [...groups].every((g) => g === 'E');
  const encryption = classes.some((k) => controlledFor(k, 'EI') || ENCRYPTION.includes(eccnHead(k.code)) || /^5D992\.c/.test(k.code));
  const why: string[] = [];
  const conditions: string[] = [];
  const notes = new Set<string>();
  const tried: string[] = [];
  const paragraph = (flag: boolean, para: Para, label: string, own: string[], text: string[]) => {
    if (!flag) return;
    tried.push(label);
    const r = restrictions(x, para);
    const fails = [...own, ...r.why];
    if (encryption) fails.push('TSU is not available for encryption items controlled for EI reasons; License Exception ENC is the route (§ 740.13(d)(2); § 740.17)');
    if (fails.length) why.push(...fails.map((w) => `${label}: ${w}`));
    else {
      conditions.push(...text);
      r.notes.forEach((n) => notes.add(n));
    }
  };
  paragraph(which.a, 'TSU(a)', 'TSU (a) operation technology and software', software || technology ? [] : ['the item is not software or technology (product group D or E)'], [
    'Operation technology or software: the minimum needed to install, operate, maintain (check) or repair commodities or software lawfully exported or reexported to the same destination, with no development or production technology; operation software in object code only (§ 740.13(a)).',
  ]);
  paragraph(which.b, 'TSU(b)', 'TSU (b) sales technology', technology ? [] : ['sales technology is technology (product group E)'], [
    'Sales technology: data of the kind customarily sent with a quotation, bid or offer, that does not disclose detailed design, production or manufacturing technology or the means to reconstruct the item (§ 740.13(b)).',
  ]);
  paragraph(which.c, 'TSU(c)', 'TSU (c) software updates', software ? [] : ['software updates are software (product group D)'], [
    'Software update: it only corrects errors in software lawfully exported to the same consignee, and does not enhance the original software’s functions (§ 740.13(c)).',
  ]);
  paragraph(which.d, 'TSU(d)', 'TSU (d) mass market software', [
    ...(software ? [] : ['mass market software is software (product group D)']),
    ...(inGroup('E:1', dest, date) ? [`${c} is in Country Group E:1 (§ 740.13(d)(3)(i))`] : []),
    ...(classes.some((k) => controlledFor(k, 'MT')) ? ['the software is controlled for MT reasons (§ 740.13(d)(2))'] : []),
  ], [
    'Mass market software under the General Software Note: generally available to the public, sold from stock at retail without restriction (over the counter, mail or telephone), and designed for installation by the user without substantial support from the supplier (§ 740.13(d)).',
  ]);
  if (!conditions.length) return { why, tried };
  return {
    why,
    tried,
    authorization: { id: 'TSU', title: 'License Exception TSU — technology and software unrestricted (15 CFR 740.13)', conditions: [...conditions, ...notes], url: ecfr('740.13') },
  };
}

function apr(x: FactInput): Outcome {
  const { dest, date, deemed, ctx } = x;
  const c = earCountry(dest);
  const from = ctx.request.from;
  const why: string[] = [];
  if (deemed || from === 'US') why.push('APR covers reexports from abroad, not exports from the United States (§ 740.16)');
  else if (!inGroup('A:1', from, date)) why.push(`the reexport is from ${from}, which is not in Country Group A:1 (§ 740.16(a))`);
  if (ctx.request.transfer !== 'goods') why.push('§ 740.16(a) covers commodities only');
  const classes = listed(x.classes);
  for (const k of classes) {
    const head = eccnHead(k.code);
    const bad = ['NP', 'CB', 'MT', 'SI', 'CC'].filter((r) => controlledFor(k, r));
    if (bad.length) why.push(`${k.code} is controlled for ${bad.join(', ')} (§ 740.16(a)(2))`);
    if (['0A919', '6A002', '6A003'].includes(head) || /^3A001(\.(b\.2|b\.3|z)|$)/.test(k.code) || /^0[A-E]5\d\d$/.test(head)) why.push(`${k.code} is (or may be) among the items § 740.16(a)(2) excludes (0A919, 3A001.b.2, .b.3, .z, 6A002, 6A003, 0x5zz)`);
    if (k.reqs.some((r) => !r.onChart && r.finding.status === 'in_force')) why.push(`${k.code} needs a licence under a control outside the Country Chart, which this plugin does not treat as covered by APR`);
  }
  const ns = classes.length > 0 && classes.every((k) => controlledFor(k, 'NS'));
  const a1Free = classes.every((k) => groupA1(date).every((m) => {
    const row = chartRow(m, date);
    return !row || covering(k).every((r) => !r.column || !row.columns.has(r.column));
  }));
  const toB = inGroup('B', dest, date) && !['D:2', 'D:3', 'D:4'].some((g) => inGroup(g as 'D:2', dest, date));
  const toD1 = inGroup('D:1', dest, date) && c !== 'KP';
  if (!ns) why.push('the commodity must be controlled for national security reasons (§ 740.16(a)(3))');
  else if (toB && !a1Free && !toD1) why.push('to a Group B destination the commodity must not need a licence for Country Group A:1 (§ 740.16(a)(3)(i))');
  else if (!toB && !toD1) why.push(`${c} is neither in Country Group B outside D:2–D:4 nor in D:1 other than North Korea (§ 740.16(a)(3))`);
  const r = restrictions(x, 'APR(a)');
  why.push(...r.why);
  if (why.length) return { why };
  return {
    why,
    authorization: {
      id: 'APR',
      title: 'License Exception APR — additional permissive reexports (15 CFR 740.16(a))',
      conditions: [
        `The reexport from ${from} (Country Group A:1) is made under, and in line with the conditions of, an export authorisation from the government of ${from} (§ 740.16(a)(1)).`,
        `The commodity is not controlled for NP, CB, MT, SI or CC reasons and is not 0A919, 3A001.b.2, .b.3, .z, 6A002, 6A003 or a 0x5zz item; it is controlled for NS reasons and ${toD1 ? `${c} is in Country Group D:1` : `${c} is in Country Group B (not D:2–D:4) and the commodity needs no licence for Country Group A:1`} (§ 740.16(a)(2)–(3)).`,
        ...r.notes,
      ],
      url: ecfr('740.16'),
    },
  };
}

/**
 * The fact-based exceptions that cover the transfer to one destination, and warnings for those the
 * request asked about (parameter 1) that do not.
 */
export function factExceptions(x: FactInput): { authorizations: Authorization[]; warnings: Warning[] } {
  const authorizations: Authorization[] = [];
  const warnings: Warning[] = [];
  const on = (name: string) => param(x, name) === 1;
  const where = x.deemed ? ` (deemed export to a national of ${x.dest})` : '';
  const warn = (id: string, section: string, names: string[], why: string[]) => warnings.push({
    code: 'licence_exception_unavailable',
    message: `License Exception ${id} (15 CFR ${section}) does not cover this transfer${where} although ${names.map((n) => `item.parameters["${n}"] = 1`).join(' and ')}: ${why.join('; ')}.`,
    measure: M.exceptions,
  });
  const run = (flag: boolean, id: string, section: string, names: string[], f: () => Outcome) => {
    if (!flag) return;
    const o = f();
    if (o.authorization) authorizations.push(o.authorization);
    else warn(id, section, names, o.why);
  };
  run(on(PARAMS.temporaryExport), 'TMP', '740.9', [PARAMS.temporaryExport], () => tmp(x));
  run(on(PARAMS.replacementPart), 'RPL', '740.10', [PARAMS.replacementPart], () => rpl(x));
  const govB = on(PARAMS.usGovernmentConsignee) ? govUs(x) : undefined;
  const govC = on(PARAMS.cooperatingGovernment) ? govCooperating(x) : undefined;
  if (govB && !govB.authorization) warn('GOV', '740.11(b)(2)(ii)', [PARAMS.usGovernmentConsignee], govB.why);
  if (govC && !govC.authorization) warn('GOV', '740.11(c)', [PARAMS.cooperatingGovernment], govC.why);
  const gov = govB?.authorization ?? govC?.authorization;
  if (gov) authorizations.push(gov);
  const which = { a: on(PARAMS.operationTechnology), b: on(PARAMS.salesTechnology), c: on(PARAMS.softwareUpdate), d: on(PARAMS.massMarketSoftware) };
  if (which.a || which.b || which.c || which.d) {
    const t = tsu(x, which);
    if (t.authorization) authorizations.push(t.authorization);
    else warn('TSU', '740.13', ([[which.a, PARAMS.operationTechnology], [which.b, PARAMS.salesTechnology], [which.c, PARAMS.softwareUpdate], [which.d, PARAMS.massMarketSoftware]] as const).filter(([f]) => f).map(([, n]) => n), t.why);
  }
  run(on(PARAMS.reexportFromA1), 'APR', '740.16(a)', [PARAMS.reexportFromA1], () => apr(x));
  return { authorizations, warnings };
}
