import type { AssessmentRequest, ItemRef } from '@chokepoint/core';
import { ITEM_FIELDS, type ItemChoice, type ItemField } from './components/ItemSearch.js';

/**
 * The assess form's state as URL parameters, and back. Keys: `item` (taxonomy ID) or one of the
 * other ItemRef identifiers (`hs`, `cnCode`, …), `from`, `to`, `date`, `transfer`, `endUse`,
 * `endUser.name|country|type`, `origin`, `param.NAME`, and `label` (the item's display name).
 */
export interface AssessForm {
  item?: ItemChoice;
  from: string;
  to: string;
  date: string;
  transfer: string;
  endUse: string;
  endUserName: string;
  endUserCountry: string;
  endUserType: string;
  origin: string;
  parameters: [string, string][];
}

const keyOf = (field: ItemField) => (field === 'id' ? 'item' : field);

export function formFromParams(p: URLSearchParams, today: string): AssessForm {
  const field = ITEM_FIELDS.find((f) => p.get(keyOf(f)));
  const label = p.get('label') ?? undefined;
  return {
    item: field ? { field, value: p.get(keyOf(field))!, ...(label ? { label } : {}) } : undefined,
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    date: p.get('date') ?? today,
    transfer: p.get('transfer') ?? 'goods',
    endUse: p.get('endUse') ?? '',
    endUserName: p.get('endUser.name') ?? '',
    endUserCountry: p.get('endUser.country') ?? '',
    endUserType: p.get('endUser.type') ?? '',
    origin: p.get('origin') ?? '',
    parameters: [...p].filter(([k]) => k.startsWith('param.')).map(([k, v]) => [k.slice(6), v]),
  };
}

export function paramsFromForm(f: AssessForm): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined) => v && p.set(k, v);
  if (f.item) {
    set(keyOf(f.item.field), f.item.value);
    if (f.item.field === 'id') set('label', f.item.label);
  }
  set('from', f.from);
  set('to', f.to);
  set('date', f.date);
  if (f.transfer !== 'goods') set('transfer', f.transfer);
  set('endUse', f.endUse);
  set('endUser.name', f.endUserName);
  set('endUser.country', f.endUserCountry);
  set('endUser.type', f.endUserType);
  set('origin', f.origin);
  for (const [name, value] of f.parameters) if (name && value !== '') p.set(`param.${name}`, value);
  return p;
}

/** Whether the form says enough to ask the server. */
export const isComplete = (f: AssessForm): boolean => !!(f.item && f.from && f.to);

/** The contract's request (CONTRACT §2) for the form; parameters that are not numbers are sent as typed so the server names them. */
export function requestFromForm(f: AssessForm): AssessmentRequest {
  const item: ItemRef = { [f.item!.field]: f.item!.value } as ItemRef;
  if (f.parameters.length) item.parameters = Object.fromEntries(f.parameters.map(([k, v]) => [k, v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v])) as Record<string, number>;
  if (f.origin) item.origin = f.origin;
  const request: AssessmentRequest = { item, from: f.from, to: f.to, date: f.date };
  if (f.transfer && f.transfer !== 'goods') request.transfer = f.transfer as AssessmentRequest['transfer'];
  if (f.endUse) request.endUse = f.endUse as AssessmentRequest['endUse'];
  if (f.endUserName || f.endUserCountry || f.endUserType) {
    request.endUser = {
      ...(f.endUserName ? { name: f.endUserName } : {}),
      ...(f.endUserCountry ? { country: f.endUserCountry } : {}),
      ...(f.endUserType ? { type: f.endUserType as NonNullable<AssessmentRequest['endUser']>['type'] } : {}),
    } as AssessmentRequest['endUser'];
  }
  return request;
}

/** Request fields a question may name, other than technical parameters. */
export const REQUEST_FIELD_QUESTIONS: Record<string, keyof AssessForm> = {
  endUse: 'endUse',
  transfer: 'transfer',
  origin: 'origin',
  'endUser.type': 'endUserType',
  'endUser.name': 'endUserName',
  'endUser.country': 'endUserCountry',
  endUser: 'endUserName',
};
