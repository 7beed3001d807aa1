import { describe, expect, it } from 'vitest';
import { MAX_KEY, Memo } from './memo.js';

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
