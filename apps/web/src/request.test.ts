import { describe, expect, test } from 'vitest';
import { readingsOf } from './components/ItemSearch.js';
import { langOf } from './format.js';
import { formFromParams, formSectionFor, itemIdentifiers, paramsFromForm, requestFromForm } from './request.js';

describe('the assess URL', () => {
  test('round-trips the form and builds the contract request from it', () => {
    const params = new URLSearchParams('item=gallium/metal&label=Gallium metal&from=CN&to=US&date=2025-01-15&endUse=military&endUser.name=Acme&endUser.type=commercial&param.purity=0.9999');
    const form = formFromParams(params, '2026-01-01');
    expect(paramsFromForm(form).toString()).toBe(params.toString());
    expect(requestFromForm(form)).toEqual({
      item: { id: 'gallium/metal', parameters: { purity: 0.9999 } },
      from: 'CN',
      to: 'US',
      date: '2025-01-15',
      endUse: 'military',
      endUser: { name: 'Acme', type: 'commercial' },
    });
  });

  test('defaults the date to the given day and the transfer to goods', () => {
    const form = formFromParams(new URLSearchParams('hs=8112.92&from=CN&to=DE'), '2026-03-04');
    expect(requestFromForm(form)).toEqual({ item: { hs: '8112.92' }, from: 'CN', to: 'DE', date: '2026-03-04' });
  });

  test('sends a parameter that is not a number as typed, so that the server names it', () => {
    const form = formFromParams(new URLSearchParams('item=gallium/metal&from=CN&to=US&param.purity=high'), '2026-01-01');
    expect(requestFromForm(form).item.parameters).toEqual({ purity: 'high' });
  });
});

describe('identifiers, parties and owners in the URL', () => {
  test('a regime code, further identifiers, parties and owners round-trip and make the contract request', () => {
    const params = new URLSearchParams('codes.JP=2(24)&hs=2805.19&eccn=1C226&from=JP&to=CN&date=2026-06-01&endUser.name=Acme&owner.0.name=Huawei&owner.0.country=CN&owner.0.share=0.6&endUser.ownersComplete=true&party.0.role=freight_forwarder&party.0.name=Skydio Inc.&party.0.country=US');
    const form = formFromParams(params, '2026-01-01');
    expect(form.item).toEqual({ field: 'codes.JP', value: '2(24)' });
    expect(form.ids).toEqual({ hs: '2805.19', eccn: '1C226' });
    expect(new Set(paramsFromForm(form))).toEqual(new Set(params));
    expect(requestFromForm(form)).toEqual({
      item: { codes: { JP: '2(24)' }, hs: '2805.19', eccn: '1C226' },
      from: 'JP',
      to: 'CN',
      date: '2026-06-01',
      endUser: { name: 'Acme', owners: [{ name: 'Huawei', country: 'CN', share: 0.6 }], ownersComplete: true },
      parties: [{ role: 'freight_forwarder', name: 'Skydio Inc.', country: 'US' }],
    });
  });

  test('empty party and owner rows are left out; a share that is not a number is sent as typed', () => {
    const form = formFromParams(new URLSearchParams('item=gallium/metal&from=CN&to=US&owner.0.name=X&owner.0.share=half'), '2026-01-01');
    form.parties.push({ role: 'purchaser', name: '', country: '' });
    const request = requestFromForm(form);
    expect(request.endUser).toEqual({ owners: [{ name: 'X', share: 'half' }] });
    expect(request).not.toHaveProperty('parties');
    expect(paramsFromForm(form).toString()).toBe('item=gallium%2Fmetal&from=CN&to=US&date=2026-01-01&owner.0.name=X&owner.0.share=half');
  });

  test('the item box identifier wins over the same field among the further identifiers', () => {
    expect(itemIdentifiers({ item: { field: 'hs', value: '8112.92' }, ids: { hs: '2805', 'codes.JP': ' 2(24) ' } })).toEqual({ hs: '8112.92', codes: { JP: '2(24)' } });
  });
});

describe('what typed text can be', () => {
  test.each([
    ['7440-55-3', ['cas']],
    ['1C902.a', ['cnControlCode', 'eccn', 'euCode']],
    ['8112929010', ['cnCode', 'hs']],
    ['8112.92', ['hs']],
    ['金属镓', ['name']],
    ['2(24)', ['codes.JP']],
    ['4(15).2', ['codes.JP']],
    ['2（24）', ['codes.JP']],
    ['', []],
  ])('%s reads as %j', (text, fields) => {
    expect(readingsOf(text).map((r) => r.field)).toEqual(fields);
  });
});

describe('the language of a text', () => {
  test.each([
    ['不可靠实体清单', 'zh'],
    ['外国ユーザーリスト', 'ja'],
    ['METI End User List', undefined],
  ])('%s is %s', (text, lang) => {
    expect(langOf(text)).toBe(lang);
  });
});

describe('questions the form answers', () => {
  test('a question on another party points to the parties table, never to an item parameter', () => {
    expect(formSectionFor('parties[1].country')?.section).toBe('parties');
    expect(formSectionFor('parties[0].name (purchaser)')?.section).toBe('parties');
    expect(formSectionFor('endUser.owners')?.section).toBe('owners');
    expect(formSectionFor('ear.uvlStatementHeld')).toBeUndefined();
    expect(formSectionFor('endUser.country')).toBeUndefined();
  });
});
