// The library without its Node entry, which would load and register all ~80 locales (~0.7 MB of JSON) on every start.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Country } from './model.js';

// The locales are imported as JSON modules (not required beside the module) so that bundles carry them.
countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * Every ISO 3166-1 country and territory, from the i18n-iso-countries package, with English and Chinese names, and the
 * English name people use where the official one differs (`common`: "China", "Iran", "United States").
 */
export function loadCountries(): Map<string, Country> {
  const enNames = countries.getNames('en', { select: 'official' });
  const zhNames = countries.getNames('zh', { select: 'official' });
  const common = commonNames(enNames);
  const out = new Map<string, Country>();
  for (const [code, name] of Object.entries(enNames)) {
    const short = common.get(code);
    out.set(code, { code, alpha3: countries.alpha2ToAlpha3(code) ?? '', names: { en: name, zh: zhNames[code] ?? name, ...(short ? { common: short } : {}) } });
  }
  return out;
}

const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/^the /i, '').toLowerCase();

/**
 * The library's first alias of each country where it is a name of another wording than the official one: not an
 * abbreviation ("UK", "UAE"), not the official name inverted ("Korea, Republic of"), not the same words with accents
 * or "The" ("The Netherlands"), and not shared by two countries ("Congo").
 */
function commonNames(official: Record<string, string>): Map<string, string> {
  const aliases = countries.getNames('en', { select: 'alias' });
  const candidates = Object.entries(aliases).filter(([code, alias]) => official[code] !== undefined && !alias.includes(',') && alias !== alias.toUpperCase() && plain(alias) !== plain(official[code]!));
  const uses = new Map<string, number>();
  for (const [, alias] of candidates) uses.set(plain(alias), (uses.get(plain(alias)) ?? 0) + 1);
  return new Map(candidates.filter(([, alias]) => uses.get(plain(alias)) === 1));
}

/**
 * The ISO 3166-1 alpha-2 code a user most likely meant by `text`: an alpha-3 code (`CHN`), or a country's name in
 * English or Chinese as i18n-iso-countries knows it, its common short forms included (`China`, `United States`,
 * `Russia`, `中国`), case and accents aside. Undefined when nothing fits. For hints in error messages only: requests
 * name countries by alpha-2 code (CONTRACT §2).
 */
export function countryCodeFor(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return countries.alpha3ToAlpha2(t.toUpperCase()) ?? countries.getSimpleAlpha2Code(t, 'en');
  return countries.getSimpleAlpha2Code(t, 'en') ?? countries.getSimpleAlpha2Code(t, 'zh');
}
