import type { AssessmentRequest, ItemRef, Question } from '@chokepoint/core';
import { ITEM_FIELDS, type ItemChoice, type ItemField } from './components/ItemSearch.js';

/** Another party to the transfer (CONTRACT §2 `parties`), screened like the end user. */
export interface PartyRow {
  role: string;
  name: string;
  country: string;
}

/** An owner of the end user (CONTRACT §2 `endUser.owners`), for ownership rules; `share` is 0–1. */
export interface OwnerRow {
  name: string;
  country: string;
  share: string;
}

/** The roles a party may have (CONTRACT §2). */
export const PARTY_ROLES = ['purchaser', 'intermediate_consignee', 'ultimate_consignee', 'freight_forwarder'] as const;

/**
 * The assess form's state as URL parameters, and back. Keys: `item` (taxonomy ID) or one of the
 * other ItemRef identifiers (`hs`, `cnCode`, `codes.JP`, …; several may be given), `from`, `to`,
 * `date`, `transfer`, `endUse`, `endUser.name|country|type`, `endUser.ownersComplete`,
 * `owner.N.name|country|share`, `party.N.role|name|country`, `origin`, `param.NAME`, and `label`
 * (the item's display name).
 */
export interface AssessForm {
  /** The identifier the item box holds. */
  item?: ItemChoice;
  /** Further identifiers of the item by ItemRef field (`hs`, `eccn`, `codes.JP` …); several make matching more precise. */
  ids: Record<string, string>;
  from: string;
  to: string;
  date: string;
  transfer: string;
  endUse: string;
  endUserName: string;
  endUserCountry: string;
  endUserType: string;
  owners: OwnerRow[];
  ownersComplete: boolean;
  parties: PartyRow[];
  origin: string;
  parameters: [string, string][];
}

const keyOf = (field: ItemField) => (field === 'id' ? 'item' : field);
const CODES = /^codes\.([A-Za-z][A-Za-z0-9-]{1,15})$/;

/** Identifier fields the URL holds, in its order: the first is the item box's (paramsFromForm writes it first). */
function idFields(p: URLSearchParams): ItemField[] {
  const keys = [...new Set(p.keys())].filter((k) => p.get(k) && (k === 'item' || (k !== 'id' && (ITEM_FIELDS.includes(k as ItemField) || CODES.test(k)))));
  return keys.map((k) => (k === 'item' ? 'id' : k) as ItemField);
}

/** Rows `prefix.N.field` of the URL, in index order. */
function rowsOf<T extends object>(p: URLSearchParams, prefix: string, empty: () => T): T[] {
  const rows = new Map<number, T>();
  for (const [k, v] of p) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.(\\w+)$`).exec(k);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? empty();
    if (m[2]! in row) (row as Record<string, string>)[m[2]!] = v;
    rows.set(Number(m[1]), row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

export const emptyOwner = (): OwnerRow => ({ name: '', country: '', share: '' });
export const emptyParty = (): PartyRow => ({ role: 'intermediate_consignee', name: '', country: '' });

export function formFromParams(p: URLSearchParams, today: string): AssessForm {
  const [field, ...others] = idFields(p);
  const label = p.get('label') ?? undefined;
  return {
    item: field ? { field, value: p.get(keyOf(field))!, ...(label && field === 'id' ? { label } : {}) } : undefined,
    ids: Object.fromEntries(others.map((f) => [f, p.get(keyOf(f))!])),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    date: p.get('date') ?? today,
    transfer: p.get('transfer') ?? 'goods',
    endUse: p.get('endUse') ?? '',
    endUserName: p.get('endUser.name') ?? '',
    endUserCountry: p.get('endUser.country') ?? '',
    endUserType: p.get('endUser.type') ?? '',
    owners: rowsOf(p, 'owner', emptyOwner),
    ownersComplete: p.get('endUser.ownersComplete') === 'true',
    parties: rowsOf(p, 'party', emptyParty),
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
  for (const [field, value] of Object.entries(f.ids)) if (field !== f.item?.field) set(keyOf(field as ItemField), value.trim());
  set('from', f.from);
  set('to', f.to);
  set('date', f.date);
  if (f.transfer !== 'goods') set('transfer', f.transfer);
  set('endUse', f.endUse);
  set('endUser.name', f.endUserName);
  set('endUser.country', f.endUserCountry);
  set('endUser.type', f.endUserType);
  f.owners.filter((o) => o.name || o.country || o.share).forEach((o, i) => Object.entries(o).forEach(([k, v]) => set(`owner.${i}.${k}`, v)));
  if (f.ownersComplete) set('endUser.ownersComplete', 'true');
  f.parties.filter((r) => r.name || r.country).forEach((r, i) => Object.entries(r).forEach(([k, v]) => set(`party.${i}.${k}`, v)));
  set('origin', f.origin);
  for (const [name, value] of f.parameters) if (name && value !== '') p.set(`param.${name}`, value);
  return p;
}

/** Whether the form says enough to ask the server. */
export const isComplete = (f: AssessForm): boolean => !!(f.item && f.from && f.to);

/** A number typed in a form, or the text as typed when it is not one, so that the server names the field. */
const numberOr = (v: string): number | string => (v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);

/** The ItemRef identifiers of the form: the item box's and the further ones, regimes' codes under `codes`. */
export function itemIdentifiers(f: Pick<AssessForm, 'item' | 'ids'>): ItemRef {
  const item: Record<string, unknown> = {};
  const pairs = [...(f.item ? [[f.item.field, f.item.value] as const] : []), ...Object.entries(f.ids)];
  for (const [field, value] of pairs) {
    if (!value.trim() || (field in item && field !== f.item?.field)) continue;
    const code = CODES.exec(field);
    if (code) item.codes = { ...(item.codes as object), [code[1]!]: value.trim() };
    else item[field] ??= value.trim();
  }
  return item as ItemRef;
}

/** The contract's request (CONTRACT §2) for the form; parameters that are not numbers are sent as typed so the server names them. */
export function requestFromForm(f: AssessForm): AssessmentRequest {
  const item = itemIdentifiers(f);
  if (f.parameters.length) item.parameters = Object.fromEntries(f.parameters.map(([k, v]) => [k, numberOr(v)])) as Record<string, number>;
  if (f.origin) item.origin = f.origin;
  const request: AssessmentRequest = { item, from: f.from, to: f.to, date: f.date };
  if (f.transfer && f.transfer !== 'goods') request.transfer = f.transfer as AssessmentRequest['transfer'];
  if (f.endUse) request.endUse = f.endUse as AssessmentRequest['endUse'];
  const owners = f.owners.filter((o) => o.name || o.country || o.share);
  if (f.endUserName || f.endUserCountry || f.endUserType || owners.length || f.ownersComplete) {
    request.endUser = {
      ...(f.endUserName ? { name: f.endUserName } : {}),
      ...(f.endUserCountry ? { country: f.endUserCountry } : {}),
      ...(f.endUserType ? { type: f.endUserType } : {}),
      ...(owners.length ? { owners: owners.map((o) => ({ ...(o.name ? { name: o.name } : {}), ...(o.country ? { country: o.country } : {}), ...(o.share ? { share: numberOr(o.share) } : {}) })) } : {}),
      ...(f.ownersComplete ? { ownersComplete: true } : {}),
    } as AssessmentRequest['endUser'];
  }
  const parties = f.parties.filter((r) => r.name || r.country);
  if (parties.length) request.parties = parties.map((r) => ({ role: r.role, ...(r.name ? { name: r.name } : {}), ...(r.country ? { country: r.country } : {}) })) as AssessmentRequest['parties'];
  return request;
}

/**
 * The form for a request as the contract writes it (CONTRACT §2; a stored audit record's), the inverse of
 * {@link requestFromForm} for what the form can hold: so that a recorded request can be opened and asked again.
 */
export function formFromRequest(r: Partial<AssessmentRequest>, today: string): AssessForm {
  const item = (r.item ?? {}) as Record<string, unknown>;
  const identifiers: [ItemField, string][] = [];
  for (const field of ITEM_FIELDS) {
    const code = CODES.exec(field);
    const value = code ? (item.codes as Record<string, unknown> | undefined)?.[code[1]!] : item[field];
    if (typeof value === 'string' && value) identifiers.push([field, value]);
  }
  for (const [j, value] of Object.entries((item.codes as Record<string, unknown> | undefined) ?? {})) {
    if (typeof value === 'string' && !identifiers.some(([f]) => f === `codes.${j}`)) identifiers.push([`codes.${j}`, value]);
  }
  const [first, ...others] = identifiers;
  const endUser = r.endUser ?? {};
  return {
    item: first ? { field: first[0], value: first[1] } : undefined,
    ids: Object.fromEntries(others),
    from: r.from ?? '',
    to: r.to ?? '',
    date: r.date ?? today,
    transfer: r.transfer ?? 'goods',
    endUse: r.endUse ?? '',
    endUserName: endUser.name ?? '',
    endUserCountry: endUser.country ?? '',
    endUserType: endUser.type ?? '',
    owners: (endUser.owners ?? []).map((o) => ({ name: o.name ?? '', country: o.country ?? '', share: o.share === undefined ? '' : String(o.share) })),
    ownersComplete: endUser.ownersComplete === true,
    parties: (r.parties ?? []).map((x) => ({ role: x.role ?? '', name: x.name ?? '', country: x.country ?? '' })),
    origin: typeof item.origin === 'string' ? item.origin : '',
    parameters: Object.entries((item.parameters as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, String(v)]),
  };
}

/** Request fields a question may name, other than technical parameters and item identifiers. */
export const REQUEST_FIELD_QUESTIONS: Record<string, keyof AssessForm> = {
  endUse: 'endUse',
  transfer: 'transfer',
  origin: 'origin',
  'endUser.type': 'endUserType',
  'endUser.name': 'endUserName',
  'endUser.country': 'endUserCountry',
  endUser: 'endUserName',
};

/** Questions answered by a part of the form rather than one value (the owners table). */
export const FORM_SECTION_QUESTIONS: Record<string, { section: string; words: string }> = {
  'endUser.owners': { section: 'owners', words: "Give the end user's owners (name, country, share) in the form above and say whether the list is complete." },
  'endUser.ownersComplete': { section: 'owners', words: "Say in the form above whether the end user's owners are listed completely." },
  parties: { section: 'parties', words: 'Name the other parties in the form above.' },
};

/**
 * The part of the form that answers a question, if one does: the owners table, or the parties table for a question on
 * one of the other parties (`parties[1].country`, `parties[0].name (purchaser)`), whose answer is text, never an item parameter.
 */
export function formSectionFor(parameter: string): { section: string; words: string } | undefined {
  if (/^parties\[\d+\]/.test(parameter)) return { section: 'parties', words: 'Answer it in the parties table of the form above (the party\'s name or country).' };
  return FORM_SECTION_QUESTIONS[parameter];
}

/**
 * The form with the answers to the answer's questions filled in. An item identifier (`item.eccn`, or a regime's list
 * entry chosen for its `item` question, `item@CN`, by the field that carries the regime's codes) replaces the item
 * box's value when the box holds that kind of identifier, and is added beside it otherwise.
 */
export function withAnswers(form: AssessForm, answers: Record<string, string>, codeFields: Record<string, ItemField | undefined> = {}): AssessForm {
  const next = { ...form, parameters: [...form.parameters] };
  const setIdentifier = (field: ItemField, value: string) => {
    if (next.item?.field === field) next.item = { field, value };
    else next.ids = { ...next.ids, [field]: value };
  };
  for (const [parameter, value] of Object.entries(answers)) {
    if (value === '') continue;
    const field = REQUEST_FIELD_QUESTIONS[parameter];
    const regime = /^item@(.+)$/.exec(parameter)?.[1];
    if (field) (next as unknown as Record<string, string>)[field] = value;
    else if (regime !== undefined) {
      const codeField = codeFields[regime];
      if (codeField) setIdentifier(codeField, value);
    } else if (parameter.startsWith('item.') && ITEM_FIELDS.includes(parameter.slice(5) as ItemField)) setIdentifier(parameter.slice(5) as ItemField, value);
    else next.parameters = [...next.parameters.filter(([n]) => n !== parameter), [parameter, value]];
  }
  return next;
}

/**
 * The key a question's answer is kept under: its parameter, except for a regime's `item` question (which of its listed
 * entries the item is), kept per regime (`item@CN`) since each regime lists the item under codes of its own.
 */
export const answerKey = (q: Pick<Question, 'parameter' | 'jurisdiction'>): string => (q.parameter === 'item' && q.jurisdiction ? `item@${q.jurisdiction}` : q.parameter);

/** A listed entry offered by an `item` question ("1C904.a Terbium metal; …") as the code that names it, if it has one. */
export function entryCode(candidate: string): string | undefined {
  const first = candidate.split(/\s/, 1)[0]!;
  return /\d/.test(first) ? first : undefined;
}

/**
 * A question answered by yes or no: a fact parameter the plugins take as 1 or 0, offered as such (its candidates are
 * exactly 1 and 0, or its prompt asks for "1 when … 0 when …") rather than as a number to type.
 */
export function yesNo(q: Pick<Question, 'candidates' | 'prompt'>): boolean {
  if (q.candidates?.length) return q.candidates.length === 2 && q.candidates.includes('1') && q.candidates.includes('0');
  return /\b1 when\b[\s\S]*\b0 when\b/.test(q.prompt) || /\b1 if\b[\s\S]*\b0 if\b/.test(q.prompt);
}
