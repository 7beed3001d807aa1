import { isSoftwareOrTechnologyCode, normalizeCas, normalizeCnCode, normalizeHs, normalizeListCode, normalizeSchemeCode, notACountryMessage } from './codes.js';
import { isIsoDate, todayUtc } from './dates.js';
import { shownValue as show, ValidationError, type FieldError } from './errors.js';
import { inputSafetyProblems } from './input-safety.js';
import { fillSynonyms } from './parameter-synonyms.js';
import { requestSchema, ContentShareSchema, EndUserSchema, EndUseSchema, EndUserTypeSchema, ItemRefSchema, OwnerSchema, PartyRoleSchema, PartySchema, TransferSchema } from './schema.js';
import type { TaxonomyView } from './taxonomy.js';
import type { AssessmentRequest, ContentShare, EndUse, EndUser, EndUserType, ItemRef, NormalizedRequest, Owner, Party, PartyRole, TransferType } from './types.js';

// Field names and enum values come from the one request schema (schema.ts), so the validator, the JSON
// Schema files and the OpenAPI document cannot drift apart.
const TRANSFERS: readonly TransferType[] = TransferSchema.options;
const END_USES: readonly EndUse[] = EndUseSchema.options;
const END_USER_TYPES: readonly EndUserType[] = EndUserTypeSchema.options;
const PARTY_ROLES: readonly PartyRole[] = PartyRoleSchema.options;
const fieldsOf = (schema: { shape: object }): ReadonlySet<string> => new Set(Object.keys(schema.shape));
const REQUEST_FIELDS = fieldsOf(requestSchema);
const ITEM_FIELDS = fieldsOf(ItemRefSchema);
const CONTENT_FIELDS = fieldsOf(ContentShareSchema);
const END_USER_FIELDS = fieldsOf(EndUserSchema);
const OWNER_FIELDS = fieldsOf(OwnerSchema);
const PARTY_FIELDS = fieldsOf(PartySchema);
/** More owners or parties than any real transfer names; a bound keeps one request's work small. */
const MAX_LISTED = 100;
const MAX_ID_LENGTH = 200;
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;

/** What request validation needs to know about the host. */
export interface RequestContext {
  taxonomy: TaxonomyView;
  jurisdictions: ReadonlySet<string>;
  /** Date used when the request has none; default today (UTC). */
  defaultDate?: string;
  /** Code schemes of installed plugins by jurisdiction, which `item.codes.<jurisdiction>` must follow. */
  codeSchemes?: ReadonlyMap<string, CodeFormat>;
}

/** What a well-formed code of a plugin's own scheme looks like. */
export interface CodeFormat {
  pattern: RegExp;
  example: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkUnknown(obj: Record<string, unknown>, allowed: ReadonlySet<string>, path: string, errors: FieldError[]): void {
  // for-in rather than Object.keys: no array of keys per object of every request. The input passed the safety walk,
  // which reads keys the same way (own keys of a parsed object; nothing enumerable on its prototype).
  for (const key in obj) {
    if (!allowed.has(key)) errors.push({ path: path ? `${path}.${key}` : key, message: `unknown field; expected one of ${[...allowed].join(', ')}` });
  }
}

const isUpperLetter = (c: number): boolean => c >= 65 && c <= 90;

function country(v: unknown, path: string, ctx: RequestContext, errors: FieldError[], required: boolean): string | undefined {
  // Most requests write the code as ISO does ("CN"): then it is its own normal form.
  if (typeof v === 'string' && v.length === 2 && isUpperLetter(v.charCodeAt(0)) && isUpperLetter(v.charCodeAt(1)) && ctx.taxonomy.isCountry(v)) return v;
  if (v === undefined) {
    if (required) errors.push({ path, message: 'required: an ISO 3166-1 alpha-2 country code such as "CN"' });
    return undefined;
  }
  const code = typeof v === 'string' && /^[A-Za-z]{2}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined;
  if (code === undefined || !ctx.taxonomy.isCountry(code)) {
    errors.push({ path, message: notACountryMessage(v, ctx.taxonomy) });
    return undefined;
  }
  return code;
}

function parameters(v: unknown, path: string, errors: FieldError[]): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) {
    errors.push({ path, message: 'expected an object of numbers, e.g. {"purity": 0.9999}' });
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [name, raw] of Object.entries(v)) {
    const p = `${path}.${name}`;
    if (!PARAMETER_NAME.test(name)) {
      errors.push({ path: p, message: 'parameter names are letters and digits, optionally "prefix.Suffix" (e.g. "fraction.W")' });
      continue;
    }
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ path: p, message: `expected a finite number, got ${show(raw)}` });
      continue;
    }
    if ((name === 'purity' || name.startsWith('fraction.') || name === 'firstCycleEfficiency') && (value < 0 || value > 1)) {
      errors.push({ path: p, message: `expected a fraction between 0 and 1 (99.99 % = 0.9999), got ${value}` });
      continue;
    }
    if (value < 0) {
      errors.push({ path: p, message: `expected a non-negative number, got ${value}` });
      continue;
    }
    out[name] = value;
  }
  // Mass fractions of elements cannot add up to more than the whole item. A make-up that does (beyond a point of
  // rounding) contradicts itself, and reading it as complete would count every unmentioned element absent.
  let elements = 0;
  for (const name in out) if (ELEMENT_SHARE.test(name)) elements += out[name]!;
  if (elements > MAX_ELEMENT_SUM) errors.push({ path, message: `the fraction.<Symbol> shares add up to ${+(elements * 100).toFixed(3)} %, more than the whole item; give each element's mass fraction (0–1) so that they add up to at most 1` });
  fillSynonyms(out, path, errors);
  return out;
}

/** An element's mass fraction (`fraction.W`), as core's composition rule reads it. */
const ELEMENT_SHARE = /^fraction\.[A-Z][a-z]?$/;
/** 100 % plus one percentage point for shares rounded up. */
const MAX_ELEMENT_SUM = 1.01;

/** `item.codes`: each key a jurisdiction whose plugin declares a code scheme, each value a code of that scheme. */
function schemeCodes(v: unknown, path: string, ctx: RequestContext, errors: FieldError[]): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  const schemes = ctx.codeSchemes ?? new Map<string, CodeFormat>();
  const known = [...schemes.keys()].join(', ') || 'none';
  if (!isRecord(v)) {
    errors.push({ path, message: `expected an object of codes keyed by jurisdiction, e.g. {"JP": "2(24)"}; installed schemes: ${known}` });
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(v)) {
    const p = `${path}.${key}`;
    const scheme = schemes.get(key);
    if (!scheme) {
      errors.push({ path: p, message: `no installed plugin reads codes for "${key}"; installed schemes: ${known}` });
      continue;
    }
    const code = typeof raw === 'string' ? normalizeSchemeCode(raw, scheme.pattern) : undefined;
    if (!code) errors.push({ path: p, message: `expected a ${key} control code such as "${scheme.example}", got ${show(raw)}` });
    else out[key] = code;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A text field of an item (`raw`, read by name by the caller): a string, or a number written as one; undefined when absent or empty. */
function stringField(raw: unknown, key: string, path: string, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') {
    errors.push({ path: `${path}.${key}`, message: `expected a string, got ${show(raw)}` });
    return undefined;
  }
  return raw;
}

/** True when `x`, an identifier's value, names something. */
const names = (x: unknown): boolean => x !== undefined && x !== '';

/**
 * True when the item names at least one identifier (an empty `codes` object names none). Each field is read
 * by name: a read with a variable key on objects of every shape a caller sends is the slowest kind V8 has.
 */
function hasIdentifier(v: Record<string, unknown>): boolean {
  if (names(v.id) || names(v.hs) || names(v.cnCode) || names(v.cnControlCode) || names(v.eccn) || names(v.euCode) || names(v.cas) || names(v.name)) return true;
  const codes = v.codes;
  return names(codes) && !(isRecord(codes) && Object.keys(codes).length === 0);
}

function item(v: unknown, path: string, ctx: RequestContext, errors: FieldError[], depth: number): ItemRef | undefined {
  if (!isRecord(v)) {
    errors.push({ path, message: 'required: an object with at least one identifier (id, hs, cnCode, cnControlCode, eccn, euCode, codes, cas or name)' });
    return undefined;
  }
  checkUnknown(v, ITEM_FIELDS, path, errors);
  if (!hasIdentifier(v)) {
    errors.push({ path, message: 'needs at least one identifier: id, hs, cnCode, cnControlCode, eccn, euCode, codes, cas or name' });
  }
  let id: string | undefined;
  const rawId = stringField(v.id, 'id', path, errors);
  if (rawId !== undefined) {
    const node = ctx.taxonomy.node(rawId.trim());
    if (!node) errors.push({ path: `${path}.id`, message: `unknown taxonomy ID ${show(rawId)}; see \`chokepoint taxonomy search\`` });
    else id = node.id;
  }
  let hs: string | undefined;
  const rawHs = stringField(v.hs, 'hs', path, errors);
  if (rawHs !== undefined) {
    hs = normalizeHs(rawHs);
    if (!hs) errors.push({ path: `${path}.hs`, message: `expected an HS code of 4 to 10 digits (dots and spaces ignored), got ${show(rawHs)}` });
  }
  let cnCode: string | undefined;
  const rawCnCode = stringField(v.cnCode, 'cnCode', path, errors);
  if (rawCnCode !== undefined) {
    cnCode = normalizeCnCode(rawCnCode);
    if (!cnCode) errors.push({ path: `${path}.cnCode`, message: `expected a China customs code of 8 or 10 digits, got ${show(rawCnCode)}` });
  }
  const cnControlCode = listCode(stringField(v.cnControlCode, 'cnControlCode', path, errors), 'cnControlCode', path, errors);
  const eccn = listCode(stringField(v.eccn, 'eccn', path, errors), 'eccn', path, errors);
  const euCode = listCode(stringField(v.euCode, 'euCode', path, errors), 'euCode', path, errors);
  const codes = schemeCodes(v.codes, `${path}.codes`, ctx, errors);
  let cas: string | undefined;
  const rawCas = stringField(v.cas, 'cas', path, errors);
  if (rawCas !== undefined) {
    cas = normalizeCas(rawCas, { undashed: true });
    if (!cas) errors.push({ path: `${path}.cas`, message: `expected a CAS number with a valid check digit such as "7440-55-3" (hyphens optional), got ${show(rawCas)}` });
  }
  let name: string | undefined;
  const rawName = stringField(v.name, 'name', path, errors);
  if (rawName !== undefined) {
    if (rawName.trim().length === 0 || rawName.length > 300) errors.push({ path: `${path}.name`, message: 'expected 1 to 300 characters of text' });
    else name = rawName.trim();
  }
  const params = parameters(v.parameters, `${path}.parameters`, errors);
  const origin = country(v.origin, `${path}.origin`, ctx, errors, false);
  let valueUsd: number | undefined;
  if (v.valueUsd !== undefined) {
    const value = typeof v.valueUsd === 'string' ? Number(v.valueUsd) : v.valueUsd;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      errors.push({ path: `${path}.valueUsd`, message: `expected a non-negative number of US dollars, got ${show(v.valueUsd)}` });
    } else valueUsd = value;
  }
  let content: ContentShare[] | undefined;
  if (v.content !== undefined) {
    if (depth > 0) errors.push({ path: `${path}.content`, message: 'content may not be nested inside content' });
    else if (!Array.isArray(v.content)) errors.push({ path: `${path}.content`, message: 'expected an array of {item, origin, valueShare}' });
    else {
      const parts: ContentShare[] = [];
      let total = 0;
      v.content.forEach((c: unknown, i: number) => {
        const p = `${path}.content[${i}]`;
        if (!isRecord(c)) {
          errors.push({ path: p, message: 'expected {item, origin, valueShare}' });
          return;
        }
        checkUnknown(c, CONTENT_FIELDS, p, errors);
        const ci = item(c.item, `${p}.item`, ctx, errors, depth + 1);
        const co = country(c.origin, `${p}.origin`, ctx, errors, true);
        // A technology or software the item was made with (a foreign direct product) is no share of its value; goods
        // whose share is left out are in the item at a share not known (undefined), which the rules that need it ask.
        const technology = c.valueShare === undefined && ci !== undefined && madeWith(ci, ctx);
        const share = technology ? 0 : c.valueShare;
        if (share !== undefined && (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1)) {
          errors.push({ path: `${p}.valueShare`, message: `expected a share of value between 0 and 1, or no valueShare when it is not known, got ${show(share)}` });
          return;
        }
        total += share ?? 0;
        if (ci && co) parts.push({ item: ci, origin: co, valueShare: share as number | undefined });
      });
      if (total > 1 + 1e-9) errors.push({ path: `${path}.content`, message: `value shares add up to ${total.toFixed(4)}, more than 1` });
      content = parts;
    }
  }
  // Every item has the same fields in the same order (absent ones undefined): the code that reads items
  // from many requests meets one object shape, not one per combination of identifiers, and stays optimised.
  return { id, hs, cnCode, cnControlCode, eccn, euCode, codes, cas, name, parameters: params, origin, valueUsd, content };
}

/**
 * True when a content part names technology or software the item was made with rather than goods in it: a taxonomy
 * technology, or a list code of product group D or E (`1E001`, a China technology-catalogue number).
 */
function madeWith(part: ItemRef, ctx: RequestContext): boolean {
  if (part.id !== undefined) return ctx.taxonomy.node(part.id)?.kind === 'technology';
  const code = part.eccn ?? part.euCode ?? part.cnControlCode;
  return code !== undefined && isSoftwareOrTechnologyCode(code);
}

/**
 * The request with the item's parameters replaced (a rule asking what it would answer were a fact given): the same
 * fields in the same order as {@link normalizeRequest} makes them, so that the copy has the request's object shapes.
 * A spread copy (`{ ...request, item }`) has shapes of its own, and each function that reads requests deoptimises
 * when it first meets one. `parameters` is taken as given: the caller passes values of the request's own kind.
 */
export function requestWithParameters(request: NormalizedRequest, parameters: Record<string, number>): NormalizedRequest {
  const i = request.item;
  const item = { id: i.id, hs: i.hs, cnCode: i.cnCode, cnControlCode: i.cnControlCode, eccn: i.eccn, euCode: i.euCode, codes: i.codes, cas: i.cas, name: i.name, parameters, origin: i.origin, valueUsd: i.valueUsd, content: i.content };
  const r = request;
  return { item, from: r.from, to: r.to, date: r.date, transfer: r.transfer, endUse: r.endUse, id: r.id, endUser: r.endUser, parties: r.parties, jurisdictions: r.jurisdictions };
}

/** A list code of the shared numbering (`cnControlCode`, `eccn`, `euCode`), normalised ({@link normalizeListCode}). */
function listCode(raw: string | undefined, key: 'cnControlCode' | 'eccn' | 'euCode', path: string, errors: FieldError[]): string | undefined {
  if (raw === undefined) return undefined;
  const n = normalizeListCode(raw, key);
  if (!n) {
    const also = key === 'eccn' ? ' or "EAR99"' : key === 'cnControlCode' ? ' or a technology catalogue number such as "083201X"' : '';
    errors.push({ path: `${path}.${key}`, message: `expected a list code such as "1C226" or "3C005.a"${also}, got ${show(raw)}` });
    return undefined;
  }
  return n;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, errors: FieldError[], fallback: T): T {
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  errors.push({ path, message: `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(v)}` });
  return fallback;
}

/** Optional name of a person or organisation: 1 to 300 characters, trimmed. */
function partyName(v: unknown, path: string, errors: FieldError[], required: boolean): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.trim() === '' || v.length > 300) {
    errors.push({ path, message: `${v === undefined ? 'required: ' : ''}expected 1 to 300 characters of text` });
    return undefined;
  }
  return v.trim();
}

/** A bounded array whose elements are objects; reports the field otherwise. */
function objectList(v: unknown, path: string, shape: string, errors: FieldError[]): Record<string, unknown>[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_LISTED) {
    errors.push({ path, message: `expected an array of at most ${MAX_LISTED} objects ${shape}` });
    return undefined;
  }
  const out: Record<string, unknown>[] = [];
  v.forEach((e: unknown, i: number) => {
    if (isRecord(e)) out.push(e);
    else errors.push({ path: `${path}[${i}]`, message: `expected an object ${shape}, got ${show(e)}` });
  });
  return out.length === v.length ? out : undefined;
}

function ownersOf(v: unknown, ctx: RequestContext, errors: FieldError[]): Owner[] | undefined {
  const list = objectList(v, 'endUser.owners', '{name, country, share}', errors);
  if (!list) return undefined;
  let total = 0;
  const owners = list.map((o, i): Owner => {
    const p = `endUser.owners[${i}]`;
    checkUnknown(o, OWNER_FIELDS, p, errors);
    const owner: Owner = { name: partyName(o.name, `${p}.name`, errors, true) ?? '' };
    const c = country(o.country, `${p}.country`, ctx, errors, false);
    if (c) owner.country = c;
    if (o.share !== undefined) {
      if (typeof o.share !== 'number' || !Number.isFinite(o.share) || o.share < 0 || o.share > 1) {
        errors.push({ path: `${p}.share`, message: `expected a share between 0 and 1 (50 % = 0.5), got ${show(o.share)}` });
      } else {
        owner.share = o.share;
        total += o.share;
      }
    }
    return owner;
  });
  if (total > 1 + 1e-9) errors.push({ path: 'endUser.owners', message: `shares add up to ${total.toFixed(4)}, more than 1` });
  return owners;
}

function endUserOf(v: unknown, ctx: RequestContext, errors: FieldError[]): EndUser | undefined {
  if (!isRecord(v)) {
    errors.push({ path: 'endUser', message: 'expected an object {name, country, type}' });
    return undefined;
  }
  checkUnknown(v, END_USER_FIELDS, 'endUser', errors);
  const name = partyName(v.name, 'endUser.name', errors, false) || undefined;
  const c = country(v.country, 'endUser.country', ctx, errors, false) || undefined;
  const type = v.type !== undefined ? oneOf(v.type, END_USER_TYPES, 'endUser.type', errors, 'commercial') : undefined;
  let nationalities: string[] | undefined;
  if (v.nationalities !== undefined) {
    if (!Array.isArray(v.nationalities)) errors.push({ path: 'endUser.nationalities', message: 'expected an array of country codes' });
    else nationalities = v.nationalities.map((n, i) => country(n, `endUser.nationalities[${i}]`, ctx, errors, true)).filter((n): n is string => !!n);
  }
  const owners = v.owners !== undefined ? ownersOf(v.owners, ctx, errors) : undefined;
  let ownersComplete: boolean | undefined;
  if (v.ownersComplete !== undefined) {
    if (typeof v.ownersComplete !== 'boolean') errors.push({ path: 'endUser.ownersComplete', message: `expected true or false, got ${show(v.ownersComplete)}` });
    else ownersComplete = v.ownersComplete;
  }
  // One shape for every end user, as for items.
  return { name, country: c, type, nationalities, owners, ownersComplete };
}

function partiesOf(v: unknown, ctx: RequestContext, errors: FieldError[]): Party[] | undefined {
  const list = objectList(v, 'parties', '{role, name, country}', errors);
  if (!list) return undefined;
  return list.map((e, i): Party => {
    const p = `parties[${i}]`;
    checkUnknown(e, PARTY_FIELDS, p, errors);
    const role = e.role === undefined
      ? (errors.push({ path: `${p}.role`, message: `required: one of ${PARTY_ROLES.map((r) => `"${r}"`).join(', ')}` }), PARTY_ROLES[0]!)
      : oneOf(e.role, PARTY_ROLES, `${p}.role`, errors, PARTY_ROLES[0]!);
    const party: Party = { role, name: partyName(e.name, `${p}.name`, errors, true) ?? '' };
    const c = country(e.country, `${p}.country`, ctx, errors, false);
    if (c) party.country = c;
    return party;
  });
}

/**
 * A request's `id` as answers echo it (CONTRACT §2 "echoed back"): text, or a finite number, as given; `undefined` for
 * anything else (JSON cannot carry a non-finite number). Batch error lines, screening and changes echo it the same way.
 */
export function echoedId(raw: unknown): string | number | undefined {
  return typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw)) ? raw : undefined;
}

/**
 * Validates a request and fills in its defaults. Throws a {@link ValidationError} that names every
 * bad field and says what was expected.
 */
export function normalizeRequest(input: unknown, ctx: RequestContext): NormalizedRequest {
  const errors: FieldError[] = [];
  if (!isRecord(input)) throw new ValidationError([{ path: '', message: 'expected a JSON object with item, from and to' }]);
  const unsafe = inputSafetyProblems(input);
  if (unsafe.length) throw new ValidationError(unsafe);
  checkUnknown(input, REQUEST_FIELDS, '', errors);
  const req = input as Partial<AssessmentRequest> & Record<string, unknown>;
  const id = echoedId(req.id);
  if (req.id !== undefined && id === undefined) errors.push({ path: 'id', message: `expected a string or a number, got ${show(req.id)}` });
  else if (typeof id === 'string' && id.length > MAX_ID_LENGTH) errors.push({ path: 'id', message: `expected a string of at most ${MAX_ID_LENGTH} characters, got ${id.length}` });
  const it = item(req.item, 'item', ctx, errors, 0);
  const from = country(req.from, 'from', ctx, errors, true);
  const to = country(req.to, 'to', ctx, errors, true);
  let date = ctx.defaultDate ?? todayUtc();
  if (req.date !== undefined) {
    if (!isIsoDate(req.date)) errors.push({ path: 'date', message: `expected a calendar date YYYY-MM-DD, got ${show(req.date)}` });
    else date = req.date;
  }
  const transfer = oneOf(req.transfer, TRANSFERS, 'transfer', errors, 'goods');
  const endUse = oneOf(req.endUse, END_USES, 'endUse', errors, 'unknown');
  const endUser = req.endUser === undefined ? undefined : endUserOf(req.endUser, ctx, errors);
  const parties = req.parties === undefined ? undefined : partiesOf(req.parties, ctx, errors);
  let jurisdictions: string[] | undefined;
  if (req.jurisdictions !== undefined) {
    if (!Array.isArray(req.jurisdictions) || req.jurisdictions.length === 0) {
      errors.push({ path: 'jurisdictions', message: `expected a non-empty array of jurisdiction codes among ${[...ctx.jurisdictions].join(', ')}` });
    } else {
      jurisdictions = [];
      req.jurisdictions.forEach((j, i) => {
        const code = typeof j === 'string' ? j.trim().toUpperCase() : '';
        if (!ctx.jurisdictions.has(code)) errors.push({ path: `jurisdictions[${i}]`, message: `no installed plugin for ${show(j)}; installed: ${[...ctx.jurisdictions].join(', ') || 'none'}` });
        else jurisdictions!.push(code);
      });
    }
  }
  if (errors.length) throw new ValidationError(errors);
  // One literal with every field (absent ones undefined): every request has the same shape, so the code
  // that reads requests is optimised once and stays so (JSON output leaves undefined fields out).
  return { item: it!, from: from!, to: to!, date, transfer, endUse, id, endUser, parties, jurisdictions };
}
