/**
 * CSV columns of a batch of requests (CONTRACT §4): the one mapping from a header row to request fields, used by the
 * CLI's `assess --input FILE.csv` and by the web app's batch upload, so that one file gives the same requests in
 * both. No Node API here: the web app bundles this module for the browser (`@chokepoint/core/csv`).
 */

const REQUEST_COLUMNS = ['id', 'from', 'to', 'date', 'transfer', 'endUse', 'jurisdictions'];
const ITEM_COLUMNS = ['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'cas', 'name', 'origin', 'valueUsd'];
const END_USER_COLUMNS = ['name', 'country', 'type', 'nationalities'];
/** Columns whose cell holds several codes. */
const LIST_FIELDS = new Set(['jurisdictions', 'endUser.nationalities']);
const PARAMETER = /^(?:param|item\.parameters)\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)$/;

/** Where a column's value goes in the request, as a property path (`['item', 'hs']`). */
export type CsvColumnPath = string[];

/** A header row that cannot be read as request fields: a column no field has, or two columns for one field. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvHeaderError';
  }
}

/**
 * Maps a CSV header row to request paths. A column is named after the request field (`from`, `endUse`, `item.hs`,
 * `endUser.name`); item fields may drop the `item.` prefix (`hs`, `cnCode`) except `id`, which is the request ID —
 * the taxonomy ID is `item.id`. Parameters are `param.NAME`. Throws {@link CsvHeaderError} for an unknown column
 * (ignoring it would assess every line without a fact the user meant to give) and for two columns setting one field.
 */
export function csvColumnPaths(header: readonly string[]): CsvColumnPath[] {
  const seen = new Map<string, string>();
  return header.map((raw, i) => {
    const name = raw.trim();
    const path = columnPath(name);
    if (!path) {
      throw new CsvHeaderError(
        `CSV column ${i + 1} "${name}" is not a request field; use ${REQUEST_COLUMNS.join(', ')}, ` +
          `item.<field> or a bare item field (${ITEM_COLUMNS.slice(1).join(', ')}), param.NAME, or endUser.${END_USER_COLUMNS.join('|')}`,
      );
    }
    const key = path.join('.');
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new CsvHeaderError(`CSV columns "${earlier}" and "${name}" both set ${key}`);
    seen.set(key, name);
    return path;
  });
}

function columnPath(name: string): CsvColumnPath | undefined {
  const param = PARAMETER.exec(name);
  if (param) return ['item', 'parameters', param[1]!];
  if (REQUEST_COLUMNS.includes(name)) return [name];
  if (ITEM_COLUMNS.includes(name)) return ['item', name];
  if (name.startsWith('item.') && ITEM_COLUMNS.includes(name.slice(5))) return ['item', name.slice(5)];
  if (name.startsWith('endUser.') && END_USER_COLUMNS.includes(name.slice(8))) return ['endUser', name.slice(8)];
  return undefined;
}

/**
 * The request one CSV record gives, with the paths of {@link csvColumnPaths}. Empty cells are left out, so defaults
 * apply. Cells stay text, numbers too: the request's validation reads numbers written as text and, for a cell that is
 * not one, names the field and the text it got.
 */
export function csvRecordRequest(record: readonly string[], paths: readonly CsvColumnPath[]): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  paths.forEach((path, i) => {
    const cell = record[i]?.trim() ?? '';
    if (cell === '') return;
    let target = request;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = LIST_FIELDS.has(path.join('.')) ? cell.split(/[\s,;|]+/).filter(Boolean) : cell;
  });
  return request;
}
