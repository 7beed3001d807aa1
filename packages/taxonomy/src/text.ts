/** Lower-cases, folds width and accents, and turns punctuation into spaces, for matching names. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\u3400-\u9fff]+/gu, ' ')
    .trim();
}

/** Latin tokens of a folded text. */
export function tokens(folded: string): string[] {
  return folded.split(' ').filter((t) => t.length > 0);
}

/** Words that name a technology: the taxonomy's IDs write them "tech" (`tech/lithium/brine-extraction`). */
const TECHNOLOGY = new Set(['tech', 'technology', 'technologies', 'technique', 'techniques']);

/**
 * A Latin word reduced to the form names are compared in: "technology" and its kin become "tech", and
 * a regular English plural its singular ("wafers", "batteries", "oxides" → "wafer", "battery", "oxide"),
 * so that a user who writes "lithium extraction technology" or "gallium nitride wafer" finds the item
 * the taxonomy names "Lithium extraction … technologies" or "… wafers". Words ending in -ss, -us or -is
 * ("process", "status", "basis") and words of three letters or fewer are left as they are. Both sides go through
 * it, so an irregular plural at worst stays unmatched, as before.
 */
export function wordStem(word: string): string {
  if (TECHNOLOGY.has(word)) return 'tech';
  if (word.length <= 3 || !word.endsWith('s') || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** True when the text contains CJK characters. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}
