import type { ListEntry, PartyList } from '@chokepoint/core';

/** What an import changed in one list. */
export interface ListDiff {
  list: string;
  asOf: string;
  previousAsOf?: string;
  entries: number;
  added: string[];
  changed: string[];
  removed: string[];
}

const same = (a: ListEntry, b: ListEntry) => JSON.stringify(a) === JSON.stringify(b);

/** Added, changed and removed entries (by name) between the copy in use and the new one. */
export function diffList(previous: PartyList | undefined, next: PartyList): ListDiff {
  const before = new Map((previous?.entries ?? []).map((e) => [e.id, e]));
  const after = new Map(next.entries.map((e) => [e.id, e]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) added.push(e.name);
    else if (!same(old, e)) changed.push(e.name);
  }
  const removed = [...before].filter(([id]) => !after.has(id)).map(([, e]) => e.name);
  return { list: next.id, asOf: next.asOf, ...(previous ? { previousAsOf: previous.asOf } : {}), entries: next.entries.length, added, changed, removed };
}

/** One line per list: "us-entity-list (asOf 2026-11-30): 3 added, 1 changed, 0 removed; 2,412 entries". */
export function formatDiff(d: ListDiff): string {
  const names = (label: string, xs: string[]) => (xs.length ? `\n  ${label}: ${xs.slice(0, 10).join('; ')}${xs.length > 10 ? ` … (${xs.length - 10} more)` : ''}` : '');
  return `${d.list} (asOf ${d.asOf}${d.previousAsOf ? `, was ${d.previousAsOf}` : ', first import'}): ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed; ${d.entries.toLocaleString('en-US')} ${d.entries === 1 ? 'entry' : 'entries'}`
    + names('added', d.added) + names('changed', d.changed) + names('removed', d.removed);
}
