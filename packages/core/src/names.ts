import transliterate from '@sindresorhus/transliterate';
import { pinyin } from 'pinyin-pro';

/**
 * Legal-form and filler words that say nothing about who a party is, in the languages lists are
 * published in (after punctuation is dropped and scripts are romanised: "S.A." → "sa", "ООО" → "ooo",
 * "有限公司" → "you xian gong si").
 */
const LEGAL_FORM_WORDS = new Set([
  // English
  'co', 'company', 'companies', 'ltd', 'limited', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'llp', 'lp',
  'plc', 'pvt', 'pte', 'pty', 'the', 'and', 'of',
  // German, Dutch, Nordic
  'gmbh', 'ag', 'kg', 'mbh', 'ug', 'ohg', 'ev', 'bv', 'nv', 'vof', 'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'hf', 'ehf',
  // Romance languages
  'sa', 'sas', 'sarl', 'sasu', 'eurl', 'snc', 'spa', 'srl', 'sapa', 'scarl', 'sl', 'slu', 'sau', 'ltda', 'sab', 'cv',
  'de', 'del', 'la', 'le', 'et', 'y', 'e', 'cie',
  // Central and Eastern Europe, Türkiye
  'sp', 'zoo', 'sro', 'kft', 'zrt', 'nyrt', 'doo', 'dd', 'ad', 'ead', 'eood', 'ood', 'sti',
  // Russian, Ukrainian, Belarusian (romanised from ООО, ОАО, ЗАО, ПАО, АО, ТОВ, ЧП …)
  'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'tov', 'pat', 'prat', 'chp', 'ip', 'fgup', 'gup', 'mup',
  'obshchestvo', 'obschestvo', 'ogranichennoy', 'otvetstvennostyu', 'aktsionernoe',
  // Asia (romanised)
  'kk', 'yk', 'gk', 'bhd', 'sdn', 'tbk', 'pt', 'jsc', 'fze', 'fzco', 'fzc', 'fzllc', 'wll', 'est',
  // Chinese legal forms, romanised by pinyin (有限公司, 股份, 有限责任公司, 集团公司)
  'youxian', 'gongsi', 'gufen', 'zeren',
]);

/** Chinese (and Japanese kanji) legal-form endings, removed before romanisation, longest first. */
const HAN_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '分公司', '公司', '株式会社', '有限会社'];


const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Han}/u, 'Chinese characters'],
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Hangul}/u, 'Hangul'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Japanese kana'],
];

/** A name reduced to what identifies a party. */
export interface NormalizedName {
  /** Latin tokens, lower case, legal-form words removed. */
  tokens: string[];
  /** The tokens joined without spaces ("hua wei" and "huawei" agree here). */
  compact: string;
  /** Legal-form words that were dropped. */
  dropped: string[];
  /** Scripts other than Latin that were romanised (for the explanation). */
  scripts: string[];
}

/** Each run of Chinese characters without its legal-form ending, as toneless pinyin syllables. */
function romaniseHan(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    const form = HAN_LEGAL_FORMS.find((f) => run.endsWith(f) && run.length > f.length);
    const core = form ? run.slice(0, -form.length) : run;
    return ` ${pinyin(core, { toneType: 'none', type: 'array' }).join(' ')} `;
  });
}

/**
 * Reduces a company or person name for matching: Unicode compatibility forms, case, punctuation,
 * Chinese characters to toneless pinyin (pinyin-pro), other scripts to Latin (@sindresorhus/transliterate),
 * and legal-form words in many languages (Co., Ltd., GmbH, S.A., ООО, 有限公司 …) dropped.
 */
export function normalizeName(name: string): NormalizedName {
  const scripts = SCRIPTS.filter(([re]) => re.test(name)).map(([, label]) => label);
  let text = name.normalize('NFKC');
  if (HAN.test(text)) text = romaniseHan(text);
  text = transliterate(text).toLowerCase();
  // "S.A.", "S.p.A." and "Co." lose their dots without splitting; other punctuation separates words.
  text = text.replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '').replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  const tokens: string[] = [];
  const dropped: string[] = [];
  for (const token of text.split(' ')) {
    if (!token) continue;
    if (LEGAL_FORM_WORDS.has(token)) dropped.push(token);
    else tokens.push(token);
  }
  // A name made only of legal-form words ("Limited Co") keeps them, or it would match nothing and everything.
  if (tokens.length === 0) tokens.push(...dropped.splice(0));
  return { tokens, compact: tokens.join(''), dropped, scripts };
}
