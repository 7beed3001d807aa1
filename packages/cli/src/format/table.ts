/** The longest rule drawn under the last column: its cells are not padded, so neither need its rule be. */
const LAST_RULE = 40;

/**
 * Lays rows out in aligned columns. The last column is not padded, so long titles do not push
 * trailing spaces onto every line, and its rule stops at {@link LAST_RULE} characters (or its header's
 * width), so one long scope text does not draw a rule across the screen.
 */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rules = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, Math.max(header[i]!.length, LAST_RULE)) : w));
  return [line(header), line(rules), ...rows.map(line)].join('\n') + '\n';
}
