import { describe, expect, it } from 'vitest';
import type { AssessmentResponse } from '@chokepoint/core';
import { AnswerWriter, FieldSelection, NdjsonChunk, ResponseSerializer } from './serialize.js';

const answer: AssessmentResponse = Object.freeze({
  verdict: 'not_controlled',
  date: '2025-01-15',
  item: { resolved: ['gallium/metal'], matchedBy: 'id gallium/metal' },
  jurisdictions: [],
  questions: [],
  advisories: [],
  warnings: [{ code: 'unresolved_item', message: 'non-ASCII — 金属镓' }],
  data: [],
});

function lines(responses: AssessmentResponse[]): unknown[] {
  const s = new ResponseSerializer();
  const chunk = new NdjsonChunk();
  for (const r of responses) s.writeLine(r, chunk);
  const buffer = chunk.toBuffer();
  expect(buffer.length).toBe(chunk.byteLength);
  return buffer.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
}

describe('ResponseSerializer', () => {
  it('writes one JSON line per answer, equal to the answer, for copies that differ in id', () => {
    const copies = [answer, { ...answer, id: 'a' }, { ...answer, id: 'b"c' }];
    expect(lines(copies)).toEqual(copies.map((c) => JSON.parse(JSON.stringify(c))));
  });

  it('never reuses the text of an answer that differs in another field', () => {
    const other = { ...answer, date: '2026-01-01', id: 'b' };
    expect(lines([{ ...answer, id: 'a' }, other])[1]).toEqual(other);
  });
});

describe('AnswerWriter', () => {
  it('writes exactly what JSON.stringify writes, frozen shared parts included, and reuses their text', () => {
    const shared = Object.freeze([Object.freeze({ plugin: 'p', lists: Object.freeze([]) })]);
    const w = new AnswerWriter();
    const a = { id: 'x"1', verdict: 'license_required', skipped: undefined, item: { resolved: ['a'] }, data: shared };
    const b = { id: 'y', verdict: 'not_controlled', data: shared };
    expect(w.text(a)).toBe(JSON.stringify(a));
    expect(w.text(b)).toBe(JSON.stringify(b));
    expect(w.text(answer)).toBe(JSON.stringify(answer));
  });
});

describe('NdjsonChunk', () => {
  it('grows past its first buffer and keeps every byte, multi-byte text included', () => {
    const chunk = new NdjsonChunk();
    const big = `${'x'.repeat(700_000)}\n`;
    const text = `金属镓 — ${'y'.repeat(500_000)}\n`;
    chunk.push(big);
    chunk.push(Buffer.from(text));
    chunk.push(text);
    const expected = Buffer.from(big + text + text);
    expect(chunk.byteLength).toBe(expected.length);
    expect(chunk.toBuffer().equals(expected)).toBe(true);
  });
});

describe('FieldSelection', () => {
  it('writes the same text as JSON.stringify of the projection, frozen parts, undefined and functions included', () => {
    const shared = Object.freeze({ jurisdiction: 'EU', reaches: false, verdict: 'not_controlled', findings: Object.freeze([]) });
    const selection = new FieldSelection('id,verdict,jurisdictions.jurisdiction,jurisdictions.verdict,jurisdictions.licensePolicy,questions.parameter,warnings,extra');
    const answers = [
      { id: 'a"1', verdict: 'license_required', skipped: 1, jurisdictions: [shared, { jurisdiction: 'US', verdict: 'license_required', licensePolicy: 'denial', findings: [1] }], questions: [], warnings: [{ code: 'x', message: 'é' }] },
      { verdict: 'not_controlled', jurisdictions: [shared, shared], questions: [{ parameter: 'p', prompt: 'q' }, undefined], extra: () => 1 },
      { id: undefined, verdict: 'v', jurisdictions: 'not an array', warnings: [undefined, () => 2, null] },
    ];
    for (const a of answers) expect(selection.text(a)).toBe(JSON.stringify(selection.project(a)));
    // The shared part's text is reused: a second answer gets the same text.
    expect(selection.text(answers[1])).toBe(JSON.stringify(selection.project(answers[1])));
  });

  it('keeps only the dotted paths, through arrays, in the answer\'s own order', () => {
    const r = { id: 'a', verdict: 'v', date: 'd', jurisdictions: [{ jurisdiction: 'CN', verdict: 'x', findings: [1] }, { jurisdiction: 'US', verdict: 'y' }] };
    expect(new FieldSelection('jurisdictions.verdict, id').project(r)).toEqual({ id: 'a', jurisdictions: [{ verdict: 'x' }, { verdict: 'y' }] });
    expect(new FieldSelection('nothing,verdict').project(r)).toEqual({ verdict: 'v' });
    expect(() => new FieldSelection(' , ')).toThrow('at least one field');
  });
});
