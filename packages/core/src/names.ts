import transliterate from '@sindresorhus/transliterate';
import { pinyin } from 'pinyin-pro';
import { pinyinSyllables } from './pinyin-syllables.js';

/**
 * Legal-form and filler words that say nothing about who a party is, in the languages lists are
 * published in (after punctuation is dropped and scripts are romanised: "S.A." → "sa", "ООО" → "ooo",
 * "有限公司" → "you xian gong si").
 */
const LEGAL_FORM_WORDS = new Set([
  // English
  'co', 'company', 'companies', 'ltd', 'limited', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'llp', 'lp',
  'plc', 'pvt', 'pte', 'pty',
  // German, Dutch, Nordic
  'gmbh', 'ag', 'kg', 'mbh', 'ug', 'ohg', 'ev', 'bv', 'nv', 'vof', 'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'hf', 'ehf',
  // Romance languages
  'sa', 'sas', 'sarl', 'sasu', 'eurl', 'snc', 'spa', 'srl', 'sapa', 'scarl', 'sl', 'slu', 'sau', 'ltda', 'sab', 'cv',
  'cie',
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

/**
 * Articles and particles that say little about who a party is ("Banco de la Nación", "The Atlas Group"):
 * left out of the words, but kept in the pinyin syllables, where "De" may be a syllable (德).
 */
const FILLER_WORDS = new Set(['the', 'and', 'of', 'de', 'del', 'la', 'le', 'et', 'y', 'e']);

/** Abbreviations that stand for one word only ("Intl." is always "International"), read as that word. */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['intl', 'international'], ['natl', 'national'], ['univ', 'university'], ['mfg', 'manufacturing'], ['assn', 'association'],
  // Abbreviations lists and their users write in institute names ("Beijing Inst. of Technology", "... Propulsion Tech.";
  // enduse review U84, U107); each has one reading in a party name.
  ['inst', 'institute'], ['tech', 'technology'], ['acad', 'academy'], ['sci', 'science'], ['engg', 'engineering'],
  ['dept', 'department'], ['lab', 'laboratory'], ['labs', 'laboratories'],
]);

/**
 * Words that name an organisation, not a person: a name holding one ("Sichuan University, Suzhou Research Institute",
 * "Boeing Defense, Space & Security") is not read as "SURNAME, Given Middle", whose middle words a query may leave out.
 */
const ORGANISATION_WORDS = new Set([
  'academy', 'agency', 'aerospace', 'association', 'aviation', 'bank', 'bureau', 'center', 'centre', 'college', 'committee',
  'communication', 'communications', 'company', 'corporation', 'defence', 'defense', 'department', 'electronic',
  'electronics', 'energy', 'engineering', 'enterprise', 'enterprises', 'equipment', 'export', 'facility', 'factory', 'group',
  'holding', 'holdings', 'hospital', 'import', 'industrial', 'industries', 'industry', 'institute', 'international',
  'laboratories', 'laboratory', 'logistics', 'materials', 'ministry', 'office', 'organisation', 'organization', 'petroleum',
  'plant', 'research', 'school', 'science', 'sciences', 'security', 'service', 'services', 'shipping', 'solutions', 'system',
  'systems', 'technologies', 'technology', 'trading', 'university', 'works',
]);

/**
 * Words of a Chinese firm's industry, beside {@link ORGANISATION_WORDS}: a registered name reads place + trade name +
 * industry + legal form (深圳市 大疆 创新科技 有限公司, "SZ DJI Technology Co., Ltd."), and users screen the trade name with
 * or without these words ({@link isDescriptiveWord}).
 */
const INDUSTRY_WORDS = new Set([
  'innovation', 'innovations', 'digital', 'intelligent', 'intelligence', 'precision', 'instrument', 'instruments',
  'microelectronics', 'semiconductor', 'semiconductors', 'electric', 'electrical', 'optical', 'optics', 'photonics',
  'material', 'technological', 'scientific', 'information', 'network', 'networks', 'new', 'high', 'hi', 'development',
  // Fields a name's industry part names, which are no firm's own name ("Quantum Institute" names no one).
  'quantum', 'nuclear', 'chemical', 'chemicals', 'physics', 'biological', 'biotechnology', 'pharmaceutical', 'medical',
  'automation', 'software', 'computing', 'computer', 'data', 'cloud', 'space', 'marine', 'ocean', 'laser', 'lasers',
  'power', 'machinery', 'mechanical', 'metallurgy', 'metallurgical', 'mining', 'mineral', 'minerals', 'metal', 'metals',
  'magnetic', 'magnetics', 'battery', 'batteries', 'vehicle', 'vehicles', 'automotive', 'aircraft', 'uav', 'robotics',
  'optoelectronic', 'optoelectronics', 'control', 'measurement', 'testing', 'observation', 'detection', 'sensing',
  'sensor', 'sensors', 'telecom', 'telecommunication', 'telecommunications', 'microwave', 'radar', 'radio', 'satellite',
  'navigation', 'fuel', 'manufacturing', 'trade', 'instrumentation', 'circuit', 'circuits', 'integrated', 'display',
  'advanced', 'applied', 'modern', 'smart', 'general', 'key', 'state', 'national',
]);

/**
 * The places a Chinese firm's registered name begins with (its administrative division: provinces, regions and
 * larger cities, in pinyin as lists write them, and the two-letter forms firms use in English, "SZ" for Shenzhen).
 */
const CHINESE_PLACE_WORDS = new Set([
  'china', 'chinese', 'zhongguo', 'hong', 'kong', 'hk', 'macau', 'macao',
  'anhui', 'fujian', 'gansu', 'guangdong', 'guangxi', 'guizhou', 'hainan', 'hebei', 'heilongjiang', 'henan', 'hubei', 'hunan',
  'jiangsu', 'jiangxi', 'jilin', 'liaoning', 'ningxia', 'qinghai', 'shaanxi', 'shandong', 'shanxi', 'sichuan', 'tibet',
  'xinjiang', 'yunnan', 'zhejiang', 'inner', 'mongolia',
  'beijing', 'bj', 'shanghai', 'sh', 'tianjin', 'chongqing', 'shenzhen', 'sz', 'guangzhou', 'gz', 'chengdu', 'wuhan', 'xian',
  'nanjing', 'hangzhou', 'harbin', 'changsha', 'hefei', 'suzhou', 'wuxi', 'changzhou', 'dalian', 'qingdao', 'xiamen',
  'zhuhai', 'dongguan', 'foshan', 'zhengzhou', 'jinan', 'shenyang', 'kunming', 'nanchang', 'fuzhou', 'taiyuan',
  'shijiazhuang', 'changchun', 'lanzhou', 'guiyang', 'nanning', 'hohhot', 'urumqi', 'lhasa', 'xining', 'yinchuan',
  'haikou', 'ningbo', 'mianyang', 'baotou', 'ganzhou', 'zibo', 'yantai', 'weihai', 'nantong', 'shaoxing', 'wenzhou',
  'jiaxing', 'huizhou', 'zhongshan', 'jiangmen', 'luoyang', 'xiangtan', 'zhuzhou', 'baoji', 'zigong', 'yibin', 'deyang',
]);

/** True for an organisation's or an industry's word ("technology", "innovation"): part of a firm's name, not who it is. */
export function isDescriptiveWord(token: string): boolean {
  return ORGANISATION_WORDS.has(token) || INDUSTRY_WORDS.has(token);
}

/** True for a Chinese province, region or larger city as a word of a firm's name ("Shenzhen", "SZ"). */
export function isChinesePlaceWord(token: string): boolean {
  return CHINESE_PLACE_WORDS.has(token);
}

/** A number written as an English ordinal ("1st", "14th", "22nd", "3rd"). */
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/** Chinese (and Japanese kanji) legal-form endings, removed before romanisation, longest first. */
const HAN_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '分公司', '公司', '株式会社', '有限会社'];


const HAN = /\p{Script=Han}/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
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
  /** Each token's spelling key (`spellingKey`), in the same order. */
  keys: string[];
  /** Each token's keys for Arabic and Persian romanisations (`vowelKeys`; none for most words), in the same order. */
  vowelKeys: (readonly string[])[];
  /** The tokens joined without spaces ("hua wei" and "huawei" agree here). */
  compact: string;
  /**
   * The tokens cut into pinyin syllables where they are made of them ("Dajiang" → "da jiang"), as Chinese
   * characters romanise; compared when either name is written in Chinese characters.
   */
  syllables: string[];
  /** True when the syllables say more than the words: Chinese characters, or a word cut into syllables. */
  syllabic: boolean;
  /** True when the name was written (partly) in Chinese characters. */
  han: boolean;
  /**
   * The tokens in given-name-first order: "IVANOV, Sergei Petrovich" reads "sergei petrovich ivanov", so that a
   * middle name or patronymic is recognised as the one between the first and the last.
   */
  personOrder: string[];
  /**
   * How many of `personOrder`'s first tokens are given names, the rest being the surname: the words after the comma in
   * "SURNAME, Given Middle", all but the last otherwise. The given names after the first are middle names.
   */
  givenNames: number;
  /** True when the name reads as a person's ("SURNAME, Given Middle"), or its list says it is one. */
  person: boolean;
  /** Legal-form words that were dropped. */
  dropped: string[];
  /**
   * How many tokens come before the first legal-form word ("Lockheed Martin UK Limited": 3), or -1 without one: the
   * words a company's own name is made of, as against a branch or address after it ("… Co., Ltd. Shenzhen Branch").
   */
  beforeLegalForm: number;
  /** Scripts other than Latin that were romanised (for the explanation). */
  scripts: string[];
  /**
   * The numbers the name holds, as digits: Arabic ("14th" → 14) and Chinese numerals ("第十四" → 14). Two names that
   * both hold numbers and share none name different things (the 14th and the 54th institute of one group).
   */
  numbers: string[];
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_NUMERAL_RUN = /[零〇一二两三四五六七八九十百千]+/g;

/** A run of Chinese numerals as a number ("十四" 14, "五十四" 54, "一百零二" 102); undefined for a lone "一" (often a word). */
function chineseNumber(run: string): number | undefined {
  if (run.length === 1 && !(run in CHINESE_UNITS) && run !== '〇') return run === '一' ? undefined : CHINESE_DIGITS[run];
  let total = 0;
  let digit: number | undefined;
  for (const ch of run) {
    const unit = CHINESE_UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else digit = CHINESE_DIGITS[ch];
  }
  return total + (digit ?? 0);
}

/** The numbers a name holds ({@link NormalizedName.numbers}). */
function numbersOf(text: string, han: boolean): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d+/g)) out.add(String(Number(m[0])));
  if (han) for (const m of text.matchAll(CHINESE_NUMERAL_RUN)) {
    const n = chineseNumber(m[0]);
    if (n !== undefined) out.add(String(n));
  }
  return [...out];
}

/** Each run of Chinese characters without its legal-form words, as toneless pinyin syllables. */
function romaniseHan(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    let core = run;
    for (const form of HAN_LEGAL_FORMS) if (core.length > form.length) core = core.split(form).join(' ');
    return ` ${pinyin(core, { toneType: 'none', type: 'array', v: true }).join(' ').replace(/v/g, 'u')} `;
  });
}

/**
 * A token's spelling key: the same for the usual romanisations of one Cyrillic name (BGN/PCGN, passport,
 * German and scholarly forms: "Yuriy", "Yurii", "Yury" → "yuri"; "Khabarov", "Habarov" → "habarov";
 * "Shchukin", "Schukin" → "shukin"; "Iuliia", "Yuliya" → "yulia"), doubled letters single. Rules that
 * would merge distinct pinyin syllables (liu/lu, ju/yu) are left out. Tokens with digits keep their spelling.
 */
export function spellingKey(token: string): string {
  let key = SPELLING_KEYS.get(token);
  if (key === undefined) {
    key = computeSpellingKey(token);
    remember(SPELLING_KEYS, token, key);
  }
  return key;
}

const DIGRAPHS: Record<string, string> = { shch: 'sh', sch: 'sh', tsch: 'ch', tch: 'ch', dzh: 'j', kh: 'h', ph: 'f', ks: 'x', w: 'v', tz: 'c', ts: 'c' };

function computeSpellingKey(token: string): string {
  if (/\d/.test(token) || token.length < 3) return token;
  return cyrillicSpellings(token).replace(/(.)\1+/g, '$1');
}

/** The Cyrillic romanisation rules of {@link spellingKey}, doubled letters not yet single. */
function cyrillicSpellings(token: string): string {
  return token
    // German "j" for й and the soft sign before a vowel: "Darja" → "darya", "Nikolaj" → "nikolay" (pinyin's ji-, ju- stay).
    .replace(/j(?=[aeo])|(?<=[aeiou])j(?![iu])/g, 'y')
    .replace(/shch|tsch|sch|tch|dzh|kh|ph|ks|w|tz|ts/g, (m) => DIGRAPHS[m]!)
    // Ё as "yo" after a consonant is "e" elsewhere ("Fyodor", "Fedor"); е as "ye" after a vowel ("Sergeyev", "Sergeev").
    .replace(/(?<=[^aeiouy])yo/g, 'e')
    .replace(/(?<=[aeiou])ye/g, 'e')
    .replace(/^ye/, 'e')
    .replace(/(iy|yy|ij|ii|yi|y)$/, 'i')
    // я, ю as "ia", "iu" (passport) or "ya", "yu" (BGN), with or without a й before them ("Viktoriya", "Viktoriia", "Viktoria").
    .replace(/i(?=[aou])/g, 'y')
    .replace(/iy(?=[aou])/g, 'y');
}

/**
 * A word's keys for Arabic and Persian names as lists romanise them: none for a word that reads as one or two pinyin
 * syllables (a Chinese surname or given name, whose vowels and consonants tell it apart: "Zhou" is not "Zhu", nor
 * "Deng" "Ding"; longer runs of syllables, such as "Kazemi", are rarely a Chinese name) or holds a digit. Arabic has
 * three vowels, which lists write a, e or i, and o or u by turns, long ones doubled or not ("Tarek", "Tariq"; "Omar",
 * "Umar"; "Majeed", "Majid"; "Mahmoud", "Mahmud"; "Hussein", "Husayn"); an e stands for a as often as for i
 * ("Ahmed", "Ahmad"; "Mohammed", "Muhammad"; "Mehdi", "Mahdi"), and in French spellings for u ("Youssef", "Yusuf";
 * "Abdel", "Abdul"), so a word with one has a key for each reading. q and
 * gh stand for one letter ("Ghorbani", "Qorbani"), dh for Persian's z ("Kadhimi", "Kazemi"), and French spellings' ch for
 * English ones' sh ("Darwich", "Darwish"; "Rachid", "Rashid"). Two words sharing a
 * key compare as two romanisations of one name; their spelling keys stay apart, so a slip in a word is measured as before.
 */
export function vowelKeys(token: string): readonly string[] {
  let keys = VOWEL_KEYS.get(token);
  if (keys === undefined) {
    keys = /\d/.test(token) || token.length < 3 || (pinyinSyllables(token)?.length ?? 3) <= 2 ? NO_KEYS : computeVowelKeys(token);
    remember(VOWEL_KEYS, token, keys);
  }
  return keys;
}

const NO_KEYS: readonly string[] = [];

function computeVowelKeys(token: string): readonly string[] {
  // The long vowels and consonants before the Cyrillic rules, which would read the j of "Majeed" as German.
  const letters = token.replace(/ee/g, 'i').replace(/oo|ou/g, 'u').replace(/gh|q/g, 'k').replace(/dh/g, 'z');
  // French spellings write ش as ch where English ones write sh ("Darwich", "Darwish"; "Hicham", "Hisham"; "Achraf",
  // "Ashraf"): after the Cyrillic rules, which turn tch and tsch into ch.
  const spelled = cyrillicSpellings(letters).replace(/ch/g, 'sh').replace(/o/g, 'u');
  const finish = (key: string) => key.replace(/a[iy](?![aeiou])/g, 'i').replace(/(?<=[aeiou])y(?![aeiou])/g, 'i').replace(/(.)\1+/g, '$1');
  const asI = finish(spelled.replace(/e/g, 'i'));
  const asA = finish(spelled.replace(/e/g, 'a'));
  const asU = finish(spelled.replace(/e/g, 'u'));
  return [...new Set([asI, asA, asU])];
}

/** Words repeat across names and queries: their keys and syllables are worked out once (bounded caches). */
const SPELLING_KEYS = new Map<string, string>();
const VOWEL_KEYS = new Map<string, readonly string[]>();
const SYLLABLES = new Map<string, string[] | undefined>();
const CACHE_LIMIT = 200_000;
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function syllablesOf(token: string): string[] | undefined {
  if (SYLLABLES.has(token)) return SYLLABLES.get(token);
  const out = pinyinSyllables(token);
  remember(SYLLABLES, token, out);
  return out;
}

/**
 * Reduces a company or person name for matching: Unicode compatibility forms, case, punctuation,
 * Chinese characters to toneless pinyin (pinyin-pro), other scripts to Latin (@sindresorhus/transliterate),
 * and legal-form words in many languages (Co., Ltd., GmbH, S.A., ООО, 有限公司 …) dropped.
 */
export function normalizeName(name: string): NormalizedName {
  // Plain ASCII (most names on most lists) needs no Unicode forms, scripts or transliteration.
  const plain = PRINTABLE_ASCII.test(name);
  const scripts = plain ? [] : SCRIPTS.filter(([re]) => re.test(name)).map(([, label]) => label);
  let text = plain ? name : name.normalize('NFKC');
  const han = !plain && HAN.test(text);
  const numbers = numbersOf(text, han);
  if (han) text = romaniseHan(text);
  text = (plain || PRINTABLE_ASCII.test(text) ? text : transliterate(text)).toLowerCase();
  // "S.A.", "S.p.A." and "Co." lose their dots without splitting; other punctuation separates words.
  const ascii = plain || PRINTABLE_ASCII.test(text);
  text = ascii
    ? text.replace(/(?<=\b[a-z])\.(?=[a-z]\b)/g, '').replace(/['`]/g, '').replace(/,/g, ' , ').replace(/[^a-z0-9,]+/g, ' ')
    : text.replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '').replace(/['’`]/g, '').replace(/,/g, ' , ').replace(/[^\p{L}\p{N},]+/gu, ' ');
  const comma = text.indexOf(',');
  const tokens: string[] = [];
  const dropped: string[] = [];
  const words: string[] = [];
  let beforeComma = -1;
  let beforeLegalForm = -1;
  for (const raw of text.split(' ')) {
    // An ordinal is its number: "14th Research Institute" and "Research Institute 14" name one institute.
    const token = ABBREVIATIONS.get(raw) ?? raw.replace(ORDINAL, '$1');
    if (token === ',') {
      if (beforeComma < 0) beforeComma = tokens.length;
      continue;
    }
    if (!token) continue;
    if (LEGAL_FORM_WORDS.has(token)) {
      if (beforeLegalForm < 0) beforeLegalForm = tokens.length;
      dropped.push(token);
      continue;
    }
    words.push(token);
    if (FILLER_WORDS.has(token)) dropped.push(token);
    else tokens.push(token);
  }
  // A name made only of legal-form words ("Limited Co") keeps them, or it would match nothing and everything.
  if (tokens.length === 0) tokens.push(...dropped.splice(0));
  // "SURNAME, Given Middle": one comma after one or two words, with words after it, and nothing of a company (a legal
  // form, an organisation's word) in the name.
  const person = comma >= 0 && beforeComma >= 1 && beforeComma <= 2 && beforeComma < tokens.length && text.indexOf(',', comma + 1) < 0
    && beforeLegalForm < 0 && !tokens.some((t) => ORGANISATION_WORDS.has(t));
  const personOrder = person ? [...tokens.slice(beforeComma), ...tokens.slice(0, beforeComma)] : tokens;
  const givenNames = person ? tokens.length - beforeComma : tokens.length - 1;
  const syllables = (tokens.length < words.length ? words : tokens).flatMap((t) => syllablesOf(t) ?? [t]);
  const syllabic = han || syllables.length !== tokens.length || syllables.some((s, i) => s !== tokens[i]);
  return { tokens, keys: tokens.map(spellingKey), vowelKeys: tokens.map(vowelKeys), compact: tokens.join(''), syllables, syllabic, han, personOrder, givenNames, person, dropped, beforeLegalForm, scripts, numbers };
}
