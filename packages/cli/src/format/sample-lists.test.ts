import type { DataStatus } from '@chokepoint/core';
import { describe, expect, it } from 'vitest';
import { sampleListsNote } from './sample-lists.js';

const list = (id: string, sample?: string): DataStatus['lists'][number] => ({
  id, name: id, jurisdiction: 'US', entries: sample ? 3 : 100, asOf: '2026-09-24', origin: 'bundled', stale: false, ...(sample ? { sample } : {}),
});
const status = (lists: DataStatus['lists']) => ({ lists }) as unknown as DataStatus;

describe('sampleListsNote', () => {
  it('names each list whose copy is a sample, and says a name without a hit is not cleared', () => {
    const note = sampleListsNote(status([list('us-entity-list'), list('xx-watch-list', '3 of 40 entries bundled'), list('yy-list', 'not bundled (0 entries)')]));
    expect(note).toBe('Not the full lists (xx-watch-list: 3 of 40 entries bundled; yy-list: not bundled (0 entries)): a screening without a hit does not clear a party, and every answer that screens one warns sample_list. Run `chokepoint data update` first.\n');
  });
  it('only the lists a screening asked for', () => {
    const s = status([list('xx-watch-list', '3 of 40 entries bundled'), list('yy-list', 'not bundled (0 entries)')]);
    expect(sampleListsNote(s, ['yy-list'])).toMatch(/^Not the full lists \(yy-list: not bundled \(0 entries\)\)/);
    expect(sampleListsNote(s, ['us-entity-list'])).toBe('');
  });
  it('nothing when every list is whole', () => {
    expect(sampleListsNote(status([list('us-entity-list'), list('us-unverified-list')]))).toBe('');
  });
});
