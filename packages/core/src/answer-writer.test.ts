import { describe, expect, it } from 'vitest';
import { AnswerWriter } from './answer-writer.js';

describe('AnswerWriter', () => {
  const shared = Object.freeze([Object.freeze({ plugin: 'p', lists: Object.freeze([]) })]);

  it('writes exactly what JSON.stringify writes, frozen shared parts included, and reuses their text', () => {
    const w = new AnswerWriter();
    const a = { id: 'x"1', verdict: 'license_required', skipped: undefined, item: { resolved: ['a'] }, data: shared };
    const b = { id: 'y', verdict: 'not_controlled', data: shared, jurisdictions: [shared[0], { plugin: 'q', n: [1, undefined] }, undefined] };
    expect(w.text(a)).toBe(JSON.stringify(a));
    expect(w.text(b)).toBe(JSON.stringify(b));
    expect(w.text(a)).toBe(JSON.stringify(a));
  });

  it('leaves out the field it is told to, as a copy without it would read, frozen answers included', () => {
    const w = new AnswerWriter();
    const a = { verdict: 'license_required', id: 'x', data: shared, nested: { id: 'kept' } };
    expect(w.text(a, 'id')).toBe(JSON.stringify({ ...a, id: undefined }));
    expect(w.text(a, 'id')).not.toContain('"x"');
    expect(w.text(a, 'id')).toContain('"kept"');
    const frozen = Object.freeze({ id: 'f', verdict: 'not_controlled', data: shared });
    expect(w.text(frozen)).toBe(JSON.stringify(frozen));
    expect(w.text(frozen, 'id')).toBe(JSON.stringify({ ...frozen, id: undefined }));
    expect(w.text(frozen)).toBe(JSON.stringify(frozen));
  });
});
