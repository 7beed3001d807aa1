import { distance } from 'fastest-levenshtein';
import { isChinesePlaceWord, isDescriptiveWord, type NormalizedName } from './names.js';

/** How a listed name compares with a query. */
export interface NameScore {
  /** 0–1; 1 is the same words once case, punctuation, script and legal forms are set aside. */
  score: number;
  /**
   * `exact`: same words; `contains`: the listed name lies whole inside the query; `similar`: close spelling or most words
   * shared; `own-name`: a Chinese firm's own name without the place or industry words the listed name adds ({@link TRADE_NAME_GIVEN}).
   */
  method: 'exact' | 'contains' | 'similar' | 'own-name';
  /** Why, in words a reviewer can check. */
  notes: string[];
}

/** Score of two tokens with the same spelling key but different letters ("Sergey" and "Sergei"). */
export const SAME_KEY = 0.95;
/**
 * Score of a person named with other middle names than the listed name gives, times how well the words both give agree:
 * the query leaves out middle names, a patronymic or a middle initial the listing has, or gives a middle initial the
 * listing lacks. Strong, but short of the same name: at the default threshold (0.85) it still allows one slip in a word
 * of seven letters or more ("Mehdi Husseini" for "HOSSEINI, Mehdi Mahmoud"), not a slip in a shorter word or two slips.
 */
export const MIDDLE_NAME_OMITTED = 0.92;
/** The endings of East Slavic and Turkic patronymics, on spelling keys. */
const PATRONYMIC = /(ovich|evich|ich|ovna|evna|ichna|inichna|ogli|oglu|kizi|qizi)$/;

/**
 * Similarity of two tokens given their spelling keys (and their Arabic romanisation keys, `vowelKeys`): 1 when equal,
 * {@link SAME_KEY} when only the romanisation differs, and for words of five letters or more that differ by one slip (a letter changed,
 * added or dropped, two neighbouring letters swapped, or from eight letters one letter moved further) one minus
 * the edits' share of the length, a swap of neighbours counting as one edit. Numbers and short words must agree exactly: "54th" is not "55th".
 */
export function tokenSimilarity(a: string, ka: string, b: string, kb: string, va: readonly string[] = NO_KEYS, vb: readonly string[] = NO_KEYS): number {
  if (a === b) return 1;
  if (ka === kb || shareKey(va, vb)) return SAME_KEY;
  const edits = spellingEdits(ka, kb);
  return edits > 0 ? 1 - edits / Math.max(ka.length, kb.length) : 0;
}

const NO_KEYS: readonly string[] = [];
/** No word's romanisation keys: for syllable alignment, which compares exactly. */
const NO_VOWELS: readonly (readonly string[])[] = [];

/** True when two words have an Arabic romanisation key (`vowelKeys`) in common. */
function shareKey(va: readonly string[], vb: readonly string[]): boolean {
  for (let i = 0; i < va.length; i++) if (vb.includes(va[i]!)) return true;
  return false;
}

/**
 * True when key `b` is key `a` with one letter dropped from between two like letters: a slip in the word ("Everreen" for
 * "Evergreen") brings them together, and the spelling key makes a doubled letter single ("evergren" → "everen"), so
 * the keys differ by two letters where the words differ by one.
 */
function droppedBetweenLikeLetters(a: string, b: string): boolean {
  for (let i = 1; i < a.length - 1; i++) if (a[i - 1] === a[i + 1] && a.startsWith(b.slice(0, i)) && a.slice(i + 2) === b.slice(i)) return true;
  return false;
}

/** Edits a token of this length may differ by and still count as the same word. */
export function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * The edits (Levenshtein, but a swap of two neighbouring letters counts one) between two different long keys when they are one slip apart (each, with at most one
 * letter left out, equals the other with at most one left out) and within {@link maxEdits}; 0 otherwise. This is
 * exactly what the index's one-letter-deletion neighbourhoods find, so that pruning never loses a match.
 */
export function spellingEdits(a: string, b: string): number {
  if (a.length < b.length) return spellingEdits(b, a);
  if (b.length < 5 || /\d/.test(a) || /\d/.test(b)) return 0;
  if (a.length - b.length === 2) return droppedBetweenLikeLetters(a, b) ? 1 : 0;
  if (a.length - b.length > 1) return 0;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length !== b.length) return a.slice(i + 1) === b.slice(i) ? 1 : 0;
  let j = a.length - 1;
  while (j > i && a[j] === b[j]) j--;
  if (i === j) return 1;
  // Two neighbouring letters swapped ("Hauwei" for "Huawei") is one slip, as a letter changed is, though Levenshtein
  // counts two: the commonest typing slip, and one that keeps every letter of the word.
  if (j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 1;
  // One letter moved within a[i..j]: a without a[i] equals b without b[j], or a without a[j] equals b without b[i].
  const moved = a.slice(i + 1, j + 1) === b.slice(i, j) || a.slice(i, j) === b.slice(i + 1, j + 1);
  if (!moved) return 0;
  const edits = distance(a, b);
  return edits <= maxEdits(a.length) ? edits : 0;
}

interface Alignment {
  /** Sum of the matched pairs' similarities. */
  total: number;
  exactHits: number;
  /** Listed tokens matched, by position. */
  used: boolean[];
  /** Query tokens that matched no listed one. */
  unmatched: readonly string[];
  fuzzy: string[];
  variants: string[];
}

const NONE: readonly string[] = [];

/** Greedy best match of each query token to an unused listed token. */
function align(qTokens: readonly string[], qKeys: readonly string[], nTokens: readonly string[], nKeys: readonly string[], exactOnly = false, qVowels: readonly (readonly string[])[] = NO_VOWELS, nVowels: readonly (readonly string[])[] = NO_VOWELS): Alignment {
  const used = new Array<boolean>(nTokens.length).fill(false);
  let unmatched: string[] | undefined;
  let total = 0;
  let exactHits = 0;
  const fuzzy: string[] = [];
  const variants: string[] = [];
  for (let qi = 0; qi < qTokens.length; qi++) {
    let best = 0;
    let at = -1;
    for (let i = 0; i < nTokens.length; i++) {
      if (used[i]) continue;
      const s = exactOnly ? (qTokens[qi] === nTokens[i] ? 1 : 0) : tokenSimilarity(qTokens[qi]!, qKeys[qi]!, nTokens[i]!, nKeys[i]!, qVowels[qi], nVowels[i]);
      if (s > best) {
        best = s;
        at = i;
        if (s === 1) break;
      }
    }
    if (at < 0) {
      (unmatched ??= []).push(qTokens[qi]!);
      continue;
    }
    used[at] = true;
    total += best;
    if (best === 1) exactHits++;
    else if (best === SAME_KEY) variants.push(`${qTokens[qi]} ~ ${nTokens[at]}`);
    else fuzzy.push(`${qTokens[qi]} ≈ ${nTokens[at]}`);
  }
  return { total, exactHits, used, unmatched: unmatched ?? NONE, fuzzy, variants };
}

function describe(a: Alignment, listedWords: number, unit: string): string[] {
  const notes = [`${a.exactHits + a.fuzzy.length + a.variants.length} of ${listedWords} listed ${unit} found`];
  if (a.variants.length) notes.push(`romanised differently: ${a.variants.join(', ')}`);
  if (a.fuzzy.length) notes.push(`spelling differs: ${a.fuzzy.join(', ')}`);
  return notes;
}

/** A name's middle initials: one-letter words between its first and last in given-name-first order ("Sarah A. Weber"). */
export function middleInitials(name: NormalizedName): string[] {
  const order = name.personOrder;
  return order.filter((t, i) => i > 0 && i < order.length - 1 && t.length === 1 && /\p{L}/u.test(t));
}

/**
 * The middle names only one side gives, when nothing else tells the names apart: a person is named with or without
 * middle names, a patronymic or a middle initial ("Sarah Weber", "Sarah A. Weber" for "WEBER, Sarah Anne"). Each
 * listed word the query lacks is a listed person's middle name (a given name after the first) or a patronymic, so the
 * first given name and the surname were both found; each query word the listing lacks is a middle initial, which
 * must abbreviate one of the listed middle names left out if there are any ("Sarah B. Weber" is not Sarah Anne).
 * A company's middle word is not a middle name.
 */
function middleNamesLeftOut(q: NormalizedName, n: NormalizedName, a: Alignment): { missing: string[]; extra: readonly string[] } | undefined {
  const extra = a.unmatched;
  const missing: string[] = [];
  if (q.tokens.length - extra.length < 2 || extra.some((t) => t.length !== 1)) return undefined;
  for (let i = 0; i < n.tokens.length; i++) {
    if (a.used[i]) continue;
    if (!omissible(n, i)) return undefined;
    missing.push(n.tokens[i]!);
  }
  if (!missing.length && !extra.length) return undefined;
  const initials = extra.length ? middleInitials(q) : [];
  for (const t of extra) {
    const at = initials.indexOf(t);
    if (at < 0 || (missing.length && !missing.some((m) => m[0] === t))) return undefined;
    initials.splice(at, 1);
  }
  return { missing, extra };
}

/**
 * True when a query may leave out word `i` of a listed name: a person's middle name (a given name after the first), a
 * patronymic, or a lone letter between two words of a name in Latin letters, which is a person's middle initial even
 * where the list does not say the name is a person's ("Sergey V. Coyne").
 */
export function omissible(n: NormalizedName, i: number): boolean {
  const token = n.tokens[i]!;
  if (n.person) {
    const at = n.personOrder.indexOf(token);
    if (at > 0 && at < n.givenNames) return true;
  }
  if (token.length === 1) return !n.han && i > 0 && i < n.tokens.length - 1 && /\p{L}/u.test(token);
  return PATRONYMIC.test(n.keys[i]!);
}

/**
 * True when the listed tokens occupy consecutive places in the query: in their own order inside a company's name (a
 * query with legal-form words), where "Sun Wei Technology Co." does not hold the person "WEI SUN"; in any order otherwise.
 */
function liesTogether(query: readonly string[], listed: readonly string[], inOrder: boolean): boolean {
  const key = (tokens: readonly string[]) => (inOrder ? tokens : [...tokens].sort()).join('\u0000');
  const want = key(listed);
  for (let i = 0; i + listed.length <= query.length; i++) if (key(query.slice(i, i + listed.length)) === want) return true;
  return false;
}

/**
 * Score of a firm's own name given without words the listed name adds around it: its place ("Shenzhen", "SZ") or its
 * industry ("Innovation Technology"), as in "DJI Technology" for "SZ DJI Technology Co., Ltd.". Just above the default
 * threshold (0.85): a reviewer should see it, below a name given whole; a slip in a word takes it under.
 */
export const TRADE_NAME_GIVEN = 0.86;

/**
 * The listed words a query left out when it gives a firm's own name without the place or industry words around it
 * ({@link TRADE_NAME_GIVEN}), as a Chinese firm's registered name reads: place, own name, industry, legal form.
 * Undefined unless the name is a Chinese firm's (it holds a Chinese place, or its list locates the party in China:
 * "Yangtze Memory" for "Yangtze Memory Technologies Co., Ltd."), every query word is found, the query has two words
 * or more (a word given alone is a brand, which only the lists' brand bindings match), it holds an own word of the firm's
 * (three letters or more, neither place nor industry: "Technology Group" alone names no one), and every listed word
 * left out is a Chinese place before the own words or a place or industry word after them: "Atlas Metals" does not
 * give "Shenzhen Atlas Northstar Metals". Persons and names in Chinese characters are not read this way.
 */
function tradeNameLeftOut(q: NormalizedName, n: NormalizedName, a: Alignment, inChina: boolean): string[] | undefined {
  if (q.person || n.person || q.han || n.han || a.unmatched.length || q.tokens.length < 2 || q.tokens.length >= n.tokens.length) return undefined;
  // Only a Chinese firm's name, which PRC rules on company names shape this way: "General Dynamics" is the parent of
  // the listed "General Dynamics Information Technology" (a US firm), not that firm.
  if (!(inChina || n.tokens.some(isChinesePlaceWord)) || (n.beforeLegalForm < 0 && !n.tokens.some(isDescriptiveWord))) return undefined;
  let firstOwn = -1;
  let lastOwn = -1;
  for (let i = 0; i < n.tokens.length; i++) {
    const token = n.tokens[i]!;
    if (a.used[i] && token.length >= 3 && !isChinesePlaceWord(token) && !isDescriptiveWord(token)) {
      if (firstOwn < 0) firstOwn = i;
      lastOwn = i;
    }
  }
  if (firstOwn < 0) return undefined;
  const leftOut: string[] = [];
  for (let i = 0; i < n.tokens.length; i++) {
    if (a.used[i]) continue;
    const token = n.tokens[i]!;
    const allowed = i < firstOwn ? isChinesePlaceWord(token) : i > lastOwn && (isChinesePlaceWord(token) || isDescriptiveWord(token));
    if (!allowed) return undefined;
    leftOut.push(token);
  }
  return leftOut.length ? leftOut : undefined;
}

/**
 * True when a listed name is the query's own words with a Chinese place added ("Semiconductor Manufacturing International
 * (Beijing) Corporation" for "Semiconductor Manufacturing International Corporation"): a firm of the same name in that
 * place, which a query giving another listed name whole does not name.
 */
export function addsOnlyAPlace(q: NormalizedName, n: NormalizedName): boolean {
  if (n.tokens.length <= q.tokens.length) return false;
  const own = (tokens: readonly string[]) => tokens.filter((t) => !isChinesePlaceWord(t)).sort().join(' ');
  return own(n.tokens) === own(q.tokens) && n.tokens.some((t) => isChinesePlaceWord(t) && !q.tokens.includes(t));
}

/** Word by word: order-free fuzzy token overlap (Dice), containment, and a middle name left out. */
function scoreWords(q: NormalizedName, n: NormalizedName, inChina: boolean): NameScore {
  if (q.compact === n.compact) {
    const same = q.tokens.length === n.tokens.length && q.tokens.every((t, i) => t === n.tokens[i]);
    return same ? { score: 1, method: 'exact', notes: ['same words'] } : { score: 0.97, method: 'exact', notes: ['same letters, split into words differently'] };
  }
  const a = align(q.tokens, q.keys, n.tokens, n.keys, false, q.vowelKeys, n.vowelKeys);
  const dice = (2 * a.total) / (q.tokens.length + n.tokens.length);
  const notes = describe(a, n.tokens.length, 'words');
  const allListed = a.exactHits + a.fuzzy.length + a.variants.length === n.tokens.length;
  const inOrder = q.tokens.length === n.tokens.length && q.tokens.every((t, i) => tokenSimilarity(t, q.keys[i]!, n.tokens[i]!, n.keys[i]!, q.vowelKeys[i], n.vowelKeys[i]) > 0);
  if (dice > 0 && q.tokens.length === n.tokens.length && !inOrder && allListed) notes.push('words in another order');
  // A listed name found whole inside a longer one: a branch, division or address tail ("… Co., Ltd. Shenzhen Branch").
  // Its words must sit together in the query (in any order): words scattered across a longer name are another name
  // ("国防大学" is not inside "国防科技大学"), and a person's name is not inside a company's ("Sun Wei Technology Co.").
  if (a.exactHits === n.tokens.length && q.tokens.length > n.tokens.length && (n.tokens.length >= 2 || n.compact.length >= 6)
    && liesTogether(q.tokens, n.tokens, q.dropped.length > 0 || q.han) && !(n.person && q.dropped.length > 0)
    // In a name written in Chinese characters every character is a syllable: two adjacent ones ("与防" in a company's
    // name) are no evidence of a two-syllable listed name ("Fang Yu").
    && !(q.han && n.tokens.length < 3)) {
    return { score: Math.max(dice, n.tokens.length >= 2 ? 0.9 : 0.86), method: 'contains', notes: [...notes, 'the listed name lies whole inside the query'] };
  }
  const leftOut = middleNamesLeftOut(q, n, a);
  if (leftOut) {
    // As strong as the words both give agree, short of the same name.
    const score = Math.max(dice, MIDDLE_NAME_OMITTED * (a.total / (q.tokens.length - leftOut.extra.length)));
    const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');
    if (leftOut.missing.length) notes.push(`middle name or patronymic ${quoted(leftOut.missing)} not given in the query`);
    if (leftOut.extra.length) notes.push(`middle initial ${quoted(leftOut.extra)} given in the query only`);
    return { score, method: 'similar', notes };
  }
  const initials = givenNamesAsInitials(q, n, a);
  if (initials) {
    notes.push(`given names as initials: ${initials.join(', ')}`);
    return { score: Math.max(dice, INITIALS_GIVEN), method: 'similar', notes };
  }
  const tradeName = tradeNameLeftOut(q, n, a, inChina);
  if (tradeName) {
    const score = Math.max(dice, TRADE_NAME_GIVEN * (a.total / q.tokens.length));
    notes.push(`the query gives the firm's own name without the listed ${tradeName.map((w) => `"${w}"`).join(', ')}: it may be this party; screen the full legal name`);
    return { score, method: 'own-name', notes };
  }
  const exact = allListed && q.tokens.length === n.tokens.length && !a.fuzzy.length && !a.variants.length;
  const ownLeftOut = genericOnly(q, n, a);
  if (ownLeftOut && dice > GENERIC_ONLY) {
    notes.push(`only place and industry words agree; the listed name's own ${ownLeftOut.map((w) => `"${w}"`).join(', ')} is not in the query`);
    return { score: GENERIC_ONLY, method: 'similar', notes };
  }
  return { score: dice, method: exact ? 'exact' : 'similar', notes };
}

/**
 * Score of a person named by initials for two given names or more and the rest of the listed name word for word ("A. Q.
 * Khan" for "KHAN, Abdul Qadeer"; "J. M. Smith" for "SMITH, John Michael"): just above the default threshold, a
 * reviewer should see it. A single initial ("J. Smith") is not read this way: it fits too many people.
 */
export const INITIALS_GIVEN = 0.86;

/** True for one letter of the Latin alphabet (after normalisation), as an initial is. */
export const isInitial = (token: string): boolean => token.length === 1 && token >= 'a' && token <= 'z';

/**
 * The initials of a query that stand for a listed person's given names, as "initial = name" pairs; undefined unless the
 * listed name is a person's, the query gives two initials or more and at least one whole word, every whole word matches
 * a listed word exactly (or as another romanisation), and each initial, in order, is the first letter of the next listed
 * given name the query's words leave out. Listed given names no initial stands for must be ones a name may leave out
 * (middle names, patronymics, {@link omissible}); the first given name must be given, whole or as its initial.
 */
function givenNamesAsInitials(q: NormalizedName, n: NormalizedName, a: Alignment): string[] | undefined {
  if (!n.person || q.han || n.han || a.fuzzy.length) return undefined;
  const initials = q.personOrder.filter(isInitial);
  if (initials.length < 2 || initials.length === q.tokens.length || a.unmatched.some((t) => !isInitial(t))) return undefined;
  // Listed given names the words leave out, in the order the name gives them.
  const open = n.personOrder.slice(0, n.givenNames).filter((t) => !a.used[n.tokens.indexOf(t)]);
  if (n.tokens.some((t, i) => !a.used[i] && !open.includes(t))) return undefined;
  const pairs: string[] = [];
  let at = 0;
  for (const initial of a.unmatched) {
    while (at < open.length && open[at]![0] !== initial) {
      if (!omissible(n, n.tokens.indexOf(open[at]!))) return undefined;
      at++;
    }
    if (at === open.length) return undefined;
    pairs.push(`${initial} = ${open[at]}`);
    at++;
  }
  for (; at < open.length; at++) if (!omissible(n, n.tokens.indexOf(open[at]!))) return undefined;
  return pairs.length >= 2 ? pairs : undefined;
}

/**
 * Score at most of a firm's name that agrees with a listed one only in place and industry words, the listed name's own
 * words left out ("Hangzhou Digital Technology" against "Hangzhou Huawei Digital Technology"): below the default
 * threshold, a near match for review, since those words name no one (screening review Q89).
 */
export const GENERIC_ONLY = 0.8;

/**
 * The listed name's own words (three letters or more, neither place nor industry word) when the query gives none of
 * them and none of its own, and only place and industry words agree; undefined otherwise, and for persons and names
 * in Chinese characters (read syllable by syllable).
 */
function genericOnly(q: NormalizedName, n: NormalizedName, a: Alignment): string[] | undefined {
  if (q.person || n.person || q.han || n.han) return undefined;
  const own = (t: string) => t.length >= 3 && !isChinesePlaceWord(t) && !isDescriptiveWord(t) && !/\d/.test(t);
  const listedOwn = n.tokens.filter(own);
  if (!listedOwn.length || n.tokens.some((t, i) => a.used[i] && own(t)) || q.tokens.some(own)) return undefined;
  return listedOwn;
}

/**
 * Syllable by syllable, exactly: a name in Chinese characters against its pinyin. Two names in Latin letters
 * are compared this way only for the same syllables spaced differently ("Jing De", "Jingde"): counting shared
 * syllables between two romanised names would let "Xintai" pass for "Xinkai".
 */
function scoreSyllables(q: NormalizedName, n: NormalizedName): NameScore {
  const qk = q.syllables;
  const nk = n.syllables;
  if (qk.join('') === nk.join('')) return { score: 0.97, method: 'exact', notes: ['same pinyin syllables, spaced differently'] };
  if (!(q.han || n.han)) return { score: 0, method: 'similar', notes: [] };
  const a = align(qk, qk, nk, nk, true);
  const dice = (2 * a.total) / (qk.length + nk.length);
  const exact = a.exactHits === nk.length && qk.length === nk.length;
  return { score: exact ? 0.97 : dice, method: exact ? 'exact' : 'similar', notes: [...describe(a, nk.length, 'pinyin syllables'), 'compared syllable by syllable'] };
}

/**
 * Scores a listed name against the query; names in Chinese characters or pinyin are also compared by syllable. `inChina`:
 * the list locates the party in mainland China, so its name is read as a Chinese firm's ({@link TRADE_NAME_GIVEN}).
 */
export function scoreNames(q: NormalizedName, n: NormalizedName, inChina = false): NameScore {
  const words = scoreWords(q, n, inChina);
  const best = !(q.syllabic || n.syllabic) || words.score === 1 ? words : betterOf(words, scoreSyllables(q, n));
  if (numbersDiffer(q, n)) return { score: best.score * NUMBERS_DIFFER, method: 'similar', notes: [...best.notes, `the numbers differ (${q.numbers.join(', ')} against ${n.numbers.join(', ')})`] };
  const places = (q.han || n.han) && best.score < 0.97 ? placesDiffer(q, n) : undefined;
  return places ? { score: best.score * PLACES_DIFFER, method: 'similar', notes: [...best.notes, `the places differ (${places[0]} against ${places[1]})`] } : best;
}

/**
 * Cut applied to a name in Chinese characters, or compared with one, that begins with another Chinese place than the
 * name it is compared with: 北京航空航天大学 and 南京航空航天大学 are bodies of two cities one syllable apart (screening review
 * Q43). Below the threshold, as for numbers that differ.
 */
export const PLACES_DIFFER = 0.7;

/** The two places, when both names begin with a Chinese province, region or city and the places differ. */
function placesDiffer(q: NormalizedName, n: NormalizedName): [string, string] | undefined {
  const a = leadingPlace(q.syllables);
  const b = leadingPlace(n.syllables);
  return a && b && a !== b ? [a, b] : undefined;
}

/**
 * The Chinese province, region or city a name's syllables begin with ("bei jing …" → "beijing"), after a leading
 * "zhong guo" (China); undefined when it begins with none.
 */
function leadingPlace(syllables: readonly string[]): string | undefined {
  const start = syllables[0] === 'zhong' && syllables[1] === 'guo' ? 2 : 0;
  for (let length = 4; length >= 2; length--) {
    if (start + length > syllables.length) continue;
    const joined = syllables.slice(start, start + length).join('');
    if (isChinesePlaceWord(joined)) return joined;
  }
  return undefined;
}

const betterOf = (a: NameScore, b: NameScore): NameScore => (b.score > a.score ? b : a);

/**
 * Two names that both hold numbers and share none name different things: the 14th and the 54th research institute
 * of one group, Plant No. 1 and No. 2. Their scores are cut below the match threshold (a near match at most).
 */
const NUMBERS_DIFFER = 0.7;
function numbersDiffer(q: NormalizedName, n: NormalizedName): boolean {
  return q.numbers.length > 0 && n.numbers.length > 0 && !q.numbers.some((x) => n.numbers.includes(x));
}
