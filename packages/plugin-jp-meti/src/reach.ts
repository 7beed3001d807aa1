import type { Measure, Question, ReachContext, ReachResult } from '@chokepoint/core';
import { readData } from './data-files.js';

/** The plugin's parameters on the person who receives technology in Japan (FEFTA Art. 25(1), deemed export). */
export const RECIPIENT = {
  /**
   * 1 when the person receiving the technology in Japan is a non-resident of Japan (非居住者, FEFTA Art. 6(1)(vi), read
   * with the Ministry of Finance's notice on residency); 0 when a resident.
   */
  nonResident: 'jpNonResident',
  /**
   * 1 when the recipient, though a resident, falls in one of the "specified categories" (特定類型) of METI's notice on
   * technology transactions (役務通達 1(3)サ), which treats the provision as one to a non-resident from 2022-05-01;
   * 0 when in none. Read only on and after that day.
   */
  specifiedCategory: 'jpSpecifiedCategory',
} as const;

/** The measure holding METI's 2022 clarification of deemed exports, and the day it applied. */
export const DEEMED_EXPORT_CLARIFICATION = 'jp-meti-2022-deemed-export';
const clarification = readData<Measure[]>('measures.json').find((m) => m.id === DEEMED_EXPORT_CLARIFICATION);
if (!clarification) throw new Error(`measures.json lacks ${DEEMED_EXPORT_CLARIFICATION}`);
/** From this day a resident in a specified category counts as a non-resident for Art. 25(1) (2022-05-01). */
export const SPECIFIED_CATEGORY_FROM: string = clarification.effective.from;

const RESIDENCY_RULE = 'Under FEFTA the test is residency, not nationality: a foreign national working for an office in Japan (a Japanese company, or the Japanese branch of a foreign one) is a resident from the first day, and any other foreign national becomes one after six months in Japan; a visitor staying less than that, and foreign diplomats and officials, are non-residents.';

const SPECIFIED_CATEGORIES = 'a resident in a specified category (特定類型) is one who (1) is bound by an employment or other contract to a foreign government or a foreign company, university or other body, under its direction or owing it a duty of care (not where it is a group company of the Japanese employer, or the Japanese employer\'s instructions have been agreed to prevail), (2) receives or is promised substantial money or other benefits from a foreign government (METI: a quarter or more of annual income), or (3) otherwise acts in Japan on a foreign government\'s instructions or requests';

/** The question on the recipient that the stated facts leave open (called only when they do not settle whether Art. 25(1) reaches). */
function residencyQuestion(date: string, nonResident: number | undefined, specified: number | undefined): Question {
  const clarified = date >= SPECIFIED_CATEGORY_FROM;
  if (nonResident === 0 && clarified) {
    return {
      parameter: RECIPIENT.specifiedCategory,
      prompt: `The technology is provided in Japan to a resident. Since ${SPECIFIED_CATEGORY_FROM}, METI treats a provision to a resident in a specified category as a provision to a non-resident, needing its permission (FEFTA Art. 25(1); METI's notice on technology transactions, 1(3)サ): ${SPECIFIED_CATEGORIES}. Is the recipient in a specified category (1 = yes, 0 = no)?`,
      candidates: ['1', '0'],
    };
  }
  const since = clarified && specified === undefined
    ? ` Since ${SPECIFIED_CATEGORY_FROM} a resident in a specified category counts too: if the recipient is a resident, give ${RECIPIENT.nonResident} = 0 and ${RECIPIENT.specifiedCategory} (1 when ${SPECIFIED_CATEGORIES}).`
    : '';
  return {
    parameter: RECIPIENT.nonResident,
    prompt: `The technology is provided inside Japan to a person of foreign nationality. Japan's permission (FEFTA Art. 25(1)) is needed for a provision to a non-resident of Japan. ${RESIDENCY_RULE} Is the recipient a non-resident of Japan (1 = yes, 0 = no)?${since}`,
    candidates: ['1', '0'],
  };
}

/**
 * Japan reaches an export of goods from Japan (FEFTA Art. 48) and a provision of technology from Japan to a
 * non-resident or for use abroad (Art. 25(1)). Japan does not control re-exports of Japanese goods abroad.
 *
 * A release inside Japan (`from` and `to` both JP) is a deemed export when the recipient is a non-resident, or, from
 * 2022-05-01 (METI's clarification, measure `jp-meti-2022-deemed-export`), a resident in a specified category. The Act
 * turns on residency, not nationality (tech-reach review X117): the plugin reaches on the exporter's answers
 * ({@link RECIPIENT}), and where a recipient of foreign nationality (`endUser.nationalities`) is not settled by them,
 * it reaches pending the question, which core asks only where a rule would then require a licence. A stated
 * non-resident or specified-category recipient is reached whatever the nationality given.
 */
export function jpReach(ctx: ReachContext): ReachResult {
  const { from, to, transfer, endUser, date } = ctx.request;
  if (from !== 'JP') return { bases: [], description: 'not an export from Japan (Japan does not control re-exports from abroad)' };
  if (to !== 'JP') {
    return transfer === 'goods'
      ? { bases: ['territory'], description: 'export of goods from Japan (FEFTA Art. 48)' }
      : { bases: ['territory'], description: 'provision of technology from Japan for use abroad (FEFTA Art. 25)' };
  }
  if (transfer === 'goods') return { bases: [], description: 'movement inside Japan' };
  const params = ctx.request.item.parameters;
  const nonResident = params?.[RECIPIENT.nonResident];
  const clarified = date >= SPECIFIED_CATEGORY_FROM;
  const specified = clarified ? params?.[RECIPIENT.specifiedCategory] : undefined;
  if (nonResident === 1) {
    return { bases: ['deemed'], description: 'provision of technology in Japan to a non-resident (FEFTA Art. 25(1))' };
  }
  if (specified === 1) {
    return { bases: ['deemed'], description: `provision of technology in Japan to a resident in a specified category, treated as a non-resident since ${SPECIFIED_CATEGORY_FROM} (FEFTA Art. 25(1); METI's notice on technology transactions, 1(3)サ)` };
  }
  if (nonResident === 0 && (!clarified || specified === 0)) {
    return {
      bases: [],
      description: clarified
        ? 'provision of technology in Japan to a resident outside the specified categories: not a deemed export (FEFTA Art. 25(1))'
        : `provision of technology in Japan to a resident: not a deemed export (FEFTA Art. 25(1); residents in specified categories count only from ${SPECIFIED_CATEGORY_FROM})`,
    };
  }
  const foreign = (endUser?.nationalities ?? []).some((n) => n !== 'JP');
  if (!foreign) return { bases: [], description: 'provision of technology inside Japan to a person not stated to be foreign or a non-resident' };
  return {
    bases: ['deemed'],
    description: 'provision of technology in Japan to a person of foreign nationality: a deemed export only if the recipient is a non-resident or, from 2022-05-01, a resident in a specified category (FEFTA Art. 25(1))',
    pending: residencyQuestion(date, nonResident, specified),
  };
}
