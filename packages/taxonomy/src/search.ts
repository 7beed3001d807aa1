import { normalizeCas, type TaxonomyHit, type TaxonomyNode } from '@chokepoint/core';
import { foldText, hasCjk, tokens, wordStem } from './text.js';

interface Label {
  text: string;
  words: string[];
  /** The same words as {@link wordStem} reduces them. */
  stems: string[];
  kind: 'id' | 'alias' | 'name.en' | 'name.zh';
}

/**
 * Ranked search over nodes by ID, name or alias in English or Chinese. Scores: exact ID 1.0; exact
 * name or alias 0.95; every query word found in one label 0.6–0.9 (higher when the label has few
 * other words); a Chinese query inside a Chinese label 0.6–0.9 by how much of the label it covers;
 * when nothing else matches, an element or mineral whose name is among the query's words
 * {@link FAMILY_SCORE} (`matchedBy: "family"`).
 */
export class NodeSearch {
  private readonly labels: { id: string; labels: Label[] }[] = [];
  /** Labels by their folded text: a name or alias typed exactly is found without scanning every label. */
  private readonly byLabel = new Map<string, { id: string; score: number; kind: Label['kind'] }[]>();
  /**
   * Labels as they are written (and lower-cased), each with its folded text: a name typed as the
   * taxonomy spells it is looked up without folding it again (Unicode normalisation costs more than
   * the rest of the lookup).
   */
  private readonly folded = new Map<string, string>();
  /** Ranked hits by folded label, for {@link exact}. */
  private readonly ranked = new Map<string, TaxonomyHit[]>();
  /** The English labels of element and mineral nodes (the families), as stems, for the last resort of {@link search}. */
  private readonly families: { id: string; stems: string[] }[] = [];

  constructor(nodes: Iterable<TaxonomyNode>) {
    for (const node of nodes) {
      const labels: Label[] = [];
      const add = (text: string | undefined, kind: Label['kind']) => {
        if (!text) return;
        const folded = foldText(text);
        if (!folded) return;
        for (const spelling of [text.trim(), text.trim().toLowerCase()]) if (foldText(spelling) === folded) this.folded.set(spelling, folded);
        const words = tokens(folded);
        const stems = words.map(wordStem);
        labels.push({ text: folded, words, stems, kind });
        // Not a chemical symbol ("In", "Co", "W"): as a word of a longer name it is rarely the element.
        if (node.kind === 'mineral' && kind !== 'name.zh' && stems.every((w) => w.length >= 4)) this.families.push({ id: node.id, stems });
        const same = this.byLabel.get(folded) ?? [];
        same.push({ id: node.id, score: kind === 'id' ? 0.97 : 0.95, kind });
        this.byLabel.set(folded, same);
      };
      add(node.id.replace(/[/-]/g, ' '), 'id');
      add(node.names.en, 'name.en');
      add(node.names.zh, 'name.zh');
      for (const a of node.aliases ?? []) add(a, 'alias');
      this.labels.push({ id: node.id, labels });
    }
  }

  /**
   * The hits of {@link search} that need no word matching: an exact ID, a CAS number, a customs
   * code, or a name or alias equal to the text once folded. Word matches score at most 0.9, so when
   * one of these scores 0.95 or more no word match can rank beside it.
   */
  exact(text: string, codeHits: (digits: string) => readonly string[], casHits: (cas: string) => readonly string[], exactId: (id: string) => string | undefined): TaxonomyHit[] {
    const raw = text.trim();
    const label = this.folded.get(raw) ?? foldText(raw);
    // A text that is no taxonomy ID and does not start like a code (a digit, or a dot) is only a name: its
    // hits are the label's, ranked when the index was built.
    const first = raw.charCodeAt(0);
    if (!(first >= 48 && first <= 57) && first !== 46 && !exactId(raw.toLowerCase())) return this.rankedLabel(label);
    const hits = new BestHits();
    offerIdentifierHits(raw, hits, codeHits, casHits, exactId);
    for (const hit of this.byLabel.get(label) ?? []) hits.offer(hit.id, hit.score, hit.kind);
    return hits.ranked();
  }

  /** The hits of one folded label, best first (frozen, ranked on first use, bounded by the labels). */
  private rankedLabel(label: string): TaxonomyHit[] {
    let ranked = this.ranked.get(label);
    if (ranked === undefined) {
      const hits = new BestHits();
      for (const hit of this.byLabel.get(label) ?? []) hits.offer(hit.id, hit.score, hit.kind);
      ranked = hits.ranked().map((h) => Object.freeze(h));
      // Only the taxonomy's own labels are kept: any other text has no hit, and nothing to keep.
      if (ranked.length) this.ranked.set(label, ranked);
    }
    return ranked.slice();
  }

  search(text: string, codeHits: (digits: string) => readonly string[], casHits: (cas: string) => readonly string[], exactId: (id: string) => string | undefined, limit: number): TaxonomyHit[] {
    const raw = text.trim();
    const hits = new BestHits();
    const offer = hits.offer.bind(hits);
    offerIdentifierHits(raw, hits, codeHits, casHits, exactId);
    const folded = foldText(raw);
    if (folded) {
      const queryWords = tokens(folded);
      const queryStems = queryWords.map(wordStem);
      const cjk = hasCjk(folded);
      for (const { id, labels } of this.labels) {
        for (const label of labels) {
          if (label.text === folded) {
            offer(id, label.kind === 'id' ? 0.97 : 0.95, label.kind);
            continue;
          }
          if (cjk && label.kind !== 'id') {
            const compactLabel = label.text.replace(/ /g, '');
            const compactQuery = folded.replace(/ /g, '');
            if (compactLabel.includes(compactQuery)) offer(id, 0.6 + 0.3 * (compactQuery.length / compactLabel.length), label.kind);
            continue;
          }
          if (!queryWords.length) continue;
          let matched = 0;
          for (let i = 0; i < queryWords.length; i++) if (wordFound(queryWords[i]!, queryStems[i]!, label)) matched++;
          if (matched === queryWords.length) offer(id, 0.6 + 0.3 * (queryWords.length / Math.max(label.words.length, queryWords.length)), label.kind);
          // Most query words found, e.g. "gallium nitride wafers" for "Gallium nitride": a weaker hit,
          // only when every word of the label is in the query (the query names the item plus a form).
          else if (matched >= 2 && label.words.every((w, i) => queryWords.some((q, j) => sameWord(q, queryStems[j]!, w, label.stems[i]!))))
            offer(id, 0.5 + 0.2 * (matched / queryWords.length), label.kind);
        }
      }
      // Nothing named by the words together: a name such as "germanium wafers", whose form no item has, still
      // says which element or mineral it is made of. Those families are offered, weakly, for the user to pick the
      // item from (item resolution does not take them: it names them in its unresolved_item warning).
      if (hits.size === 0 && !cjk && queryWords.length > 1) {
        for (const f of this.families) if (f.stems.every((s) => queryStems.includes(s))) offer(f.id, FAMILY_SCORE, 'family');
      }
    }
    return hits.ranked().slice(0, limit);
  }
}

/**
 * Whether query word `q` (stem `qStem`) reads as word `w` (stem `wStem`): the same word, the same stem
 * ("technology" and "technologies"), or `w` plus a final "s" (an abbreviation's plural, such as "ICs", too
 * short for {@link wordStem}).
 */
function sameWord(q: string, qStem: string, w: string, wStem: string): boolean {
  return q === w || qStem === wStem || (q.endsWith('s') && q.slice(0, -1) === w);
}

/** Whether a query word is in a label: a word it reads as ({@link sameWord}), or one it begins ("magnet" in "magnetic"). */
function wordFound(q: string, stem: string, label: Label): boolean {
  return label.words.some((w, i) => sameWord(q, stem, w, label.stems[i]!) || (q.length >= 3 && w.startsWith(q)));
}

/** Score of a family (element or mineral) named by one of the query's words when nothing matches the words together. */
export const FAMILY_SCORE = 0.55;

/** The best hit per taxonomy ID, ranked by score, then the shorter (broader) ID, then the ID. */
class BestHits {
  private readonly best = new Map<string, TaxonomyHit>();

  get size(): number {
    return this.best.size;
  }

  offer(id: string, score: number, matchedBy: string): void {
    const prior = this.best.get(id);
    if (!prior || prior.score < score) this.best.set(id, { id, score, matchedBy });
  }

  ranked(): TaxonomyHit[] {
    return [...this.best.values()].sort((a, b) => b.score - a.score || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
  }
}

/** Hits that need no words: an exact taxonomy ID, a CAS number, an HS or China customs code. */
function offerIdentifierHits(raw: string, hits: BestHits, codeHits: (digits: string) => readonly string[], casHits: (cas: string) => readonly string[], exactId: (id: string) => string | undefined): void {
  const idHit = exactId(raw.toLowerCase());
  if (idHit) hits.offer(idHit, 1, 'id');
  const cas = normalizeCas(raw);
  if (cas) for (const id of casHits(cas)) hits.offer(id, 0.95, 'cas');
  const digits = raw.replace(/[.\s]/g, '');
  if (/^\d{4,10}$/.test(digits)) for (const id of codeHits(digits)) hits.offer(id, 0.9, digits.length > 6 ? 'cnCode' : 'hs');
}
