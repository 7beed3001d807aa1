import type { Authorization, CountryCode, IsoDate } from '@chokepoint/core';
import { eccnHead, reasonMayCover, reasonScopeOpen } from './ccl.js';
import type { FactClass } from './fact-exceptions.js';
import { AI_HEADS, AI_Z, DETECTION, IEC, inNato, PAKISTAN, SME_3B001, SME_3B002, SME_HEADS } from './fact-exceptions.js';
import { earCountry, inGroup } from './groups.js';

/** The list-based exceptions the plugin decides from data (LVS, GBS, TSR, STA, ENC) and the § 740.2(a) limits on them. */
interface Limit {
  /** The data-based exceptions the paragraph still allows (an empty list: none of them). */
  allowed: string[];
  rule: string;
}

/**
 * The § 740.2(a) restrictions that leave a classified item fewer list-based exceptions than its ECCN offers:
 * (a)(4) crime control outside Australia, India, Japan, New Zealand and NATO; (a)(5)(i) MT items; (a)(8) detection
 * equipment; (a)(9)(i) SME to Macau or D:5; (a)(9)(ii) advanced computing to D:1, D:4 or D:5 outside A:5/A:6;
 * (a)(13) 600 series; (a)(22) IEC items; (a)(25) the Pakistan items. The fact-based exceptions apply these in
 * fact-exceptions.ts; this applies them to LVS, GBS, TSR, STA and ENC.
 */
function limitsFor(cls: FactClass, dest: CountryCode, date: IsoDate): Limit[] {
  const out: Limit[] = [];
  const c = earCountry(dest);
  const head = eccnHead(cls.code);
  // A reason whose scope the request leaves open is asked (ear.<reason>ScopeMet), not charged: its bars wait for the answer.
  const reasons = (cls.entry?.reasons ?? []).filter((r) => reasonMayCover(cls.code, r, cls.parameters) && !reasonScopeOpen(cls.code, r, cls.parameters)).map((r) => r.reason);
  const d5 = c === 'MO' || inGroup('D:5', dest, date);
  const aiTier = (inGroup('D:1', dest, date) || inGroup('D:4', dest, date) || inGroup('D:5', dest, date)) && !inGroup('A:5', dest, date) && !inGroup('A:6', dest, date);
  if (cls.reqs.some((r) => r.reason === 'CC' && r.finding.status === 'in_force') && !['AU', 'IN', 'JP', 'NZ'].includes(c) && !inNato(c, date)) out.push({ allowed: ['STA'], rule: '740.2(a)(4)' });
  if (reasons.includes('MT')) out.push({ allowed: [], rule: '740.2(a)(5)(i)' });
  if (DETECTION.includes(head)) out.push({ allowed: [], rule: '740.2(a)(8)' });
  if (d5 && (SME_HEADS.includes(head) || SME_3B001.test(cls.code) || SME_3B002.test(cls.code))) out.push({ allowed: [], rule: '740.2(a)(9)(i)' });
  if (aiTier && (AI_HEADS.includes(head) || AI_Z.test(cls.code))) out.push({ allowed: [], rule: '740.2(a)(9)(ii)' });
  if (cls.entry?.series === '600') out.push({ allowed: ['LVS', 'STA'], rule: '740.2(a)(13)' });
  if (IEC.test(cls.code)) out.push({ allowed: [], rule: '740.2(a)(22)' });
  if (c === 'PK' && PAKISTAN.includes(head)) out.push({ allowed: [], rule: '740.2(a)(25)' });
  return out;
}

/** Withdraws the list-based exceptions the § 740.2(a) restrictions take away; other exceptions pass untouched. */
export function limitDataExceptions(classes: FactClass[], dest: CountryCode, date: IsoDate, authorizations: Authorization[]): { authorizations: Authorization[]; rules: string[] } {
  const limits = classes.flatMap((cls) => limitsFor(cls, dest, date));
  if (!limits.length) return { authorizations, rules: [] };
  const DATA = ['LVS', 'GBS', 'TSR', 'STA', 'ENC'];
  const kept = authorizations.filter((a) => !DATA.includes(a.id) || limits.every((l) => l.allowed.includes(a.id)));
  const rules = kept.length < authorizations.length ? [...new Set(limits.filter((l) => authorizations.some((a) => DATA.includes(a.id) && !l.allowed.includes(a.id))).map((l) => l.rule))] : [];
  return { authorizations: kept, rules };
}
