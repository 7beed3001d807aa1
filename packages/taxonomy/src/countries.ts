// The library without its Node entry, which would load and register all ~80 locales (~0.7 MB of JSON) on every start.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Country } from './model.js';

// The locales are imported as JSON modules (not required beside the module) so that bundles carry them.
countries.registerLocale(en);
countries.registerLocale(zh);

/** Every ISO 3166-1 country and territory, from the i18n-iso-countries package, with English and Chinese names. */
export function loadCountries(): Map<string, Country> {
  const enNames = countries.getNames('en', { select: 'official' });
  const zhNames = countries.getNames('zh', { select: 'official' });
  const out = new Map<string, Country>();
  for (const [code, name] of Object.entries(enNames)) {
    out.set(code, { code, alpha3: countries.alpha2ToAlpha3(code) ?? '', names: { en: name, zh: zhNames[code] ?? name } });
  }
  return out;
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
