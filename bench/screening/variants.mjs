// The ways a party's name reaches a screening: true variants (another script or romanisation, another
// legal form, word order, a middle name or patronymic left out, a typo) and hard negatives (another party
// whose name is close: a sibling firm, a relative, a one-letter-different surname). Each variant carries
// its kind, so that the evaluation reports precision and recall per kind.
import { SCHEMES, pick, pinyinWord, romanise } from './world.mjs';

const upper = (s) => s.toUpperCase();
const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/** One letter of a long word changed, dropped or doubled ("Technology" → "Tecnology"). */
export function typo(rand, name) {
  const words = name.split(' ');
  const long = words.map((w, i) => [w, i]).filter(([w]) => /^[A-Za-z]{8,}$/.test(w));
  if (!long.length) return undefined;
  const [w, i] = pick(rand, long);
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const how = Math.floor(rand() * 3);
  const changed = how === 0 ? w.slice(0, at) + w.slice(at + 1) : how === 1 ? w.slice(0, at) + w[at] + w.slice(at) : w.slice(0, at) + (w[at] === 'e' ? 'a' : 'e') + w.slice(at + 1);
  words[i] = changed;
  return words.join(' ');
}

const otherScheme = (rand, not) => pick(rand, Object.keys(SCHEMES).filter((s) => s !== not && s !== 'french'));

/** True variants of a generated party, given how it is listed. */
export function trueVariants(p, listed, rand) {
  const out = [];
  const add = (kind, query) => query && out.push({ kind, query });
  const names = [listed.primary, ...listed.aliases];
  switch (p.kind) {
    case 'cn-company': {
      const hasHan = listed.aliases.some((a) => HAN.test(a));
      if (!hasHan && listed.primary === p.pinyin) add('han-to-pinyin', p.han);
      if (hasHan && listed.primary === p.english) add('pinyin-to-han', p.pinyin.replace(/ (Co\.,? Ltd\.?|Company Limited|Limited|Corporation)$/, rand() < 0.5 ? ' Youxian Gongsi' : ''));
      add('legal-form', listed.primary.replace(/ (Co\.,? Ltd\.?|Co\. Ltd\.|Company Limited|Limited|Corporation)$/, rand() < 0.5 ? ' Company Limited' : ' Ltd'));
      add('spacing', listed.primary.replace(p.parts.brand, p.parts.brand.length > 2 ? p.parts.brandHan.split('').map(pinyinWord).join(' ') : p.parts.brand));
      add('typo', typo(rand, listed.primary));
      // The firm's own name and industry without its city, as users often type it ("DJI Technology" for "SZ DJI Technology Co., Ltd.").
      add('own-name-without-city', listed.primary.replace(`${p.parts.city} `, ''));
      break;
    }
    case 'ru-person': {
      const hasCyr = listed.aliases.some((a) => CYRILLIC.test(a));
      if (!hasCyr) add('cyrillic-to-latin', `${p.given} ${p.patronymic} ${p.surname}`);
      const scheme = otherScheme(rand, 'bgn');
      add('translit-variant', [p.given, p.patronymic, p.surname].map((w) => romanise(w, scheme)).join(' '));
      const s2 = pick(rand, ['bgn', 'passport', 'simple']);
      add('missing-patronymic', `${romanise(p.given, s2)} ${romanise(p.surname, s2)}`);
      add('word-order', `${romanise(p.surname, 'bgn')} ${romanise(p.given, 'bgn')} ${romanise(p.patronymic, 'bgn')}`);
      break;
    }
    case 'ru-company': {
      const latin = romanise(p.brand, 'bgn');
      add('legal-form', `${latin} ${pick(rand, p.form.latin.slice(1))}`);
      add('legal-form', `${upper(pick(rand, p.form.latin.slice(2)))} ${upper(latin)}`);
      if (!listed.aliases.some((a) => CYRILLIC.test(a))) add('cyrillic-to-latin', `${p.form.cyr} «${p.brand}»`);
      add('translit-variant', `${romanise(p.brand, otherScheme(rand, 'bgn'))} ${p.form.latin[1]}`);
      break;
    }
    case 'west-company': {
      add('legal-form', `${p.words.join(' ')} ${p.field} ${p.form[1]}`);
      add('case-punctuation', upper(listed.primary).replace(/[.,]/g, ''));
      add('typo', typo(rand, listed.primary));
      break;
    }
    case 'west-person':
      add('missing-middle-name', `${p.given} ${p.surname}`);
      add('word-order', `${p.given} ${p.middle} ${p.surname}`);
      break;
    case 'ar-person': {
      const g = pick(rand, p.given);
      const f = pick(rand, p.family);
      add('translit-variant', `${g} ${pick(rand, p.father)} ${f}`);
      add('missing-middle-name', `${pick(rand, p.given)} ${pick(rand, p.family)}`);
      add('word-order', `${p.given[0]} ${p.father[0]} ${p.family[0]}`);
      break;
    }
    default:
      throw new Error(p.kind);
  }
  // A variant that is a listed name itself tests nothing new.
  return out.filter((v) => !names.includes(v.query));
}

/** Close names of other parties. `pool` supplies the other parties' parts to borrow from. */
export function hardNegatives(p, listed, rand, pool) {
  const out = [];
  const add = (kind, query) => query && out.push({ kind, query });
  switch (p.kind) {
    case 'cn-company': {
      const other = pick(rand, pool.cn.filter((o) => o.parts.city !== p.parts.city));
      add('sibling-firm-other-city', listed.primary.replace(p.parts.city, other.parts.city));
      const brandHan = p.parts.brandHan[0] + pick(rand, pool.brandChars.filter((c) => c !== p.parts.brandHan[1]));
      add('brand-one-character', listed.primary.replace(p.parts.brand, pinyinWord(brandHan)));
      add('sibling-firm-other-trade', `${p.parts.city} ${p.parts.brand} ${pick(rand, pool.industries.filter((i) => i !== p.parts.indEn))} Co., Ltd.`);
      // The same without a city: the own name of the firm with another industry's words is another firm of the name.
      // (The next industry in the pool, not a random one, so that the pairs drawn before this kind existed stay as they were.)
      add('own-name-other-trade-without-city', `${p.parts.brand} ${pool.industries[(pool.industries.indexOf(p.parts.indEn) + 1) % pool.industries.length]} Co., Ltd.`);
      break;
    }
    case 'ru-person': {
      const s = pool.similarSurname(p.surnameM, rand);
      const surname = p.female ? s + 'а' : s;
      add('similar-surname', [p.given, p.patronymic, surname].map((w) => romanise(w, 'bgn')).join(' '));
      add('same-surname-other-given', [pick(rand, pool.given(p.female).filter((g) => g !== p.given)), p.patronymic, p.surname].map((w) => romanise(w, 'bgn')).join(' '));
      add('same-name-other-patronymic', [p.given, pool.patronymic(p, rand), p.surname].map((w) => romanise(w, 'bgn')).join(' '));
      break;
    }
    case 'ru-company':
      add('sibling-brand', `${romanise(pool.siblingBrand(p.brand, rand), 'bgn')} ${p.form.latin[1]}`);
      break;
    case 'west-company': {
      const w = pick(rand, pool.westWords.filter((x) => !p.words.join(' ').includes(x)));
      add('one-word-other', `${p.words.length === 2 ? `${p.words[0]} ${w}` : `${w} ${p.words[0].slice(p.words[0].length / 2)}`} ${p.field} ${p.form[0]}`);
      add('same-name-other-trade', `${p.words.join(' ')} ${pick(rand, pool.westFields.filter((f) => f !== p.field))} ${p.form[0]}`);
      break;
    }
    case 'west-person':
      add('same-surname-other-given', `${pick(rand, pool.westGiven.filter((g) => g !== p.given && g !== p.middle))} ${p.surname}`);
      add('same-given-other-surname', `${p.given} ${p.middle} ${pick(rand, pool.westSurnames.filter((s) => s !== p.surname))}`);
      break;
    case 'ar-person':
      add('same-family-other-given', `${pick(rand, pool.arGiven.filter((g) => g !== p.given))[0]} ${p.father[0]} ${p.family[0]}`);
      add('same-given-other-family', `${p.given[0]} ${p.father[0]} ${pick(rand, pool.arFamily.filter((f) => f !== p.family))[0]}`);
      break;
    default:
      throw new Error(p.kind);
  }
  return out;
}
