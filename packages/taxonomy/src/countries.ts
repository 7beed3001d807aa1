import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Country } from './model.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

/** Every ISO 3166-1 country and territory, from the i18n-iso-countries package, with English and Chinese names. */
export function loadCountries(): Map<string, Country> {
  const en = countries.getNames('en', { select: 'official' });
  const zh = countries.getNames('zh', { select: 'official' });
  const out = new Map<string, Country>();
  for (const [code, name] of Object.entries(en)) {
    out.set(code, { code, alpha3: countries.alpha2ToAlpha3(code) ?? '', names: { en: name, zh: zh[code] ?? name } });
  }
  return out;
}
