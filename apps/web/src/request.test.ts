import { describe, expect, test } from 'vitest';
import { readingsOf } from './components/ItemSearch.js';
import { entryStatusOn, langOf, statusBeganUnverified } from './format.js';
import { answerKey, entryCode, formFromParams, formFromRequest, yesNo, formSectionFor, itemIdentifiers, paramsFromForm, requestFromForm, withAnswers } from './request.js';

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

describe('answers to the questions of an answer', () => {
  const form = (query: string) => formFromParams(new URLSearchParams(query), '2026-01-01');
  test('an item identifier the item box holds is replaced, so the next request differs (item.eccn for an ECCN given)', () => {
    const next = withAnswers(form('eccn=3A001&from=US&to=CN&date=2025-06-01'), { 'item.eccn': '3A001.b.2', 'ear.civilTelecom': '0' });
    expect(paramsFromForm(next).get('eccn')).toBe('3A001.b.2');
    expect(requestFromForm(next).item).toEqual({ eccn: '3A001.b.2', parameters: { 'ear.civilTelecom': 0 } });
  });
  test('another identifier is added beside the item box\'s', () => {
    const next = withAnswers(form('item=magnets/ndfeb&from=CN&to=DE&date=2026-12-07'), { 'item.eccn': '1C999' });
    expect(requestFromForm(next).item).toEqual({ id: 'magnets/ndfeb', eccn: '1C999' });
  });
  test('a regime\'s item question is answered with a listed entry\'s code, in the field that carries that regime\'s codes, never as a parameter', () => {
    const next = withAnswers(form('item=magnets/ndfeb&from=CN&to=DE&date=2026-12-07'), { 'item@CN': '1C904.a' }, { CN: 'cnControlCode', JP: 'codes.JP' });
    expect(requestFromForm(next).item).toEqual({ id: 'magnets/ndfeb', cnControlCode: '1C904.a' });
    expect(requestFromForm(withAnswers(form('item=magnets/ndfeb&from=JP&to=CN&date=2026-12-07'), { 'item@JP': '2(7)' }, { JP: 'codes.JP' })).item).toEqual({ id: 'magnets/ndfeb', codes: { JP: '2(7)' } });
    // A regime whose codes no field carries: the answer is dropped rather than sent as a number.
    expect(requestFromForm(withAnswers(form('item=magnets/ndfeb&from=CN&to=DE&date=2026-12-07'), { 'item@XX': '1A' })).item).toEqual({ id: 'magnets/ndfeb' });
  });
  test('a listed entry offered by an item question gives its code; one without a code gives none', () => {
    expect(entryCode('1C904.a Terbium metal; Tb-Co alloys')).toBe('1C904.a');
    expect(entryCode('Rare-earth magnets')).toBeUndefined();
    expect(answerKey({ parameter: 'item', jurisdiction: 'CN' })).toBe('item@CN');
    expect(answerKey({ parameter: 'purity', jurisdiction: 'CN' })).toBe('purity');
  });
});

describe('a status that began after the data was verified', () => {
  const timeline = [{ from: null, to: '2025-11-09' }, { from: '2025-11-10', to: '2026-11-10' }, { from: '2026-11-11', to: null }];
  test('is the day it began when that is after the verified-through date; undefined otherwise', () => {
    expect(statusBeganUnverified(timeline, '2026-12-07', '2026-07-24')).toBe('2026-11-11');
    expect(statusBeganUnverified(timeline, '2026-01-01', '2026-07-24')).toBeUndefined();
    expect(statusBeganUnverified(timeline, '2026-12-07', '2026-11-30')).toBeUndefined();
    expect(statusBeganUnverified(timeline, '2026-12-07', undefined)).toBeUndefined();
  });
});

describe('an entry\'s own status on a date', () => {
  const clause2 = { suspensions: [{ from: '2025-11-09', to: '2026-11-27' }] };
  test('is suspended inside its own suspension, and follows its measure outside it', () => {
    expect(entryStatusOn(clause2, '2026-01-15')).toEqual({ status: 'suspended' });
    expect(entryStatusOn(clause2, '2026-11-27')).toEqual({ status: 'suspended' });
    expect(entryStatusOn(clause2, '2026-11-28')).toBeUndefined();
    expect(entryStatusOn({ effective: { from: '2025-10-09', to: null } }, '2025-01-01')).toEqual({ status: 'not_yet_in_force' });
    expect(entryStatusOn({}, '2025-01-01')).toBeUndefined();
  });
});

describe('a recorded request opened in the form', () => {
  test('gives back the same request (what the form can hold)', () => {
    const request = {
      item: { id: 'gallium/metal', hs: '8112.92', codes: { JP: '2(24)' }, parameters: { purity: 0.9999 }, origin: 'CN' },
      from: 'CN', to: 'US', date: '2025-06-01', transfer: 'technology' as const, endUse: 'civil' as const,
      endUser: { name: 'Acme Semiconductor Inc', country: 'US', type: 'commercial' as const, owners: [{ name: 'Lee Holdings', country: 'CN', share: 0.3 }], ownersComplete: true },
      parties: [{ role: 'intermediate_consignee' as const, name: 'Harbour Trading', country: 'AE' }],
    };
    const form = formFromRequest(request, '2026-01-01');
    expect(form.item).toEqual({ field: 'id', value: 'gallium/metal' });
    expect(requestFromForm(form)).toEqual(request);
    expect(formFromParams(paramsFromForm(form), '2026-01-01')).toEqual({ ...form, item: { field: 'id', value: 'gallium/metal' } });
  });
});

describe('a yes-or-no question', () => {
  test('is one whose candidates are 1 and 0, or whose prompt asks for 1 when … 0 when …', () => {
    expect(yesNo({ prompt: 'Is it? ', candidates: ['1', '0'] })).toBe(true);
    expect(yesNo({ prompt: 'Give item.parameters["ear.civilTelecom"]: 1 when they are for civil telecommunications, 0 when not.' })).toBe(true);
    expect(yesNo({ prompt: 'What is the end use?', candidates: ['civil', 'military'] })).toBe(false);
    expect(yesNo({ prompt: 'What is the purity, 0–1?' })).toBe(false);
  });
});
