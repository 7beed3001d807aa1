import { describe, expect, it } from 'vitest';
import { NameIndex, namesAnotherOfTheName } from './name-index.js';
import { GENERIC_ONLY, INITIALS_GIVEN, scoreNames, type NameScore } from './name-score.js';
import { normalizeName, spellingKey, vowelKeys } from './names.js';
import { pinyinSyllables } from './pinyin-syllables.js';

/** A small seeded PRNG, so that the property test below sees the same names on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A query scored against one listed name, read as a person's when `person` (as a list marking it `Individual` does). */
function scored(query: string, listed: string, person = false): NameScore {
  const n = normalizeName(listed);
  return scoreNames(normalizeName(query), person ? { ...n, person: true } : n);
}

const WORDS = ['Shenzhen', 'Beijing', 'Huaxin', 'Huaxing', 'Electronic', 'Electronics', 'Technology', 'Precision', 'Instruments', 'Northstar', 'Trading',
  'Ivanov', 'Ivankov', 'Sergey', 'Sergei', 'Petrovich', 'Atlas', 'Metals', 'Dajiang', 'Keji', 'Hua', 'Xin', 'Group', 'International', 'Optics', 'Laser'];
const FORMS = ['Co., Ltd.', 'GmbH', 'LLC', '', '', 'Limited'];

describe('NameIndex', () => {
  it('returns exactly what scoring every indexed name would return (the index prunes, it never loses a match)', () => {
    const rand = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const name = () => `${Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(WORDS)).join(' ')} ${pick(FORMS)}`.trim();
    // Some values located in China, whose names are read as Chinese firms' (`own-name` without a place in them).
    const values = Array.from({ length: 400 }, (_, i) => ({ value: i, name: name(), ...(rand() < 0.3 ? { aliases: [name()] } : {}), ...(rand() < 0.3 ? { country: 'CN' } : {}) }));
    const index = new NameIndex(values);
    const norms = values.flatMap((v) => [v.name, ...(v.aliases ?? [])].map((n) => ({ value: v.value, norm: normalizeName(n), inChina: v.country === 'CN' })));
    for (let k = 0; k < 300; k++) {
      const query = rand() < 0.5 ? name() : pick(values).name.replace(/e/, 'a');
      for (const minScore of [0.85, 0.7]) {
        const q = normalizeName(query);
        const hits = norms.filter((n) => n.norm.compact).map((n) => ({ value: n.value, norm: n.norm, ...scoreNames(q, n.norm, n.inChina) })).filter((n) => n.score >= minScore);
        // A query that gives a listed name whole takes no other firm of its own name (`own-name`) with it.
        const whole = hits.some((n) => n.method === 'exact');
        const expected = new Set(hits.filter((n) => !(whole && namesAnotherOfTheName(q, n.norm, n.method))).map((n) => n.value));
        expect(new Set(index.search(query, { minScore }).map((m) => m.value)), `${query} at ${minScore}`).toEqual(expected);
      }
    }
  });
});

describe('NameIndex scratch stamps', () => {
  it('still finds names after its 32-bit search stamps run out and start again', () => {
    const index = new NameIndex([{ value: 'a', name: 'Northstar Precision Instruments Ltd.' }, { value: 'b', name: 'IVANOV, Sergei Petrovich' }]);
    const before = index.search('Northstar Precision Instrument').map((m) => m.value);
    (index as unknown as { generation: number }).generation = 0x7ffffff0 - 1;
    for (let k = 0; k < 4; k++) {
      expect(index.search('Northstar Precision Instrument').map((m) => m.value)).toEqual(before);
      expect(index.search('Sergei Ivanov').map((m) => m.value)).toEqual(['b']);
    }
  });
});

describe('vowelKeys (Arabic and Persian romanisations)', () => {
  const score = (query: string, listed: string) => scored(query, listed, true).score;
  const share = (a: string, b: string) => vowelKeys(a).some((k) => vowelKeys(b).includes(k));
  it('gives the ways lists write one Arabic or Persian name a key in common', () => {
    for (const [a, b] of [['majeed', 'majid'], ['tarek', 'tariq'], ['tarik', 'tariq'], ['omar', 'umar'], ['mahmoud', 'mahmud'], ['ghorbani', 'qorbani'], ['kadhimi', 'kazemi'], ['hussein', 'husayn'], ['saeed', 'said'], ['mostafa', 'mustafa'], ['ahmed', 'ahmad'], ['mohammed', 'muhammad'], ['mehdi', 'mahdi'], ['youssef', 'yusuf'], ['abdel', 'abdul']]) {
      expect(share(a!, b!), `${a}, ${b}`).toBe(true);
    }
  });
  it('reads the French ch for the English sh of one Arabic letter: Darwich is Darwish, Hicham Hisham', () => {
    for (const [a, b] of [['darwich', 'darwish'], ['hicham', 'hisham'], ['achraf', 'ashraf'], ['rachid', 'rashid'], ['chaker', 'shaker']]) expect(share(a!, b!), `${a}, ${b}`).toBe(true);
    expect(score('Hasan Darwich', 'DARWISH, Hassan Saeed')).toBeGreaterThanOrEqual(0.85);
    // Pinyin syllables get no romanisation keys: Chen is not Shen.
    expect(score('Chen Wei', 'SHEN, Wei')).toBeLessThan(0.85);
  });
  it('keeps a long i and a apart where lists write them so: Hamid is not Hamad, nor Jamil Jamal', () => {
    expect(share('hamid', 'hamad')).toBe(false);
    expect(share('jamil', 'jamal')).toBe(false);
  });
  it('keeps the romanisation expansions of indexed words only, so queries of new words add nothing to memory', () => {
    const index = new NameIndex([{ value: 1, name: 'QURESHI, Tariq Majid' }]);
    const kept = () => (index as unknown as { vowelExpansions: Map<string, unknown> }).vowelExpansions.size;
    for (let i = 0; i < 500; i++) index.search(`Tarek Majeed Qureshi${'x'.repeat(i % 7)} Zor${i}ab`);
    expect(index.search('Tarek Majeed Qureshi').map((m) => m.value)).toEqual([1]);
    expect(kept()).toBeLessThanOrEqual(3);
  });
  it('gives words of one or two pinyin syllables and words with digits none, so Zhou is not Zhu', () => {
    for (const word of ['zhou', 'zhu', 'deng', 'ding', 'li', 'lei', 'xiaoming', '54th']) expect(vowelKeys(word), word).toEqual([]);
    expect(score('Zhou Wei', 'ZHU, Wei')).toBeLessThan(0.85);
    expect(score('Deng Ming', 'DING, Ming')).toBeLessThan(0.85);
  });
  it('matches a person whose names are romanised another way, and keeps a slip in a word measured as one', () => {
    expect(score('Tarek Majeed Qureshi', 'QURESHI, Tariq Majid')).toBeGreaterThanOrEqual(0.85);
    expect(score('Umar Majeed Rahimi', 'RAHIMI, Omar Majid')).toBeGreaterThanOrEqual(0.85);
    expect(score('Rashid Ahmed Qorbani', 'GHORBANI, Rashid Ahmed')).toBeGreaterThanOrEqual(0.85);
    expect(score('Yusuf Mansour', 'MANSOUR, Youssef Walid')).toBeGreaterThanOrEqual(0.85);
    // a stays apart from e and i: "Kulakova" and "Kulikova" are two surnames (a slip between them is scored as one).
    expect(share('kulakova', 'kulikova')).toBe(false);
    expect(score('Hassan Karimi', 'KARIMI, Hussein')).toBeLessThan(0.85);
  });
});

describe('spellingKey', () => {
  it('gives the usual romanisations of one Cyrillic name one key', () => {
    for (const group of [['yuriy', 'yurii', 'yury', 'iurii'], ['khabarov', 'habarov'], ['shchukin', 'schukin'], ['sergey', 'sergei', 'sergej'], ['yuliya', 'iuliia'], ['yevgeniy', 'evgenii', 'jewgeni']]) {
      expect(new Set(group.map(spellingKey)), group.join(', ')).toHaveProperty('size', 1);
    }
  });
  it('reads an ordinal as its number, so "14th Research Institute" is "Research Institute 14" and not the 54th', () => {
    expect(normalizeName('CETC 14th Research Institute').tokens).toEqual(['cetc', '14', 'research', 'institute']);
    expect(scored('CETC 14th Research Institute', 'CETC Research Institute 14').score).toBe(1);
    expect(scored('CETC 54th Research Institute', 'CETC Research Institute 14').score).toBeLessThan(0.85);
    expect(normalizeName('The 1st, 2nd and 3rd Plants').tokens).toEqual(['1', '2', '3', 'plants']);
  });
  it('keeps distinct pinyin syllables and numbers apart', () => {
    expect(spellingKey('liu')).not.toBe(spellingKey('lu'));
    expect(spellingKey('ju')).not.toBe(spellingKey('yu'));
    expect(spellingKey('54th')).not.toBe(spellingKey('55th'));
  });
});

describe('pinyinSyllables', () => {
  it('cuts romanised Chinese words into syllables and leaves other words alone', () => {
    expect(pinyinSyllables('dajiang')).toEqual(['da', 'jiang']);
    expect(pinyinSyllables('zhongguo')).toEqual(['zhong', 'guo']);
    expect(pinyinSyllables('technology')).toBeUndefined();
  });
  it('compares a name in Chinese characters with its pinyin syllable by syllable', () => {
    const index = new NameIndex([{ value: 'dji', name: 'Shenzhen Dajiang Chuangxin Keji Co., Ltd.' }]);
    const [hit] = index.search('深圳市大疆创新科技有限公司');
    expect(hit?.value).toBe('dji');
    expect(hit!.explanation).toMatch(/syllable/);
  });
});

describe('a listed name inside a longer query (screening review of 2026-12-06)', () => {
  it('still finds a branch or division of a listed company', () => {
    expect(scored('Huawei Technologies Co., Ltd. Shenzhen Branch', 'Huawei Technologies Co., Ltd.')).toMatchObject({ method: 'contains', score: 0.9 });
    expect(scored('Shenzhen Branch of Huawei Technologies', 'Huawei Technologies')).toMatchObject({ method: 'contains' });
  });
  it('does not count words scattered across a longer name', () => {
    // 国防大学 (National Defense University) is not inside 国防科技大学 (NUDT): its syllables are not next to each other.
    expect(scored('国防科技大学', '国防大学').score).toBeLessThan(0.85);
    expect(scored('Beijing Huaxin Electronic Technology', 'Beijing Technology').method).not.toBe('contains');
  });
  it('inside a company\'s name, takes a listed name only in its own order, and never a person\'s', () => {
    expect(scored('Sun Wei Technology Co., Ltd.', 'WEI SUN').score).toBeLessThan(0.85);
    expect(scored('Wei Sun Technology Co., Ltd.', 'Wei Sun', true).score).toBeLessThan(0.85);
  });
  it('does not read two adjacent Chinese characters as a two-syllable listed name', () => {
    expect(scored('雷神导弹与防务公司', 'Fang Yu').score).toBeLessThan(0.85);
    expect(scored('雷神导弹与防务公司', 'Yu Fang').score).toBeLessThan(0.85);
  });
});

describe('a firm\'s own name given without its place or industry words (screening gap "DJI Technology")', () => {
  const index = new NameIndex([
    { value: 'dji', name: 'DJI', aliases: ['Shenzhen DJI Innovation Technology Co., Ltd.', 'SZ DJI Technology Co., Ltd.'] },
    { value: 'atlas', name: 'Shenzhen Atlas Northstar Metals Co., Ltd.' },
    { value: 'group', name: 'Shenzhen Technology Group Co., Ltd.' },
  ]);
  it('matches it just above the threshold, saying which listed words the query left out', () => {
    expect(scored('DJI Technology', 'SZ DJI Technology Co., Ltd.')).toMatchObject({ score: 0.86, method: 'own-name' });
    expect(scored('Shenzhen DJI', 'Shenzhen DJI Innovation Technology Co., Ltd.').notes.at(-1)).toMatch(/without the listed "innovation", "technology": it may be this party/);
    expect(index.search('DJI Technology').map((m) => [m.value, m.score])).toEqual([['dji', 0.86]]);
    expect(index.search('Shenzhen DJI Co., Ltd.').map((m) => m.value)).toEqual(['dji']);
  });
  it('does not when the query adds a word of its own, names another place, or gives no word of the firm\'s own', () => {
    expect(scored('Wuhan DJI Technology', 'SZ DJI Technology Co., Ltd.').score).toBeLessThan(0.85);
    expect(scored('Quantum Institute', 'Jinan Institute of Quantum Technology').score).toBeLessThan(0.85);
    expect(scored('DJI Energy', 'Shenzhen DJI Innovation Technology Co., Ltd.').score).toBeLessThan(0.85);
    expect(index.search('Technology Group')).toEqual([]);
  });
  it('adds no other firm of the name when the query gives a listed name whole', () => {
    const idx = new NameIndex([
      { value: 'hq', name: 'Huawei Technologies Co., Ltd.' },
      { value: 'chengdu', name: 'Chengdu Huawei Technologies Co., Ltd.' },
      { value: 'xian', name: "Xi'an Huawei Technologies Co., Ltd." },
    ]);
    expect(idx.search('Huawei Technologies Co., Ltd.').map((m) => m.value)).toEqual(['hq']);
    // Nor one whose name is all industry words (no own word to read): the listed name with a place added.
    const smic = new NameIndex(['Semiconductor Manufacturing International Corporation', 'Semiconductor Manufacturing International (Beijing) Corporation'].map((name, value) => ({ value, name })));
    expect(smic.search('Semiconductor Manufacturing International Corporation').map((m) => m.value)).toEqual([0]);
    // Nor, the other way, the firm of the name without the place, found inside the query (it would be, at 0.9).
    expect(smic.search('Semiconductor Manufacturing International (Beijing) Corporation').map((m) => m.value)).toEqual([1]);
    expect(smic.search('Semiconductor Manufacturing International (Beijing) Corporation', { accept: (v) => v === 0 }).map((m) => [m.value, m.score, m.method])).toEqual([[0, 0.9, 'contains']]);
    // On two lists the two names may be one firm's, written with and without its place: both are kept.
    const lists = new NameIndex([
      { value: 'el', name: 'Foshan Atlas Northstar Technology Co., Ltd.', list: 'entity-list' },
      { value: 'meu', name: 'Atlas Northstar Technology Co., Ltd.', list: 'meu-list' },
    ]);
    expect(lists.search('Foshan Atlas Northstar Technology Co., Ltd.').map((m) => [m.value, m.method])).toEqual([['el', 'exact'], ['meu', 'contains']]);
    expect(lists.search('Atlas Northstar Technology Co., Ltd.').map((m) => [m.value, m.method])).toEqual([['meu', 'exact'], ['el', 'own-name']]);
    expect(idx.search('Huawei Technologies', { accept: (v) => v !== 'hq' }).map((m) => [m.value, m.score, m.method])).toEqual([['chengdu', 0.86, 'own-name'], ['xian', 0.86, 'own-name']]);
  });
  it('reads only a Chinese firm\'s name this way (a Chinese place in it, or its list locating it in China): a Western parent is not its listed subsidiary', () => {
    expect(scored('General Dynamics', 'General Dynamics Information Technology').score).toBeLessThan(0.85);
    expect(scored('Huaxin Optics', 'Huaxin Optics Technology Co., Ltd.').score).toBeLessThan(0.85);
    const located = new NameIndex([
      { value: 'ymtc', name: 'Yangtze Memory Technologies Co., Ltd.', country: 'CN' },
      { value: 'gdit', name: 'General Dynamics Information Technology', country: 'US' },
      { value: 'unplaced', name: 'Huaxin Optics Technology Co., Ltd.' },
    ]);
    expect(located.search('Yangtze Memory').map((m) => [m.value, m.score, m.method])).toEqual([['ymtc', 0.86, 'own-name']]);
    expect(located.search('Yangtze Memory')[0]!.explanation).toMatch(/without the listed "technologies": it may be this party/);
    expect(located.search('General Dynamics')).toEqual([]);
    expect(located.search('Huaxin Optics')).toEqual([]);
    // Another trade after the own name is another firm of the name.
    expect(located.search('Yangtze Memory Logistics Co., Ltd.')).toEqual([]);
  });
  it('does not leave out a word of the firm\'s own, nor read a word given alone or a person\'s name this way', () => {
    expect(index.search('Atlas Metals')).toEqual([]);
    expect(index.search('Atlas Northstar Metals').map((m) => m.value)).toEqual(['atlas']);
    expect(index.search('Atlas Northstar').map((m) => m.value)).toEqual(['atlas']);
    expect(scored('Acme', 'Acme Photonics Co., Ltd.').score).toBeLessThan(0.85);
    expect(scored('Zhang, Wei', 'Beijing Zhang Wei Technology Co., Ltd.').score).toBeLessThan(0.85);
  });
  it('counts a letter dropped from between two like letters as one slip, found through the index too', () => {
    // "Everreen" for "Evergreen": the words differ by one letter, their spelling keys ("everen", "evergren") by two.
    const names = ['Evergreen Pacific Engineering Ltd.', 'Everen Pacific Engineering Ltd.'];
    const idx = new NameIndex(names.map((name, value) => ({ value, name })));
    expect(scored('Everreen Pacific Engineering Ltd.', names[0]!).score).toBeGreaterThanOrEqual(0.85);
    expect(idx.search('Everreen Pacific Engineering Ltd.').map((m) => m.value)).toContain(0);
    expect(idx.search('Evergreen Pacific Engineering').map((m) => m.value)).toContain(1);
    // Only a letter between two like ones: a letter dropped and another changed ("Everteen") is not one slip.
    expect(scored('Everteen Pacific Engineering Ltd.', names[0]!).notes.join(' ')).not.toMatch(/everteen ≈ evergreen/);
  });
  it('counts two neighbouring letters swapped as one slip in a word of five letters or more, found through the index too', () => {
    // "Hauwei" for "Huawei": Levenshtein counts two edits, more than a six-letter word may differ by; a swap is one slip.
    const names = ['Huawei Technologies Co., Ltd.', 'Hikvision Digital Technology Co., Ltd.'];
    const idx = new NameIndex(names.map((name, value) => ({ value, name })));
    for (const query of ['Hauwei Technologies Co., Ltd.', 'Huawie Technologies', 'Hikvisoin Digital Technology']) {
      expect(idx.search(query).map((m) => m.value), query).toEqual([query.startsWith('Hik') ? 1 : 0]);
      expect(scored(query, names[query.startsWith('Hik') ? 1 : 0]!).method).toBe('similar');
    }
    // A swap that is the only word scores as a letter changed does (1 − 1/6), below the threshold alone.
    expect(scored('Hauwei', 'Huawei').score).toBeCloseTo(1 - 1 / 6, 5);
    // Two swaps, or a swap in a word of four letters, are not one slip.
    expect(idx.search('Hauwie Technologies Co., Ltd.').map((m) => m.value)).toEqual([]);
    expect(scored('Acme Metals', 'Amce Metals').score).toBeLessThan(0.85);
  });
  it('is found through the index as scoring every name would, with a slip in a word', () => {
    const names = ['Shenzhen Huaxin Electronic Technology Co., Ltd.', 'SZ Huaxin Technology Co., Ltd.', 'Beijing Northstar Optics Co., Ltd.', 'Northstar Laser Group'];
    const idx = new NameIndex(names.map((name, value) => ({ value, name })));
    for (const query of ['Huaxin Technology', 'Huaxing Technology', 'Northstar Optics', 'Huaxin Electronic Technology', 'Northstar Lasar', 'Northtar Optics', 'Shenzhen Huaxin Electronnic Technology']) {
      for (const minScore of [0.85, 0.7]) {
        const expected = names.flatMap((n, i) => (scoreNames(normalizeName(query), normalizeName(n)).score >= minScore ? [i] : []));
        expect(idx.search(query, { minScore }).map((m) => m.value).sort(), `${query} at ${minScore}`).toEqual(expected);
      }
    }
  });
});

describe('a name that agrees only in place and industry words (screening review Q89)', () => {
  const hikvision = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
  it('scores below the threshold when the listed name\'s own word is left out, and says why', () => {
    const s = scored('Hangzhou Digital Technology Co., Ltd.', hikvision);
    expect(s.score).toBe(GENERIC_ONLY);
    expect(s.score).toBeLessThan(0.85);
    expect(s.notes.join('; ')).toMatch(/only place and industry words agree; the listed name's own "hikvision" is not in the query/);
  });
  it('leaves a name that gives the own word alone: whole, without its place, or with a slip', () => {
    expect(scored(hikvision, hikvision).score).toBe(1);
    expect(scored('Hikvision Digital Technology', hikvision).score).toBeGreaterThanOrEqual(0.85);
    expect(scored('Hangzhou Hikvison Digital Technology', hikvision).score).toBeGreaterThanOrEqual(0.85);
  });
  it('keeps a query with an own word of its own at its overlap, below the threshold anyway', () => {
    expect(scored('Hangzhou Acme Digital Technology', hikvision).score).toBeLessThan(0.8);
  });
});

describe('names in Chinese characters that begin with different places (screening review Q43)', () => {
  it('cuts 北京 against 南京 below the threshold, one syllable apart, and says why', () => {
    const s = scored('北京航空航天大学', '南京航空航天大学');
    expect(s.score).toBeLessThan(0.85);
    expect(s.notes.join('; ')).toMatch(/the places differ \(beijing against nanjing\)/);
  });
  it('leaves the same place, a name without a place, and the same name whole', () => {
    expect(scored('北京航空航天大学', '北京航空航天大学').score).toBe(1);
    expect(scored('北京航空航天大学', 'Beijing Hangkong Hangtian Daxue').score).toBeGreaterThanOrEqual(0.85);
    // "zhong guo" (China) before a name is not a place of its own: 中国北京 is still Beijing.
    expect(scored('中国北京航空航天大学', '北京航空航天大学').notes.join('; ')).not.toMatch(/places differ/);
    expect(scored('中国北京航空航天大学', '南京航空航天大学').notes.join('; ')).toMatch(/places differ \(beijing against nanjing\)/);
  });
});

describe('given names as initials (screening gap "J. M. Smith")', () => {
  it('reads two initials or more for a listed person\'s given names, in order, at just above the threshold', () => {
    const khan = scored('A. Q. Khan', 'KHAN, Abdul Qadeer', true);
    expect(khan.score).toBe(INITIALS_GIVEN);
    expect(khan.notes.join('; ')).toMatch(/given names as initials: a = abdul, q = qadeer/);
    expect(scored('Khan, A. Q.', 'KHAN, Abdul Qadeer', true).score).toBe(INITIALS_GIVEN);
    // A patronymic is a given name an initial may stand for, or that may be left out.
    expect(scored('S. P. Ivanov', 'IVANOV, Sergei Petrovich', true).score).toBe(INITIALS_GIVEN);
  });
  it('does not read one initial, initials out of order or of other names, or a firm\'s name this way', () => {
    expect(scored('J. Smith', 'SMITH, John', true).score).toBeLessThan(0.85);
    expect(scored('M. J. Smith', 'SMITH, John Michael', true).score).toBeLessThan(0.85);
    expect(scored('J. R. Smith', 'SMITH, John Michael', true).score).toBeLessThan(0.85);
    expect(scored('A. Q. Khan', 'Khan Abdul Qadeer Trading', false).score).toBeLessThan(0.85);
  });
  it('is found through the index as scoring every name would', () => {
    const names = ['KHAN, Abdul Qadeer', 'SMITH, John Michael', 'SMITH, Jane', 'HUSSEIN, Mohammed Ali', 'Khan Trading Co'];
    const idx = new NameIndex(names.map((name, value) => ({ value, name, person: name.includes(',') })));
    for (const query of ['A. Q. Khan', 'J. M. Smith', 'J. Smith', 'M. A. Husayn', 'A Q Khan', 'J. M. Smyth']) {
      for (const minScore of [0.85, 0.7]) {
        const expected = names.flatMap((n, i) => (scored(query, n, n.includes(',')).score >= minScore ? [i] : []));
        expect(idx.search(query, { minScore }).map((m) => m.value).sort(), `${query} at ${minScore}`).toEqual(expected);
      }
    }
  });
});

describe('short forms in brackets', () => {
  const index = new NameIndex([
    { value: 1, name: 'China Electronics Technology Group Corporation 14th Research Institute (CETC 14)' },
    { value: 2, name: 'Shenzhen Example Trading Co., Ltd. (Shenzhen)' },
    { value: 3, name: 'Example Holdings (Group)' },
    { value: 4, name: 'China Electronics Technology Group Corporation (CETC) 54th Research Institute' },
    { value: 5, name: 'Example Electronics (Shenzhen) Research Center' },
  ]);
  it('finds a listed name by the acronym it gives in brackets at its end', () => {
    expect(index.search('CETC 14').map((m) => [m.value, m.matchedName])).toEqual([[1, 'CETC 14']]);
    expect(index.search('CETC14').map((m) => m.value)).toEqual([1]);
  });
  it('reads an acronym inside a name as the words before it, with the words after it', () => {
    expect(index.search('CETC 54th Research Institute').map((m) => [m.value, m.matchedName, m.score])).toEqual([[4, 'CETC 54th Research Institute', 1]]);
    expect(index.search('CETC 14th Research Institute').map((m) => m.value)).not.toContain(4);
  });
  it('takes only acronyms: a bracketed place or word is not a name of its own', () => {
    expect(index.search('Shenzhen')).toEqual([]);
    expect(index.search('Group')).toEqual([]);
    expect(index.search('Shenzhen Research Center')).toEqual([]);
  });
});

describe('abbreviations that stand for one word', () => {
  it('reads "Intl." as International, "Univ." as University', () => {
    expect(normalizeName('Semiconductor Manufacturing Intl. Corp.').tokens).toEqual(normalizeName('Semiconductor Manufacturing International Corporation').tokens);
    expect(normalizeName('Natl Univ of Defense Technology').tokens).toEqual(['national', 'university', 'defense', 'technology']);
  });
  it('reads "Inst.", "Tech.", "Acad.", "Sci." and "Lab" in institute names (enduse review U84, U107)', () => {
    expect(normalizeName('Beijing Inst. of Technology').tokens).toEqual(normalizeName('Beijing Institute of Technology').tokens);
    expect(normalizeName('Academy of Aerospace Solid Propulsion Tech.').tokens).toEqual(normalizeName('Academy of Aerospace Solid Propulsion Technology').tokens);
    expect(normalizeName('Chinese Acad. of Sci. Key Lab').tokens).toEqual(['chinese', 'academy', 'science', 'key', 'laboratory']);
  });
});

describe('middle names given on one side only', () => {
  const score = (query: string, listed: string) => scored(query, listed).score;
  it('matches a person named without one or more of the listed middle names, but not with another given name or surname', () => {
    expect(score('Sarah Weber', 'WEBER, Sarah Anne Marie')).toBeGreaterThanOrEqual(0.85);
    expect(score('Sarah Weber', 'WEBER, Sarah Anne Marie')).toBeLessThan(1);
    expect(score('Weber Sarah', 'WEBER, Sarah Anne Marie')).toBeGreaterThanOrEqual(0.85);
    expect(score('Julia Weber', 'WEBER, Sarah Anne Marie')).toBeLessThan(0.85);
    expect(score('Anne Weber', 'WEBER, Sarah Anne Marie')).toBeLessThan(0.85); // the first given name is not left out
    expect(score('Sarah Braun', 'WEBER, Sarah Anne Marie')).toBeLessThan(0.85);
    expect(score('Sarah Anne', 'WEBER, Sarah Anne Marie')).toBeLessThan(0.85);
  });
  it('matches a query with a middle initial the listing lacks, or one that abbreviates the listed middle name, but not another', () => {
    expect(score('Sarah A. Weber', 'WEBER, Sarah')).toBeGreaterThanOrEqual(0.85);
    expect(score('Sarah A. Weber', 'WEBER, Sarah Anne')).toBeGreaterThanOrEqual(0.85);
    expect(score('WEBER, Sarah A.', 'WEBER, Sarah Anne')).toBeGreaterThanOrEqual(0.85);
    expect(score('Sarah B. Weber', 'WEBER, Sarah Anne')).toBeLessThan(0.85);
    expect(score('Julia A. Weber', 'WEBER, Sarah')).toBeLessThan(0.85);
    expect(score('Sarah A. Braun', 'WEBER, Sarah')).toBeLessThan(0.85);
  });
  it('leaves out a lone middle initial even where the list does not say the name is a person\'s (screening review Q68)', () => {
    const index = new NameIndex([{ value: 'koynov', name: 'Sergey Koynov', aliases: ['Sergey V. Coyne'] }]);
    expect(index.search('Sergey Coyne').map((m) => m.matchedName)).toEqual(['Sergey V. Coyne']);
    expect(index.search('Ivan Coyne')).toEqual([]);
    expect(index.search('Sergey Coyle')).toEqual([]);
  });
  it('allows one slip in a long word besides a middle name left out, not in a short one', () => {
    expect(score('Mehdi Husseini', 'HOSSEINI, Mehdi Mahmoud')).toBeGreaterThanOrEqual(0.85);
    expect(score('Nabil Moradi', 'MORADI, Nabih Abdullah')).toBeLessThan(0.85);
    // "Khaled" and "Khalid" are two romanisations of one Arabic name (`vowelKeys`), not a slip.
    expect(score('Khaled Moradi', 'MORADI, Khalid Abdullah')).toBeGreaterThanOrEqual(0.85);
    // "Mehdi" and "Mahdi" are two romanisations of one name (an e for a), not a second slip.
    expect(score('Mehdi Husseini', 'HOSSEINI, Mahdi Mahmoud')).toBeGreaterThanOrEqual(0.85);
    expect(score('Mehdi Husseini', 'HOSSEINI, Majid Mahmoud')).toBeLessThan(0.85);
  });
  it('reads the aliases of a listed person as a person\'s names, and leaves companies alone', () => {
    const index = new NameIndex([
      { value: 'najafi', name: 'NAJAFI, Khalid Omar', aliases: ['Khaled Omar Najafi'] },
      { value: 'atlas', name: 'Atlas Precision Metals Ltd.', aliases: ['Atlas Precision Metals'] },
    ]);
    expect(index.search('Khaled Najafi').map((m) => m.value)).toEqual(['najafi']);
    expect(index.search('Khaled Omar Najafi')[0]?.score).toBe(1);
    expect(index.search('Rashid Najafi')).toEqual([]);
    expect(index.search('Atlas Metals')).toEqual([]);
    expect(index.search('Atlas P. Metals')).toEqual([]);
  });
  it('finds them through the index as scoring every name would', () => {
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const GIVEN = ['Sarah', 'Anne', 'Marie', 'Julia', 'Thomas', 'Andreas', 'Mehdi', 'Mahdi', 'Khalid', 'Khaled', 'Omar', 'A', 'B'];
    const SURNAMES = ['Weber', 'Webber', 'Braun', 'Hosseini', 'Husseini', 'Najafi', 'Al-Tamimi', 'Atlas'];
    const given = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(GIVEN));
    const values = Array.from({ length: 300 }, (_, i) => {
      const [g, s] = [given(), pick(SURNAMES)];
      return { value: i, name: `${s.toUpperCase()}, ${g.join(' ')}`, ...(rand() < 0.3 ? { aliases: [`${g.join(' ')} ${s}`] } : {}) };
    });
    const index = new NameIndex(values);
    const norms = values.flatMap((v) => [v.name, ...(v.aliases ?? [])].map((n) => ({ value: v.value, norm: { ...normalizeName(n), person: true } })));
    for (let k = 0; k < 500; k++) {
      const query = rand() < 0.7 ? `${given().join(' ')} ${pick(SURNAMES)}` : `${pick(SURNAMES)}, ${given().join(' ')}`;
      const q = normalizeName(query);
      for (const minScore of [0.85, 0.7]) {
        const expected = new Set(norms.filter((n) => scoreNames(q, n.norm).score >= minScore).map((n) => n.value));
        expect(new Set(index.search(query, { minScore }).map((m) => m.value)), `${query} at ${minScore}`).toEqual(expected);
      }
    }
  });
});

describe('an organisation written "Name, Unit" is not read as "SURNAME, Given Middle"', () => {
  it('its middle words are not optional, while a person\'s still are', () => {
    expect(normalizeName('Sichuan University, Suzhou Research Institute').person).toBe(false);
    expect(normalizeName('Boeing Defense, Space & Security').person).toBe(false);
    expect(normalizeName('Acme, Inc.').person).toBe(false);
    expect(normalizeName('WEBER, Sarah Anne').person).toBe(true);
    const index = new NameIndex([{ value: 'scu', name: 'Sichuan University, Suzhou Research Institute' }, { value: 'weber', name: 'WEBER, Sarah Anne' }]);
    expect(index.search('Suzhou Sichuan University').map((m) => m.value)).toEqual([]);
    expect(index.search('Sarah Weber').map((m) => m.value)).toEqual(['weber']);
  });
});
