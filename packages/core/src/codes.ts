import { shownValue } from './errors.js';
import type { TaxonomyView } from './taxonomy.js';

const HS_DIGITS = /^\d{4,10}$/;

/** Digits of an HS or tariff code with dots and spaces removed, or undefined when it is not 4–10 digits. */
export function normalizeHs(code: string): string | undefined {
  if (HS_DIGITS.test(code)) return code;
  const digits = code.replace(/[.\s]/g, '');
  return HS_DIGITS.test(digits) ? digits : undefined;
}

/** A China customs commodity code (8 or 10 digits) without dots or spaces, or undefined. */
export function normalizeCnCode(code: string): string | undefined {
  const digits = code.replace(/[.\s]/g, '');
  return /^(\d{8}|\d{10})$/.test(digits) ? digits : undefined;
}

const CONTROL_CODE = /^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$/;

/**
 * A list code in the Wassenaar-style numbering shared by China's list, the EU's Annex I and the
 * US CCL (`1C902.a`, `3A001.e.1`), normalised: head upper case, sub-items lower case.
 * `EAR99` is kept as is. Returns undefined when the text is not such a code.
 */
export function normalizeControlCode(code: string): string | undefined {
  // Most codes arrive as the list prints them, which is already the normal form.
  if (CONTROL_CODE.test(code)) return code;
  const compact = code.trim().replace(/\s+/g, '');
  if (/^ear99$/i.test(compact)) return 'EAR99';
  const [head, ...rest] = compact.split('.');
  if (!head) return undefined;
  const normalized = [head.toUpperCase(), ...rest.map((s) => s.toLowerCase())].join('.');
  return CONTROL_CODE.test(normalized) ? normalized : undefined;
}

/**
 * The numbering of China's Catalogue of Technologies Prohibited or Restricted from Export: six digits and J (prohibited)
 * or X (restricted), `083201X`.
 */
const CN_TECHNOLOGY_NUMBER = /^\d{6}[JX]$/;

/**
 * True when a normalised list code names software or technology: product group D or E of the shared numbering
 * (`1E001`, `3D001`), or a number of China's technology catalogue (`083201X`).
 */
export function isSoftwareOrTechnologyCode(code: string): boolean {
  return /^\d[DE]\d{3}/.test(code) || CN_TECHNOLOGY_NUMBER.test(code);
}

/**
 * A code of a list-code field (`cnControlCode`, `eccn`, `euCode`) as a request or a plugin's data gives it, normalised
 * ({@link normalizeControlCode}); `EAR99` only as an ECCN; and, as a `cnControlCode`, a number of China's technology
 * catalogue (`083201X`): China's controls are one regime to a user, and its technology entries are filed under these
 * numbers. Undefined when the text is no such code.
 */
export function normalizeListCode(code: string, field: 'cnControlCode' | 'eccn' | 'euCode'): string | undefined {
  if (field === 'cnControlCode') {
    const number = code.trim().toUpperCase();
    if (CN_TECHNOLOGY_NUMBER.test(number)) return number;
  }
  const n = normalizeControlCode(code);
  return n === 'EAR99' && field !== 'eccn' ? undefined : n;
}

/**
 * True when list code `broad` is `narrow` itself or one of its ancestors (`1C117` ⊇ `1C117.c`). A
 * sub-item starts with `.` or `(`, so row-and-item codes such as Japan's nest too (`2` ⊇ `2(24)`).
 */
export function controlCodeCovers(broad: string, narrow: string): boolean {
  return narrow === broad || narrow.startsWith(`${broad}.`) || narrow.startsWith(`${broad}(`);
}

/**
 * The list code and each of its ancestors, most specific first (`1C117.c.1` → `1C117.c.1`, `1C117.c`,
 * `1C117`; `2(24)` → `2(24)`, `2`). Sub-items start at `.` or `(`.
 */
export function controlCodeAncestry(code: string): string[] {
  const out = [code];
  for (let i = code.length - 1; i > 0; i--) if (code[i] === '.' || code[i] === '(') out.push(code.slice(0, i));
  return out;
}

/**
 * A code of a plugin's own scheme as a request gives it, in the form the plugin stores: full-width
 * characters folded (`２（２４）` → `2(24)`), spaces removed. Undefined when `pattern` rejects it.
 */
export function normalizeSchemeCode(code: string, pattern: RegExp): string | undefined {
  const compact = code.normalize('NFKC').replace(/\s+/g, '');
  return pattern.test(compact) ? compact : undefined;
}

/** A CAS registry number with a valid check digit, or undefined. */
export function normalizeCas(cas: string, options: { undashed?: boolean } = {}): string | undefined {
  let compact = cas.trim();
  // Written without hyphens, as many databases store it: the last digit is the check digit and the two
  // before it the middle group, so the number reads one way only. Only where the text is known to be a
  // CAS number (a request's `cas`): anywhere else a run of digits is more likely a customs code.
  if (options.undashed && /^\d{5,10}$/.test(compact)) compact = `${compact.slice(0, -3)}-${compact.slice(-3, -1)}-${compact.slice(-1)}`;
  const m = /^(\d{2,7})-(\d{2})-(\d)$/.exec(compact);
  if (!m) return undefined;
  const digits = (m[1]! + m[2]!).split('').reverse();
  const sum = digits.reduce((acc, d, i) => acc + Number(d) * (i + 1), 0);
  return sum % 10 === Number(m[3]) ? compact : undefined;
}

/**
 * Codes people write for a country that ISO 3166-1 does not assign to it (the United Kingdom's UK, the EU's EL for Greece),
 * with the code to send instead: the request stays strict (CONTRACT §2), the message says what was meant.
 */
const COUNTRY_CODE_HINTS: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

/**
 * The message for a country field whose value is no ISO 3166-1 alpha-2 code the taxonomy knows: a two-letter code that
 * is not one (naming the code meant where a common one is known: UK, EL), or anything else (naming the code the taxonomy
 * reads in an alpha-3 code or a country's name, where it can: "China" → CN).
 */
export function notACountryMessage(raw: unknown, taxonomy?: Pick<TaxonomyView, 'countryCodeFor'>): string {
  if (typeof raw === 'string' && /^[A-Za-z]{2}$/.test(raw.trim())) return unknownCountryMessage(raw);
  const meant = typeof raw === 'string' ? taxonomy?.countryCodeFor?.(raw) : undefined;
  return `expected an ISO 3166-1 alpha-2 country code such as "CN", got ${shownValue(raw)}${meant ? ` (did you mean "${meant}"?)` : ''}`;
}

/** The message for a country code that is not ISO 3166-1 alpha-2, naming the code meant where a common one is known. */
export function unknownCountryMessage(raw: string): string {
  const hint = COUNTRY_CODE_HINTS[raw.trim().toUpperCase()];
  const meant = hint === undefined ? '' : ` (ISO 3166-1 writes it ${hint})`;
  return `unknown country code ${JSON.stringify(raw)}${meant}; expected an ISO 3166-1 alpha-2 code`;
}
