import { describe, expect, it } from 'vitest';
import type { AssessmentResponse } from '@chokepoint/core';
import { NdjsonChunk, ResponseSerializer } from './serialize.js';

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
