import type { IsoDate, ListedParty } from './types.js';

/** Legal-form words that say nothing about who a party is. */
const LEGAL_SUFFIXES = new Set([
  'co', 'company', 'companies', 'ltd', 'limited', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'llp', 'lp',
  'plc', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'spa', 'srl', 'bv', 'nv', 'pte', 'pty', 'kk', 'oy', 'oyj', 'ab', 'as',
  'asa', 'se', 'jsc', 'pjsc', 'ojsc', 'ooo', 'zao', 'the', 'and', 'of',
]);

/** Chinese legal-form endings, longest first. */
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '公司'];

const CJK = /[\u3400-\u9fff]/;

/** A name reduced to what identifies the party: lower case, no punctuation, no legal-form words. */
export interface NormalizedName {
  /** Latin tokens without legal suffixes. */
  tokens: string[];
  /** The CJK characters of the name without legal-form endings. */
  cjk: string;
}

/** Reduces a company or person name for matching. */
export function normalizePartyName(name: string): NormalizedName {
  const text = name.normalize('NFKC').toLowerCase();
  let cjk = Array.from(text).filter((ch) => CJK.test(ch)).join('');
  for (const suffix of CJK_SUFFIXES) {
    if (cjk.endsWith(suffix) && cjk.length > suffix.length + 1) {
      cjk = cjk.slice(0, -suffix.length);
      break;
    }
  }
  const tokens = text
    .replace(/[\u3400-\u9fff]+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((t) => t.length > 0 && !LEGAL_SUFFIXES.has(t));
  return { tokens, cjk };
}

/** True when `needle` occurs in `haystack` as a contiguous run of tokens. */
function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** How a screened name matched a listed party. */
export interface PartyMatch {
  party: ListedParty;
  /** The listed name or alias that matched. */
  matchedName: string;
  /** `exact`: same name once legal forms and punctuation are ignored; `contains`: the listed name appears whole inside the screened name. */
  method: 'exact' | 'contains';
}

interface IndexedName {
  party: ListedParty;
  name: string;
  normalized: NormalizedName;
}

/**
 * Screens names against a set of listed parties. Matching ignores case, punctuation and legal-form
 * words (Co., Ltd., Corp., Inc., GmbH, 有限公司 …); a listed name also matches when it appears whole
 * inside the screened name ("MP Materials Corp." and "MP Materials Corp. (Mountain Pass)").
 */
export class PartyScreener {
  private readonly byToken = new Map<string, IndexedName[]>();
  private readonly cjkNames: IndexedName[] = [];

  constructor(parties: readonly ListedParty[]) {
    for (const party of parties) {
      for (const name of [party.name, ...(party.aliases ?? [])]) {
        const normalized = normalizePartyName(name);
        const entry = { party, name, normalized };
        if (normalized.cjk.length >= 2) this.cjkNames.push(entry);
        const first = normalized.tokens[0];
        if (first) {
          const list = this.byToken.get(first) ?? [];
          list.push(entry);
          this.byToken.set(first, list);
        }
      }
    }
  }

  /** Parties whose listing covers `date` and whose name matches `name`, best first, one per party. */
  screen(name: string, date: IsoDate): PartyMatch[] {
    const query = normalizePartyName(name);
    const found = new Map<string, PartyMatch>();
    const consider = (entry: IndexedName, method: PartyMatch['method']) => {
      const { party } = entry;
      if (date < party.added || (party.removed !== undefined && date > party.removed)) return;
      const prior = found.get(party.id);
      if (!prior || (prior.method === 'contains' && method === 'exact')) {
        found.set(party.id, { party, matchedName: entry.name, method });
      }
    };
    const seenTokens = new Set<string>();
    for (const token of query.tokens) {
      if (seenTokens.has(token)) continue;
      seenTokens.add(token);
      for (const entry of this.byToken.get(token) ?? []) {
        const listed = entry.normalized.tokens;
        if (listed.length === query.tokens.length && containsRun(query.tokens, listed)) consider(entry, 'exact');
        else if (containsRun(query.tokens, listed) && listed.join(' ').length >= 4) consider(entry, 'contains');
      }
    }
    if (query.cjk.length >= 2) {
      for (const entry of this.cjkNames) {
        if (entry.normalized.cjk === query.cjk) consider(entry, 'exact');
        else if (query.cjk.includes(entry.normalized.cjk)) consider(entry, 'contains');
      }
    }
    return [...found.values()].sort((a, b) => (a.method === b.method ? 0 : a.method === 'exact' ? -1 : 1));
  }
}
