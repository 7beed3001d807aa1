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

/** True when the text contains CJK characters. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}
