import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { ValidationError, type FieldError } from './errors.js';
import { MAX_INPUT_DEPTH } from './input-safety.js';
import { echoedId, normalizeRequest } from './request.js';
import { AssessmentRequestSchema, jsonSchemas, requestSchema } from './schema.js';
import { aaPlugin } from './test-support/fixture-plugins.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

const engine = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [aaPlugin()] });
const base = { item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2026-11-28' };

function errorsOf(input: unknown): FieldError[] {
  try {
    engine.assess(input);
  } catch (err) {
    if (err instanceof ValidationError) return err.errors;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('owners and other parties (CONTRACT §2)', () => {
  it('accepts owners, ownersComplete and parties, normalising countries and trimming names', () => {
    const request = normalizeRequest({
      ...base,
      endUser: { name: 'Acme', country: 'us', owners: [{ name: ' Parent Co ', country: 'cn', share: 0.6 }, { name: 'Fund' }], ownersComplete: false },
      parties: [{ role: 'intermediate_consignee', name: 'Hub Trading', country: 'de' }, { role: 'freight_forwarder', name: 'Ship It' }],
    }, { taxonomy: fixtureTaxonomy(), jurisdictions: new Set(['AA']) });
    expect(request.endUser).toEqual({ name: 'Acme', country: 'US', owners: [{ name: 'Parent Co', country: 'CN', share: 0.6 }, { name: 'Fund' }], ownersComplete: false });
    expect(request.parties).toEqual([{ role: 'intermediate_consignee', name: 'Hub Trading', country: 'DE' }, { role: 'freight_forwarder', name: 'Ship It' }]);
  });
  it('names each bad owner and party field and says what was expected', () => {
    const errors = errorsOf({
      ...base,
      endUser: { owners: [{ name: '', share: 1.5 }, { name: 'B', country: 'ZZZ', extra: 1 }, 'x'], ownersComplete: 'yes' },
      parties: [{ role: 'broker', name: 'X' }, { name: 'Y' }],
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath['endUser.owners[2]']).toMatch(/expected an object \{name, country, share\}/);
    expect(byPath['endUser.ownersComplete']).toBe('expected true or false, got "yes"');
    expect(byPath['parties[0].role']).toMatch(/expected one of "purchaser", "intermediate_consignee", "ultimate_consignee", "freight_forwarder", got "broker"/);
    expect(byPath['parties[1].role']).toMatch(/^required: one of/);
  });
  it('checks each owner when the list is well formed', () => {
    const errors = errorsOf({ ...base, endUser: { owners: [{ name: '', share: 1.5 }, { name: 'B', country: 'ZZZ', extra: 1 }] } });
    expect(errors.map((e) => e.path).sort()).toEqual(['endUser.owners[0].name', 'endUser.owners[0].share', 'endUser.owners[1].country', 'endUser.owners[1].extra']);
  });
  it('refuses owner shares that add up to more than 1', () => {
    expect(errorsOf({ ...base, endUser: { owners: [{ name: 'A', share: 0.6 }, { name: 'B', share: 0.6 }] } })).toEqual([
      { path: 'endUser.owners', message: 'shares add up to 1.2000, more than 1' },
    ]);
  });
});

describe('inputs that are unsafe to evaluate, store or hash (hardening #10.3–5)', () => {
  it('refuses a lone surrogate in any text, naming the field', () => {
    expect(errorsOf({ ...base, id: 'a\uD800b' })).toEqual([{ path: 'id', message: 'text is not well-formed Unicode (it contains a lone UTF-16 surrogate)' }]);
    expect(errorsOf({ ...base, item: { name: 'x\uDC00' } }).map((e) => e.path)).toEqual(['item.name']);
    expect(errorsOf({ ...base, parties: [{ role: 'purchaser', name: '\uD83D' }] }).map((e) => e.path)).toEqual(['parties[0].name']);
  });
  it('accepts a correctly paired surrogate (an emoji)', () => {
    expect(engine.assess({ ...base, id: 'ok 😀' }).id).toBe('ok 😀');
  });
  it('refuses NUL in any text field and in field names', () => {
    expect(errorsOf({ ...base, id: 'a\u0000' })).toEqual([{ path: 'id', message: 'text contains a NUL character (U+0000)' }]);
    expect(errorsOf({ ...base, endUser: { name: 'x\u0000y' } }).map((e) => e.path)).toEqual(['endUser.name']);
    const [e] = errorsOf({ ...base, item: { id: 'gallium/metal', 'p\u0000': 1 } });
    expect(e).toEqual({ path: 'item.p\\u0000', message: 'field name: text contains a NUL character (U+0000)' });
  });
  it('refuses prototype keys wherever they appear', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(`{"item":{"id":"gallium/metal","parameters":{"${key}":1}},"from":"AA","to":"US"}`);
      expect(errorsOf(input)).toEqual([{ path: `item.parameters.${key}`, message: `"${key}" is not allowed as a field name` }]);
    }
    expect(errorsOf(JSON.parse('{"__proto__":{"x":1},"item":{"id":"gallium/metal"},"from":"AA","to":"US"}')).map((e) => e.path)).toEqual(['__proto__']);
  });
  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels with the path, without overflowing the stack`, () => {
    const [e] = errorsOf({ ...base, item: nested(5000) });
    expect(e!.message).toBe(`nested deeper than ${MAX_INPUT_DEPTH} levels of objects and arrays`);
    expect(e!.path).toBe(`item${'.a'.repeat(MAX_INPUT_DEPTH - 1)}`);
    const [line] = [...engine.assessMany([{ ...base, item: nested(100_000) }])];
    expect(line).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
  it('refuses an id of every JSON type but string and number, naming id', () => {
    for (const id of [true, false, null, {}, [], [1], { a: 1 }]) expect(errorsOf({ ...base, id })).toEqual([{ path: 'id', message: `expected a string or a number, got ${JSON.stringify(id)}` }]);
    // Echoed as given (CONTRACT §2): a number is not turned into text.
    expect(engine.assess({ ...base, id: 17 }).id).toBe(17);
    expect([echoedId('a'), echoedId(0), echoedId(-1.5), echoedId(Number.NaN), echoedId(Infinity), echoedId(null), echoedId({})]).toEqual(['a', 0, -1.5, undefined, undefined, undefined, undefined]);
    expect(errorsOf({ ...base, id: 'x'.repeat(201) })[0]!.path).toBe('id');
  });
  it('collects a bounded number of problems from one hostile input', () => {
    const errors = errorsOf({ ...base, item: { id: 'gallium/metal', name: Array.from({ length: 1000 }, () => '\u0000') } });
    expect(errors.length).toBe(20);
  });
});

describe('one request schema (#15.3)', () => {
  it('the zod schema and the validator agree on the fields: what one refuses as unknown the other refuses too', () => {
    const good = { ...base, endUser: { name: 'Acme', owners: [{ name: 'P', share: 0.5 }], ownersComplete: true }, parties: [{ role: 'purchaser', name: 'Q' }] };
    expect(AssessmentRequestSchema.safeParse(good).success).toBe(true);
    expect(engine.assess(good).verdict).toEqual(expect.any(String));
    for (const [path, bad] of [['extra', { ...base, extra: 1 }], ['item.colour', { ...base, item: { id: 'gallium/metal', colour: 'red' } }], ['endUser.owners[0].stake', { ...base, endUser: { owners: [{ name: 'P', stake: 1 }] } }]] as const) {
      expect(AssessmentRequestSchema.safeParse(bad).success, path).toBe(false);
      expect(errorsOf(bad).map((e) => e.path)).toEqual([path]);
    }
  });
  it('publishes the request as JSON Schema with its example', () => {
    const schema = jsonSchemas()['assessment-request.schema.json'] as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean; example: unknown };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(requestSchema.shape));
    expect(schema.required).toEqual(['item', 'from', 'to']);
    expect(schema.additionalProperties).toBe(false);
    expect(AssessmentRequestSchema.safeParse(schema.example).success).toBe(true);
  });
});

describe('element shares that add up to more than the whole item (#12.3)', () => {
  it('is a field error naming item.parameters; 100 % and rounding up to 101 % pass; compound keys are not summed', () => {
    expect(errorsOf({ ...base, item: { id: 'gallium/metal', parameters: { 'fraction.W': 0.7, 'fraction.Cu': 0.7 } } })).toEqual([
      { path: 'item.parameters', message: 'the fraction.<Symbol> shares add up to 140 %, more than the whole item; give each element\'s mass fraction (0–1) so that they add up to at most 1' },
    ]);
    const parts = errorsOf({ ...base, item: { id: 'gallium/metal', content: [{ item: { name: 'x', parameters: { 'fraction.Fe': 0.6, 'fraction.Ni': 0.6 } }, origin: 'AA', valueShare: 0.1 }] } });
    expect(parts.map((e) => e.path)).toEqual(['item.content[0].item.parameters']);
    for (const parameters of [{ 'fraction.W': 0.95, 'fraction.Cu': 0.05 }, { 'fraction.W': 0.951, 'fraction.Ni': 0.035, 'fraction.Fe': 0.016 }, { 'fraction.Si': 0.5, 'fraction.SiO2': 0.9 }]) {
      expect(() => engine.assess({ ...base, item: { id: 'gallium/metal', parameters } })).not.toThrow();
    }
  });
});

describe('content parts the item was made with (foreign direct products)', () => {
  const ctx = { taxonomy: fixtureTaxonomy(), jurisdictions: new Set(['AA']) };
  it('reads technology or software named by a list code of product group D or E as no share of value when valueShare is left out', () => {
    const request = normalizeRequest({ ...base, item: { eccn: '1C010.a', content: [{ item: { eccn: '1e001' }, origin: 'us' }, { item: { euCode: '3D001' }, origin: 'US' }, { item: { cnControlCode: '083201x' }, origin: 'CN' }] } }, ctx);
    expect(request.item.content?.map((c) => [c.item.eccn ?? c.item.euCode ?? c.item.cnControlCode, c.origin, c.valueShare])).toEqual([['1E001', 'US', 0], ['3D001', 'US', 0], ['083201X', 'CN', 0]]);
  });
  it('reads goods without a value share as a part of unknown share (undefined), and still refuses a share out of range', () => {
    const request = normalizeRequest({ ...base, item: { eccn: '1C010.a', content: [{ item: { eccn: '1C010.b' }, origin: 'US' }, { item: { id: 'gallium/metal' }, origin: 'AA', valueShare: 0.2 }] } }, ctx);
    expect(request.item.content?.map((c) => c.valueShare)).toEqual([undefined, 0.2]);
    const errors = errorsOf({ ...base, item: { eccn: '1C010.a', content: [{ item: { eccn: '1C010.b' }, origin: 'US', valueShare: 1.2 }] } });
    expect(errors).toEqual([{ path: 'item.content[0].valueShare', message: 'expected a share of value between 0 and 1, or no valueShare when it is not known, got 1.2' }]);
  });
});

describe('a country written as a name or an alpha-3 code', () => {
  it('is refused, and the error names the alpha-2 code the taxonomy says was meant', () => {
    expect(errorsOf({ ...base, from: 'China', to: 'USA' })).toEqual([
      { path: 'from', message: 'expected an ISO 3166-1 alpha-2 country code such as "CN", got "China" (did you mean "CN"?)' },
      { path: 'to', message: 'expected an ISO 3166-1 alpha-2 country code such as "CN", got "USA" (did you mean "US"?)' },
    ]);
    expect(errorsOf({ ...base, from: 'Atlantis' })).toEqual([{ path: 'from', message: 'expected an ISO 3166-1 alpha-2 country code such as "CN", got "Atlantis"' }]);
  });
});

describe('identifiers as people write them', () => {
  it('reads a CAS number written without hyphens, still checking its check digit', () => {
    const normalized = normalizeRequest({ ...base, item: { cas: '7440553' } }, { taxonomy: fixtureTaxonomy(), jurisdictions: new Set(['AA']) });
    expect(normalized.item.cas).toBe('7440-55-3');
    expect(errorsOf({ ...base, item: { cas: '7440554' } })).toEqual([{ path: 'item.cas', message: expect.stringContaining('hyphens optional') }]);
  });
  it('refuses UK and EL, naming the ISO code meant', () => {
    expect(errorsOf({ ...base, to: 'UK' })).toEqual([{ path: 'to', message: 'unknown country code "UK" (ISO 3166-1 writes it GB); expected an ISO 3166-1 alpha-2 code' }]);
    expect(errorsOf({ ...base, to: 'el' })[0]!.message).toContain('(ISO 3166-1 writes it GR)');
    expect(errorsOf({ ...base, to: 'QQ' })[0]!.message).toBe('unknown country code "QQ"; expected an ISO 3166-1 alpha-2 code');
  });
});
