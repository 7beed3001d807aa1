import { distance } from 'fastest-levenshtein';
import { normalizeName, type NormalizedName } from './names.js';

/** How a query matched one name of an indexed value. */
export interface NameMatch<T> {
  value: T;
  /** The listed name or alias that matched best. */
  matchedName: string;
  /** True when `matchedName` is an alias rather than the primary name. */
  alias: boolean;
  /** 0–1; 1 is the same name once case, punctuation, script and legal forms are set aside. */
  score: number;
  /** `exact`: same words; `contains`: the listed name lies whole inside the query; `similar`: close spelling or most words shared. */
  method: 'exact' | 'contains' | 'similar';
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

interface IndexedName<T> {
  entry: IndexedValue<T>;
  name: string;
  alias: boolean;
  norm: NormalizedName;
}

/** Candidate lists longer than this share of all names are read only when nothing rarer is shared. */
const COMMON_KEY_SHARE = 0.01;
/** Cap on candidates scored per query, so that a query of common words stays fast. */
const MAX_CANDIDATES = 4000;

/** Blocking keys: whole tokens, four-letter prefixes and suffixes of long tokens (one typo apart), and the start of the compact form. */
function blockingKeys(norm: NormalizedName): string[] {
  const keys = new Set<string>();
  for (const t of norm.tokens) {
    keys.add(`t:${t}`);
    if (t.length >= 5) {
      keys.add(`p:${t.slice(0, 4)}`);
      keys.add(`s:${t.slice(-4)}`);
    }
  }
  if (norm.compact.length >= 5) keys.add(`c:${norm.compact.slice(0, 5)}`);
  return [...keys];
}

/** Similarity of two tokens: equal, or a long word one or two edits apart. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 2) return 0;
  const d = distance(a, b);
  return d <= (longest >= 8 ? 2 : 1) ? 1 - d / longest : 0;
}

interface Scored {
  score: number;
  method: NameMatch<unknown>['method'];
  notes: string[];
}

/** Scores a listed name against the query: word-order-free fuzzy token overlap (Dice), compact equality, containment. */
function scoreNames(q: NormalizedName, n: NormalizedName): Scored {
  if (q.compact === n.compact) {
    const same = q.tokens.length === n.tokens.length && q.tokens.every((t, i) => t === n.tokens[i]);
    return same ? { score: 1, method: 'exact', notes: ['same words'] } : { score: 0.97, method: 'exact', notes: ['same letters, split into words differently'] };
  }
  const used = new Array<boolean>(n.tokens.length).fill(false);
  let total = 0;
  let exactHits = 0;
  const fuzzy: string[] = [];
  for (const qt of q.tokens) {
    let best = 0;
    let at = -1;
    for (let i = 0; i < n.tokens.length; i++) {
      if (used[i]) continue;
      const s = tokenSimilarity(qt, n.tokens[i]!);
      if (s > best) {
        best = s;
        at = i;
        if (s === 1) break;
      }
    }
    if (at < 0) continue;
    used[at] = true;
    total += best;
    if (best === 1) exactHits++;
    else fuzzy.push(`${qt} ≈ ${n.tokens[at]}`);
  }
  const dice = (2 * total) / (q.tokens.length + n.tokens.length);
  const notes = [`${exactHits + fuzzy.length} of ${n.tokens.length} listed words found`];
  if (fuzzy.length) notes.push(`spelling differs: ${fuzzy.join(', ')}`);
  const inOrder = q.tokens.length === n.tokens.length && q.tokens.every((t, i) => tokenSimilarity(t, n.tokens[i]!) > 0);
  if (dice > 0 && q.tokens.length === n.tokens.length && !inOrder && total === n.tokens.length) notes.push('words in another order');
  // A listed name found whole inside a longer one: a branch, division or address tail ("… Co., Ltd. Shenzhen Branch").
  if (exactHits === n.tokens.length && q.tokens.length > n.tokens.length && (n.tokens.length >= 2 || n.compact.length >= 6)) {
    return { score: Math.max(dice, n.tokens.length >= 2 ? 0.9 : 0.86), method: 'contains', notes: [...notes, 'the listed name lies whole inside the query'] };
  }
  return { score: dice, method: total === n.tokens.length && q.tokens.length === n.tokens.length && !fuzzy.length ? 'exact' : 'similar', notes };
}

/**
 * An index of names for screening: token blocking narrows a query to the few names that share a word
 * (or a word one typo away) with it, then each is scored. Built once per list set; searches are pure.
 */
export class NameIndex<T> {
  private readonly names: IndexedName<T>[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly commonLength: number;

  constructor(values: Iterable<IndexedValue<T>>) {
    for (const entry of values) {
      const all = [{ name: entry.name, alias: false }, ...(entry.aliases ?? []).map((name) => ({ name, alias: true }))];
      for (const { name, alias } of all) {
        const norm = normalizeName(name);
        if (!norm.compact) continue;
        const at = this.names.push({ entry, name, alias, norm }) - 1;
        for (const key of blockingKeys(norm)) {
          const list = this.postings.get(key);
          if (list) list.push(at);
          else this.postings.set(key, [at]);
        }
      }
    }
    this.commonLength = Math.max(64, Math.ceil(this.names.length * COMMON_KEY_SHARE));
  }

  /** How many names (primary and aliases) are indexed. */
  get size(): number {
    return this.names.length;
  }

  /** Values whose names match `query`, best first, one match per value. */
  search(query: string, options: NameSearchOptions<T> = {}): NameMatch<T>[] {
    const q = normalizeName(query);
    if (!q.compact) return [];
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const lists = blockingKeys(q).map((k) => this.postings.get(k)).filter((l): l is number[] => l !== undefined).sort((a, b) => a.length - b.length);
    const rare = lists.filter((l) => l.length <= this.commonLength);
    const candidates = new Set<number>();
    for (const list of rare.length ? rare : lists) {
      for (const i of list) {
        candidates.add(i);
        if (candidates.size >= MAX_CANDIDATES) break;
      }
      if (candidates.size >= MAX_CANDIDATES) break;
    }
    const best = new Map<IndexedValue<T>, NameMatch<T>>();
    for (const i of candidates) {
      const indexed = this.names[i]!;
      const { entry } = indexed;
      if (options.country && entry.country && entry.country !== options.country) continue;
      if (options.accept && !options.accept(entry.value)) continue;
      const scored = scoreNames(q, indexed.norm);
      if (scored.score < minScore) continue;
      const score = Math.round(scored.score * 1000) / 1000;
      const prior = best.get(entry);
      if (prior && prior.score >= score) continue;
      best.set(entry, { value: entry.value, matchedName: indexed.name, alias: indexed.alias, score, method: scored.method, explanation: explain(q, indexed, scored) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}

function explain(q: NormalizedName, indexed: IndexedName<unknown>, scored: Scored): string {
  const parts = [`${indexed.alias ? 'alias' : 'listed name'} "${indexed.name}"`, ...scored.notes];
  const scripts = [...new Set([...q.scripts, ...indexed.norm.scripts])];
  if (scripts.length) parts.push(`compared in Latin letters (romanised from ${scripts.join(', ')})`);
  const dropped = [...new Set([...q.dropped, ...indexed.norm.dropped])];
  if (dropped.length) parts.push(`legal-form words ignored: ${dropped.join(', ')}`);
  return parts.join('; ');
}
