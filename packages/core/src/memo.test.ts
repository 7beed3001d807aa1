import { describe, expect, it } from 'vitest';
import { MAX_KEY, Memo, MemoByKind } from './memo.js';

describe('Memo', () => {
  it('computes once per key and counts hits and misses', () => {
    const memo = new Memo<{ n: number }>('test', 4);
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(memo.get('a', compute)).toEqual({ n: 1 });
    expect(memo.get('a', compute)).toEqual({ n: 1 });
    expect(memo.get('b', compute)).toEqual({ n: 2 });
    expect(memo.statistics()).toEqual({ label: 'test', hits: 1, misses: 2, size: 2, max: 4 });
  });

  it('never holds more than its bound; a result used lately stays, one unused for longest is computed again', () => {
    const memo = new Memo<{ key: string }>('test', 4);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      memo.get(key, () => ({ key }));
      memo.get('a', () => ({ key: 'a recomputed' }));
      expect(memo.statistics().size).toBeLessThanOrEqual(4);
    }
    expect(memo.get('a', () => ({ key: 'recomputed' }))).toEqual({ key: 'a' });
    expect(memo.get('b', () => ({ key: 'recomputed' }))).toEqual({ key: 'recomputed' });
  });

  it('does not keep a result for a key longer than MAX_KEY', () => {
    const memo = new Memo<{ n: number }>('test', 8);
    const long = 'x'.repeat(MAX_KEY + 1);
    let calls = 0;
    memo.get(long, () => ({ n: ++calls }));
    memo.get(long, () => ({ n: ++calls }));
    expect(calls).toBe(2);
    expect(memo.statistics().size).toBe(0);
  });
});

describe('MemoByKind', () => {
  it('keeps the same text under two kinds apart, and counts hits and misses', () => {
    const memo = new MemoByKind<{ what: string }>('resolution', 4);
    expect(memo.get('id', 'x', () => ({ what: 'id x' }))).toEqual({ what: 'id x' });
    expect(memo.get('name', 'x', () => ({ what: 'name x' }))).toEqual({ what: 'name x' });
    expect(memo.get('id', 'x', () => ({ what: 'recomputed' }))).toEqual({ what: 'id x' });
    expect(memo.statistics()).toEqual({ label: 'resolution', hits: 1, misses: 2, size: 2, max: 4 });
  });

  it('never holds more than its bound over all kinds; a result used lately stays', () => {
    const memo = new MemoByKind<{ n: number }>('resolution', 4);
    for (let n = 0; n < 20; n++) {
      memo.get(n % 2 ? 'hs' : 'name', String(n), () => ({ n }));
      memo.get('id', 'a', () => ({ n: -1 }));
      expect(memo.statistics().size).toBeLessThanOrEqual(4);
    }
    expect(memo.get('id', 'a', () => ({ n: 99 }))).toEqual({ n: -1 });
    expect(memo.get('name', '0', () => ({ n: 99 }))).toEqual({ n: 99 });
  });

  it('does not keep a result for a text longer than its longest key', () => {
    const memo = new MemoByKind<{ n: number }>('resolution', 8);
    let calls = 0;
    memo.get('name', 'x'.repeat(MAX_KEY + 1), () => ({ n: ++calls }));
    memo.get('name', 'x'.repeat(MAX_KEY + 1), () => ({ n: ++calls }));
    expect(calls).toBe(2);
    expect(memo.statistics().size).toBe(0);
  });
});
