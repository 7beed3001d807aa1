import { describe, expect, test } from 'vitest';
import { readingsOf } from './components/ItemSearch.js';
import { formFromParams, paramsFromForm, requestFromForm } from './request.js';

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

describe('what typed text can be', () => {
  test.each([
    ['7440-55-3', ['cas']],
    ['1C902.a', ['cnControlCode', 'eccn', 'euCode']],
    ['8112929010', ['cnCode', 'hs']],
    ['8112.92', ['hs']],
    ['金属镓', ['name']],
    ['', []],
  ])('%s reads as %j', (text, fields) => {
    expect(readingsOf(text).map((r) => r.field)).toEqual(fields);
  });
});
