import { addsOnlyAPlace, INITIALS_GIVEN, isInitial, MIDDLE_NAME_OMITTED, middleInitials, omissible, SAME_KEY, scoreNames, spellingEdits, TRADE_NAME_GIVEN, type NameScore } from './name-score.js';
import { isChinesePlaceWord, isDescriptiveWord, normalizeName, type NormalizedName } from './names.js';

/** How a query matched one name of an indexed value. */
export interface NameMatch<T> {
  value: T;
  /** The listed name or alias that matched best. */
  matchedName: string;
  /** True when `matchedName` is an alias rather than the primary name. */
  alias: boolean;
  /** 0–1; 1 is the same name once case, punctuation, script and legal forms are set aside. */
  score: number;
  /**
   * `exact`: same words; `contains`: the listed name lies whole inside the query; `similar`: close spelling or most words
   * shared; `own-name`: a Chinese firm's own name given without the place or industry words of the listed name; `brand`:
   * the query carries a brand its list binds to the value (`ListBinding.brands`; screening only).
   */
  method: NameScore['method'] | 'brand';
  /** Why it matched, in words a reviewer can check. */
  explanation: string;
}

/** Something to index: a value, its names, and where it is. */
export interface IndexedValue<T> {
  value: T;
  name: string;
  aliases?: readonly string[];
  /** ISO alpha-2; a country filter skips values located elsewhere (values without one always pass). */
  country?: string;
  /** The value is a person (a list's "Individual"): a middle name left out of a query still matches. */
  person?: boolean;
  /**
   * The list the value is on, when the index holds several: two names of one list are two parties its maintainer
   * listed apart, which names of two lists need not be (see {@link NameIndex.search}).
   */
  list?: string;
}

/** Options for {@link NameIndex.search}. */
export interface NameSearchOptions<T> {
  /** Lowest score returned; default {@link DEFAULT_MIN_SCORE}. */
  minScore?: number;
  /** Only values in this country (or without one). */
  country?: string;
  /** Further filter, e.g. listing dates or list IDs. */
  accept?: (value: T) => boolean;
}

/** The threshold the evaluation set in bench/screening.mjs was measured at. */
export const DEFAULT_MIN_SCORE = 0.85;

/** At most this many values may have names that begin with a query's words for {@link NameIndex.beginningWith} to name them. */
export const BEGINNING_VALUES = 20;

interface IndexedName<T> {
  entry: IndexedValue<T>;
  name: string;
  alias: boolean;
  norm: NormalizedName;
}

/**
 * Terms (spelling keys or syllables) to the names that hold them, and each name's own terms (in one
 * contiguous array, so that checking a candidate does not chase objects).
 */
class Postings {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /**
   * The names that hold each term, in increasing order. Plain arrays, kept as built: copying each into a typed
   * array of its own cost a sixth of building an index (one buffer per term) and searches walk both as fast.
   */
  readonly lists: number[][] = [];
  /** Terms of name i: `nameTerms[nameStart[i] .. nameStart[i + 1])`, with repeats. */
  nameTerms = new Int32Array(0);
  nameStart = new Int32Array(1);
  /** While building: the same two, growing (one array for all names rather than one per name). */
  private starts: number[] = [0];
  private flat: number[] = [];

  /** Records the terms of name `name` (names are added in increasing order, each once). */
  add(name: number, terms: readonly string[]): void {
    // The names before it that were not added hold no term here.
    while (this.starts.length <= name) this.starts.push(this.flat.length);
    for (const term of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.push(term) - 1;
        this.ids.set(term, id);
        this.lists.push([]);
      }
      const list = this.lists[id]!;
      if (list[list.length - 1] !== name) list.push(name);
      this.flat.push(id);
    }
    this.starts.push(this.flat.length);
  }

  freeze(names: number): void {
    while (this.starts.length <= names) this.starts.push(this.flat.length);
    this.nameStart = Int32Array.from(this.starts);
    this.nameTerms = Int32Array.from(this.flat);
    this.starts = [];
    this.flat = [];
  }
}

/** A query term and the indexed terms close enough to count, with the best similarity each could score. */
interface Expansion {
  term: number;
  similarity: number;
}

/** The key with one letter left out, at each position (and, where that doubles a letter, the key a word with that slip has). */
function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    out.push(key.slice(0, i) + key.slice(i + 1));
    // Dropping a letter from between two like letters doubles them, and a spelling key holds no doubled letter.
    if (i > 0 && key[i - 1] === key[i + 1]) out.push(key.slice(0, i) + key.slice(i + 2));
  }
  return out;
}

const fuzzyKey = (key: string) => key.length >= 5 && !/\d/.test(key);

/**
 * The short forms a listed name gives in brackets, as names of their own. At its end the acronym names the party:
 * "… 14th Research Institute (CETC 14)" is also "CETC 14", "… Construction Company (EBCC)" also "EBCC". Inside it, the
 * acronym stands for the words before it, so the name is also the acronym with the words after it: "China Electronics
 * Technology Group Corporation (CETC) 54th Research Institute" is also "CETC 54th Research Institute". Only an acronym
 * counts (three or more capitals, digits allowed): "(Shenzhen)" or "(Group)" name no party by themselves.
 */
function shortForms(name: string): string[] {
  const acronym = (text: string | undefined) => text !== undefined && /^[A-Z][A-Z0-9&.\- ]{1,15}$/.test(text) && (text.match(/[A-Z]/g) ?? []).length >= 3;
  const atEnd = /\(([^()]+)\)\s*$/.exec(name)?.[1]?.trim();
  if (acronym(atEnd)) return [atEnd!];
  const inside = /\S\s*\(([^()]+)\)\s+([^()]*\S)\s*$/.exec(name);
  return inside && acronym(inside[1]!.trim()) ? [`${inside[1]!.trim()} ${inside[2]}`] : [];
}

/**
 * True when a name listed beside one a query gives whole is only another firm of the same own name: one the query
 * names without its place or industry words (`own-name`), the query's name with a place added, or the query's name
 * without its place (found inside it, `contains`). Applied to names of the list that holds the name given whole: a
 * list that holds both lists two firms, where two lists may write one firm with and without its place.
 */
export function namesAnotherOfTheName(q: NormalizedName, n: NormalizedName, method: NameScore['method']): boolean {
  return method === 'own-name' || addsOnlyAPlace(q, n) || (method === 'contains' && addsOnlyAPlace(n, q));
}

/**
 * An index of names for screening. At build, every name and alias is normalised once (script, legal forms,
 * spelling keys, pinyin syllables) and put in inverted indexes (spelling key → names, pinyin syllable →
 * names, whole name without spaces → names), each indexed word with its neighbours a letter or two away.
 *
 * A search looks up its own few terms and never walks every name. A name can only reach the threshold
 * (a Dice overlap of `minScore`) if it shares at least a known number of the query's terms, so it must
 * share one of the rarest few of them: only those terms' postings are walked (prefix filtering). Each
 * name found is bounded from its own term list, and only names whose bound reaches the threshold are
 * scored in full. Listed names that may lie whole inside the query come from an index of each name's
 * rarest word. Searches give the same answer whenever asked: the index is built once, and an indexed word's
 * neighbours the first time a query holds it.
 */
export class NameIndex<T> {
  private readonly names: IndexedName<T>[] = [];
  private readonly words = new Postings();
  /** Every name's pinyin syllables (other words whole): a query in Chinese characters looks here. */
  private readonly syllables = new Postings();
  /** The syllables of names written in Chinese characters: a query in Latin letters looks here. */
  private readonly hanSyllables = new Postings();
  /** All syllables joined → names ("Jing De" and "Jingde" agree here). */
  private readonly syllableCompact = new Map<string, number[]>();
  private readonly compact = new Map<string, number[]>();
  /** Word term → the names whose rarest word it is. */
  private readonly anchors: number[][];
  /** One-letter deletions of long word keys (and the keys themselves) → word term ids. */
  private readonly nearby = new Map<string, number[]>();
  /** For each Arabic romanisation key (`vowelKeys`) of an indexed word: the word keys it stands for. */
  private readonly vowelTerms = new Map<string, number[]>();
  /** {@link queryExpansions} worked out for indexed words, by word key and romanisation keys. */
  private readonly vowelExpansions = new Map<string, Expansion[]>();
  /**
   * For each word term id: itself and the indexed keys close to it, best first; worked out the first time a query
   * holds the term and kept (bounded by the index's own terms). Working them out for every term at build cost about
   * an eighth of building the index, for terms most hosts never query.
   */
  private readonly neighbours: (Expansion[] | undefined)[];
  /** For each name: how many of its words a query may leave out (middle names and initials, patronymics; `omissible`). */
  private readonly omissibleWords: Uint8Array;
  // Scratch space for one search at a time (a search never yields).
  private readonly nameStamp: Int32Array;
  private readonly termStamp: Int32Array;
  private readonly termSimilarity: Float64Array;
  private generation = 0;

  constructor(values: Iterable<IndexedValue<T>>) {
    for (const entry of values) {
      const given = [{ name: entry.name, alias: false }, ...(entry.aliases ?? []).map((name) => ({ name, alias: true }))];
      const all = [...given, ...given.flatMap(({ name }) => shortForms(name)).filter((f) => !given.some((g) => g.name === f)).map((name) => ({ name, alias: true }))];
      const reads = all.map(({ name }) => normalizeName(name));
      // A person's aliases name a person too, though "Khaled Omar Najafi" does not read as one the way "NAJAFI, Khalid Omar" does.
      const person = entry.person || reads[0]!.person;
      for (const [k, { name, alias }] of all.entries()) {
        const read = reads[k]!;
        if (!read.compact) continue;
        const norm = person && !read.person ? { ...read, person: true } : read;
        const at = this.names.push({ entry, name, alias, norm }) - 1;
        this.words.add(at, norm.keys);
        this.addVowelKeys(norm);
        this.syllables.add(at, norm.syllables);
        if (norm.han) this.hanSyllables.add(at, norm.syllables);
        const joined = norm.syllables.join('');
        const spaced = this.syllableCompact.get(joined);
        if (spaced) spaced.push(at);
        else this.syllableCompact.set(joined, [at]);
        const same = this.compact.get(norm.compact);
        if (same) same.push(at);
        else this.compact.set(norm.compact, [at]);
      }
    }
    const n = this.names.length;
    for (const p of [this.words, this.syllables, this.hanSyllables]) p.freeze(n);
    this.anchors = this.buildAnchors();
    this.omissibleWords = Uint8Array.from(this.names, ({ norm }) => Math.min(255, norm.tokens.filter((_, i) => omissible(norm, i)).length));
    this.words.terms.forEach((key, id) => {
      if (!fuzzyKey(key)) return;
      for (const variant of [key, ...deletions(key)]) {
        const list = this.nearby.get(variant);
        if (list) list.push(id);
        else this.nearby.set(variant, [id]);
      }
    });
    this.neighbours = new Array<Expansion[] | undefined>(this.words.terms.length);
    this.nameStamp = new Int32Array(n);
    const terms = Math.max(this.words.terms.length, this.syllables.terms.length, this.hanSyllables.terms.length);
    this.termStamp = new Int32Array(terms);
    this.termSimilarity = new Float64Array(terms);
  }

  /** How many names (primary and aliases) are indexed. */
  get size(): number {
    return this.names.length;
  }

  /**
   * Values whose names match `query`, best first, one match per value. A query screened against several
   * indexes (every regime's, in one assessment) may be passed normalised once (`normalizeName`).
   */
  search(query: string | NormalizedName, options: NameSearchOptions<T> = {}): NameMatch<T>[] {
    if (this.names.length === 0) return [];
    const q = typeof query === 'string' ? normalizeName(query) : query;
    if (!q.compact) return [];
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const candidates = new Set<number>([...(this.compact.get(q.compact) ?? []), ...(this.syllableCompact.get(q.syllables.join('')) ?? [])]);
    const expansions = q.keys.map((k, i) => this.queryExpansions(k, q.vowelKeys[i]!));
    this.collect(this.words, expansions, minScore, candidates, middleInitials(q).length);
    if (minScore <= 0.9) this.collectContained(q.keys, candidates);
    if (minScore <= INITIALS_GIVEN) this.collectByWordsBesideInitials(q, expansions, candidates);
    if (minScore <= TRADE_NAME_GIVEN) this.collectHolding(expansions, candidates);
    // Syllable overlap counts only where one side is in Chinese characters; syllables compare exactly (no neighbours).
    const postings = q.han ? this.syllables : this.hanSyllables;
    const syllables = q.syllables.map((s) => {
      const id = postings.ids.get(s);
      return id === undefined ? [] : [{ term: id, similarity: 1 }];
    });
    this.collect(postings, syllables, minScore, candidates);
    const scored: { indexed: IndexedName<T>; result: NameScore }[] = [];
    // The lists of the names the query gives whole (made only when there is one: most searches have none).
    let whole: Set<string | undefined> | undefined;
    for (const i of candidates) {
      const indexed = this.names[i]!;
      const { entry } = indexed;
      if (options.country && entry.country && entry.country !== options.country) continue;
      if (options.accept && !options.accept(entry.value)) continue;
      // A value located in mainland China has its name read as a Chinese firm's (`scoreNames`).
      const result = scoreNames(q, indexed.norm, entry.country === 'CN');
      if (result.score < minScore) continue;
      scored.push({ indexed, result });
      if (result.method === 'exact') (whole ??= new Set()).add(entry.list);
    }
    const best = new Map<IndexedValue<T>, NameMatch<T>>();
    for (const { indexed, result } of scored) {
      // A query that gives a listed name whole names that party: other firms of its own name its list holds apart, in
      // other cities ("Chengdu Huawei Technologies" beside "Huawei Technologies Co., Ltd.") or without the place
      // ("Semiconductor Manufacturing International Corporation" beside "… (Beijing) Corporation"), are not read into it.
      if (whole?.has(indexed.entry.list) && namesAnotherOfTheName(q, indexed.norm, result.method)) continue;
      const { entry } = indexed;
      const score = Math.round(result.score * 1000) / 1000;
      const prior = best.get(entry);
      if (prior && prior.score >= score) continue;
      best.set(entry, { value: entry.value, matchedName: indexed.name, alias: indexed.alias, score, method: result.method, explanation: explain(q, indexed, result) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * Values with a name that begins with every word of `query`, in its order, and goes on: "Raytheon" for "Raytheon
   * Missiles & Defense", "Sukhoi" for "Sukhoi Aviation JSC". Such a name scores only the share of its words the query
   * gives and is no match, yet the query may name that party (its short name, a division) or another firm of the
   * name, which a reviewer should see. Only a query in Latin letters, not a person's name, whose first word is a
   * firm's own (three letters or more; no organisation, industry or Chinese place word), and only when at most
   * {@link BEGINNING_VALUES} values have such a name: a start that many listed names share ("China", a family name)
   * names no one in particular. Best first, one per value, each with its own score (below the threshold).
   */
  beginningWith(query: string | NormalizedName, options: Omit<NameSearchOptions<T>, 'minScore'> = {}): NameMatch<T>[] {
    const q = typeof query === 'string' ? normalizeName(query) : query;
    const first = q.tokens[0];
    if (!first || first.length < 3 || q.han || q.person || /\d/.test(first) || isDescriptiveWord(first) || isChinesePlaceWord(first)) return [];
    const term = this.words.ids.get(q.keys[0]!);
    if (term === undefined) return [];
    const found: IndexedName<T>[] = [];
    const values = new Set<IndexedValue<T>>();
    for (const i of this.words.lists[term]!) {
      const indexed = this.names[i]!;
      const { keys } = indexed.norm;
      if (keys.length <= q.keys.length || !q.keys.every((k, j) => keys[j] === k)) continue;
      values.add(indexed.entry);
      if (values.size > BEGINNING_VALUES) return [];
      found.push(indexed);
    }
    const best = new Map<IndexedValue<T>, NameMatch<T>>();
    for (const indexed of found) {
      const { entry } = indexed;
      if (options.country && entry.country && entry.country !== options.country) continue;
      if (options.accept && !options.accept(entry.value)) continue;
      const result = scoreNames(q, indexed.norm, entry.country === 'CN');
      const score = Math.round(result.score * 1000) / 1000;
      const prior = best.get(entry);
      if (prior && prior.score >= score) continue;
      const given = q.tokens.join(' ');
      const explanation = `${indexed.alias ? 'alias' : 'listed name'} "${indexed.name}" begins with the words given ("${given}") and goes on: the name given may be this party's short name, or name another party`;
      best.set(entry, { value: entry.value, matchedName: indexed.name, alias: indexed.alias, score, method: 'similar', explanation });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.matchedName.localeCompare(b.matchedName));
  }

  /**
   * A fresh stamp for the scratch arrays. Stamps are 32-bit: before they run out (after about two billion
   * passes, a day or two of a busy server) the arrays are cleared and counting starts again.
   */
  private nextGeneration(): number {
    if (this.generation >= 0x7ffffff0) {
      this.generation = 0;
      this.nameStamp.fill(0);
      this.termStamp.fill(0);
    }
    return ++this.generation;
  }

  /** Each name under its rarest word: a name that lies whole inside a query is found through it. */
  private buildAnchors(): number[][] {
    const { words } = this;
    const lists: number[][] = words.terms.map(() => []);
    for (let i = 0; i < this.names.length; i++) {
      let rarest = -1;
      for (let k = words.nameStart[i]!; k < words.nameStart[i + 1]!; k++) {
        const term = words.nameTerms[k]!;
        if (rarest < 0 || words.lists[term]!.length < words.lists[rarest]!.length) rarest = term;
      }
      if (rarest >= 0) lists[rarest]!.push(i);
    }
    return lists;
  }

  /** Records which indexed word keys each Arabic romanisation key (`vowelKeys`) of a name's words stands for. */
  private addVowelKeys(norm: NormalizedName): void {
    norm.vowelKeys.forEach((vowels, i) => {
      if (!vowels.length) return;
      const term = this.words.ids.get(norm.keys[i]!)!;
      for (const vowel of vowels) {
        const terms = this.vowelTerms.get(vowel);
        if (!terms) this.vowelTerms.set(vowel, [term]);
        else if (!terms.includes(term)) terms.push(term);
      }
    });
  }

  /**
   * {@link wordExpansions} and the indexed keys of words that are another romanisation of the same Arabic or Persian
   * name (a `vowelKeys` key in common: "Tarek" for "Tariq"), which score as a romanisation does.
   */
  private queryExpansions(key: string, vowels: readonly string[]): Expansion[] {
    const near = this.wordExpansions(key);
    if (!vowels.length) return near;
    const merge = () => {
      const same = [...new Set(vowels.flatMap((v) => this.vowelTerms.get(v) ?? []))];
      return same.length ? mergeRomanisations(near, same) : near;
    };
    // Most query words are indexed words themselves: theirs are worked out once, and kept with the index's own words
    // (a word's keys follow from it, so what is kept is bounded by the data); any other word's each time.
    if (!this.words.ids.has(key)) return merge();
    const cacheKey = `${key}\u0000${vowels.join('\u0000')}`;
    let merged = this.vowelExpansions.get(cacheKey);
    if (!merged) {
      merged = merge();
      this.vowelExpansions.set(cacheKey, merged);
    }
    return merged;
  }

  /**
   * Indexed word keys a query key may match: itself and, for long keys, those a letter or two away. A key already
   * in the index (most query words are) walks its deletions once and is then one lookup; an unseen one walks them each time.
   */
  private wordExpansions(key: string): Expansion[] {
    const known = this.words.ids.get(key);
    if (known === undefined) return this.closeTerms(key, undefined);
    return (this.neighbours[known] ??= this.closeTerms(key, known));
  }

  /** The indexed keys one slip from `key` ({@link spellingEdits}), found through shared one-letter deletions, best first. */
  private closeTerms(key: string, self: number | undefined): Expansion[] {
    const out: Expansion[] = self === undefined ? [] : [{ term: self, similarity: 1 }];
    if (!fuzzyKey(key)) return out;
    const seen = new Set<number>(self === undefined ? [] : [self]);
    for (const variant of [key, ...deletions(key)]) {
      for (const id of this.nearby.get(variant) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.words.terms[id]!;
        const edits = spellingEdits(key, other);
        if (edits > 0) out.push({ term: id, similarity: 1 - edits / Math.max(key.length, other.length) });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * Adds to `candidates` the names whose Dice overlap with the query could reach `minScore` (and those middle names
   * on one side only could lift). A name matching m of the Q query terms scores at most 2m / (Q + m),
   * so it needs m ≥ minScore·Q / (2 − minScore) of them and must hold one of the Q − m + 1 rarest: only
   * those are walked. Each name found is then bounded by its own terms' best similarities. With `initials`
   * (word postings only), a name may also match all the query's words but its middle initials and leave out
   * only words the query may omit.
   */
  private collect(postings: Postings, expansions: Expansion[][], minScore: number, candidates: Set<number>, initials?: number): void {
    const q = expansions.length;
    if (!q) return;
    const query = this.nextGeneration();
    const { nameStamp, termStamp, termSimilarity } = this;
    for (const terms of expansions) {
      for (const { term, similarity } of terms) {
        if (termStamp[term] !== query || termSimilarity[term]! < similarity) termSimilarity[term] = similarity;
        termStamp[term] = query;
      }
    }
    // The query words a name must match when middle names are given on one side only: all but the middle initials.
    const named = initials === undefined ? 0 : q - initials;
    const byDice = Math.max(1, Math.ceil((minScore * q) / (2 - minScore) - 1e-9));
    const needed = named >= 2 ? Math.min(byDice, named) : byDice;
    const walked = q - Math.min(needed, q) + 1;
    const weight = (terms: Expansion[]) => terms.reduce((sum, e) => sum + postings.lists[e.term]!.length, 0);
    const rarest = expansions.map((terms) => ({ terms, weight: weight(terms) })).sort((a, b) => a.weight - b.weight).slice(0, walked);
    const { nameTerms, nameStart, lists } = postings;
    for (const { terms } of rarest) {
      for (const { term } of terms) {
        const names = lists[term]!;
        for (let k = 0; k < names.length; k++) {
          const name = names[k]!;
          if (nameStamp[name] === query) continue;
          nameStamp[name] = query;
          // Bound: each listed term counts its best similarity to any query term; at most q of them.
          let total = 0;
          let matched = 0;
          const from = nameStart[name]!;
          const to = nameStart[name + 1]!;
          for (let j = from; j < to; j++) {
            const t = nameTerms[j]!;
            if (termStamp[t] === query) {
              total += termSimilarity[t]!;
              matched++;
            }
          }
          const length = to - from;
          const dice = (2 * Math.min(total, q)) / (q + length);
          const middle = named >= 2 && matched >= named && length - matched <= this.omissibleWords[name]!
            && MIDDLE_NAME_OMITTED * (Math.min(total, named) / named) >= minScore - 1e-6;
          if (dice >= minScore - 1e-6 || middle) candidates.add(name);
        }
      }
    }
  }

  /**
   * Names longer than the query that hold all its words or a spelling one slip away (a firm's own name given without
   * its place or industry words, `TRADE_NAME_GIVEN`): found through the query word fewest names hold. Each indexed
   * term found is marked with the query words it may stand for, one bit each, in the scratch similarity array.
   */
  private collectHolding(expansions: readonly Expansion[][], candidates: Set<number>): void {
    if (expansions.length < 2 || expansions.length > 30 || expansions.some((terms) => !terms.length)) return;
    const query = this.nextGeneration();
    const { termStamp, termSimilarity } = this;
    const { nameTerms, nameStart, lists } = this.words;
    expansions.forEach((terms, w) => {
      for (const { term } of terms) {
        if (termStamp[term] !== query) termSimilarity[term] = 0;
        termStamp[term] = query;
        termSimilarity[term] = termSimilarity[term]! | (1 << w);
      }
    });
    const all = 2 ** expansions.length - 1;
    const weight = (terms: Expansion[]) => terms.reduce((sum, e) => sum + lists[e.term]!.length, 0);
    const rarest = expansions.reduce((best, terms) => (weight(terms) < weight(best) ? terms : best));
    for (const { term } of rarest) {
      for (const name of lists[term]!) {
        const from = nameStart[name]!;
        const to = nameStart[name + 1]!;
        if (to - from <= expansions.length) continue;
        let mask = 0;
        for (let j = from; j < to; j++) if (termStamp[nameTerms[j]!] === query) mask |= termSimilarity[nameTerms[j]!]!;
        if (mask === all) candidates.add(name);
      }
    }
  }

  /**
   * For a query of two initials or more and whole words ("A. Q. Khan"): the names that hold every whole word, as it is or
   * as another romanisation, which the scorer may read as that person's, with initials for the given names
   * ({@link INITIALS_GIVEN}). The Dice bound of {@link collect} leaves them out: the initials match no listed word.
   */
  private collectByWordsBesideInitials(q: NormalizedName, expansions: readonly Expansion[][], candidates: Set<number>): void {
    let initials = 0;
    const words: Expansion[][] = [];
    q.tokens.forEach((t, i) => {
      if (isInitial(t)) initials++;
      else words.push(expansions[i]!.filter((e) => e.similarity >= SAME_KEY));
    });
    if (initials < 2 || !words.length) return;
    // The names of each word (any of its spellings), the rarest word first; a name must hold them all.
    const namesOf = words.map((terms) => new Set(terms.flatMap((e) => this.words.lists[e.term]!))).sort((a, b) => a.size - b.size);
    for (const name of namesOf[0]!) if (namesOf.every((names) => names.has(name))) candidates.add(name);
  }

  /** Names that may lie whole inside the query (all their words in it): found under their rarest word. */
  private collectContained(keys: readonly string[], candidates: Set<number>): void {
    if (keys.length < 2) return;
    const query = this.nextGeneration();
    const { termStamp } = this;
    const { nameTerms, nameStart } = this.words;
    const ids = keys.map((k) => this.words.ids.get(k)).filter((id): id is number => id !== undefined);
    for (const id of ids) termStamp[id] = query;
    for (const id of ids) {
      const names = this.anchors[id]!;
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        const from = nameStart[name]!;
        const to = nameStart[name + 1]!;
        if (to - from >= keys.length) continue;
        let all = true;
        for (let j = from; j < to && all; j++) all = termStamp[nameTerms[j]!] === query;
        if (all) candidates.add(name);
      }
    }
  }
}

/** A word's expansions with the indexed keys of the same romanisation key at `SAME_KEY`; a key already near by a slip is raised to it. */
function mergeRomanisations(near: readonly Expansion[], same: readonly number[]): Expansion[] {
  const raised = near.map((e) => (e.similarity < SAME_KEY && same.includes(e.term) ? { term: e.term, similarity: SAME_KEY } : e));
  const extra = same.filter((term) => !near.some((e) => e.term === term)).map((term) => ({ term, similarity: SAME_KEY }));
  return [...raised, ...extra];
}

function explain(q: NormalizedName, indexed: IndexedName<unknown>, scored: NameScore): string {
  const parts = [`${indexed.alias ? 'alias' : 'listed name'} "${indexed.name}"`, ...scored.notes];
  const scripts = [...new Set([...q.scripts, ...indexed.norm.scripts])];
  if (scripts.length) parts.push(`compared in Latin letters (romanised from ${scripts.join(', ')})`);
  const dropped = [...new Set([...q.dropped, ...indexed.norm.dropped])];
  if (dropped.length) parts.push(`legal-form and filler words ignored: ${dropped.join(', ')}`);
  return parts.join('; ');
}
