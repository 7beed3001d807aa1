import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartyList } from './lists.js';
import { normalizeName } from './names.js';
import { compareAddress, listedOrUnverified, ListScreener, normalizeScreeningRequest, PartyScreener } from './screening.js';
import { brandMatcher } from './lists.js';
import type { ListedParty } from './types.js';

const party = (id: string, name: string, aliases: string[] = []): ListedParty => ({
  id, name, aliases, list: 'l', listTitle: 'List', measure: 'm', added: '2025-01-01', requirement: 'prohibited',
});
const screener = new PartyScreener([
  party('mp', 'MP Materials Corp.', ['MP Materials']),
  party('hii', 'Huntington Ingalls Industries, Inc.'),
  party('zkh', 'Beijing Zhong Ke San Huan High-Tech Co., Ltd.', ['北京中科三环高技术股份有限公司']),
  party('gmbh', 'Beispiel Sensorik GmbH'),
  party('rom', 'Romashka LLC', ['ООО «Ромашка»']),
  party('ivanov', 'Ivanov, Sergei Petrovich'),
]);
const ids = (name: string) => screener.screen(name, '2026-01-01').map((m) => `${m.party.id}:${m.method}`);

describe('normalizeName', () => {
  it('drops case, punctuation and legal forms in several languages', () => {
    expect(normalizeName('Huntington Ingalls Industries, Inc.').tokens).toEqual(['huntington', 'ingalls', 'industries']);
    expect(normalizeName('Banco Ejemplo S.A.').tokens).toEqual(['banco', 'ejemplo']);
    expect(normalizeName('ООО «Ромашка»').tokens).toEqual(['romashka']);
    expect(normalizeName('Muster Sp. z o.o.').dropped).toContain('sp');
  });
  it('romanises Chinese characters to pinyin without the legal form', () => {
    const n = normalizeName('华为技术有限公司');
    expect(n.tokens).toEqual(['hua', 'wei', 'ji', 'shu']);
    expect(n.compact).toBe('huaweijishu');
    expect(n.scripts).toEqual(['Chinese characters']);
  });
});

describe('PartyScreener', () => {
  it('matches across case, punctuation and legal suffixes', () => {
    expect(ids('mp materials corporation')).toEqual(['mp:exact']);
    expect(ids('HUNTINGTON INGALLS INDUSTRIES')).toEqual(['hii:exact']);
    expect(ids('Beispiel Sensorik')).toEqual(['gmbh:exact']);
  });
  it('matches a listed name inside a longer one (branches, divisions)', () => {
    expect(ids('Huntington Ingalls Industries Newport News Shipbuilding')).toEqual(['hii:contains']);
  });
  it('matches Chinese names with or without the legal form, and their pinyin', () => {
    expect(ids('北京中科三环高技术有限公司')).toEqual(['zkh:exact']);
    expect(ids('北京中科三环高技术')).toEqual(['zkh:exact']);
    expect(ids('Beijing Zhongke Sanhuan Gaojishu Youxian Gongsi')).toEqual(['zkh:exact']);
  });
  it('matches Cyrillic names to their Latin form, and persons in another word order', () => {
    expect(ids('Ромашка')).toEqual(['rom:exact']);
    expect(ids('Sergei Petrovich Ivanov')).toEqual(['ivanov:exact']);
    expect(ids('Сергей Петрович Иванов')).toEqual(['ivanov:similar']); // Сергей → Sergey ≈ Sergei
  });
  it('finds a person named without the middle name or patronymic, and says which is missing', () => {
    expect(ids('Sergei Ivanov')).toEqual(['ivanov:similar']);
    expect(ids('Sergey Ivanov')).toEqual(['ivanov:similar']);
    const [hit] = screener.screen('Sergei Ivanov', '2026-01-01');
    expect(hit!.score).toBeGreaterThanOrEqual(0.85);
    expect(hit!.explanation).toMatch(/patronymic "petrovich" not given/);
    // Another given name is another person, patronymic or not.
    expect(ids('Pavel Ivanov')).toEqual([]);
    expect(ids('Sergei Pavlovich Ivanov')).toEqual([]);
  });
  it('matches the usual romanisations of one Cyrillic name', () => {
    expect(ids('Sergej Petrowitsch Iwanow')).toEqual(['ivanov:similar']);
    expect(ids('IVANOV Sergey Petrovich')).toEqual(['ivanov:similar']);
  });
  it('tolerates a typo in a long word and says so', () => {
    const [hit] = screener.screen('Huntingdon Ingalls Industries', '2026-01-01');
    expect(hit?.party.id).toBe('hii');
    expect(hit?.explanation).toMatch(/huntingdon ≈ huntington/);
    expect(hit!.score).toBeLessThan(1);
  });
  it('does not match partial words or other companies', () => {
    expect(ids('MPM Materials')).toEqual([]);
    expect(ids('Huntington Bank')).toEqual([]);
    expect(ids('Ingalls')).toEqual([]);
  });
  it('does not take one numbered institute of a group for another (screening review Q52)', () => {
    const institutes = new PartyScreener([
      party('i14', 'Northwind Electronics Group 14th Research Institute', ['北风电子集团第十四研究所']),
      party('i54', 'Northwind Electronics Group 54th Research Institute', ['北风电子集团第五十四研究所']),
    ]);
    const found = (name: string) => institutes.screen(name, '2026-01-01').map((m) => m.party.id);
    expect(found('北风电子集团第十四研究所')).toEqual(['i14']);
    expect(found('Northwind Electronics Group 54th Research Institute')).toEqual(['i54']);
    // A near match for review, not a match: the numbers differ.
    expect(institutes.screen('北风电子集团第五十五研究所', '2026-01-01')).toEqual([]);
    expect(normalizeName('第一百零二研究所').numbers).toEqual(['102']);
    expect(normalizeName('Plant No. 7').numbers).toEqual(['7']);
  });
  it('respects listing dates', () => {
    expect(screener.screen('MP Materials', '2024-12-31')).toEqual([]);
  });
});

const list = (id: string, jurisdiction: string, entries: PartyList['entries']): PartyList => ({
  id, name: id, jurisdiction, consequence: { requirement: 'license_required', licensePolicy: 'case_by_case', summary: 's' },
  source: { url: 'https://example.org/list', publisher: 'Publisher', date: '2026-11-01' }, asOf: '2026-11-01', entries,
});

describe('ListScreener', () => {
  const lists = new ListScreener([
    list('a', 'US', [{ id: '1', name: 'Huawei Technologies Co., Ltd.', aliases: ['华为技术有限公司'], country: 'CN', licensePolicy: 'presumption_of_denial' }]),
    list('b', 'US', [{ id: '2', name: 'Huawei Technologies Co., Ltd.', country: 'DE', requirement: 'prohibited' }]),
  ]);
  it('returns the CONTRACT §9 answer with entry, score, explanation and consequence', () => {
    const r = lists.screen({ id: 'q1', name: '华为技术有限公司' });
    expect(r.id).toBe('q1');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ list: 'a', matchedName: '华为技术有限公司', score: 1, consequence: 'license_required', licensePolicy: 'presumption_of_denial' });
    expect(r.matches[0]!.explanation).toMatch(/alias/);
    expect(r.lists.map((l) => l.entries)).toEqual([1, 1]);
    // Each list screened says what a hit on it means, whatever the entry says.
    expect(r.lists[0]!.consequence).toEqual({ requirement: 'license_required', licensePolicy: 'case_by_case', summary: 's' });
  });
  it('filters by country and by list', () => {
    expect(lists.screen({ name: 'Huawei Technologies', country: 'de' }).matches.map((m) => m.list)).toEqual(['b']);
    expect(lists.screen({ name: 'Huawei Technologies', lists: ['b'] }).matches.map((m) => m.consequence)).toEqual(['prohibited']);
  });
  it('names each bad field', () => {
    expect(() => lists.screen({ name: '', minScore: 2, lists: ['zz'], colour: 1 })).toThrow(/name: required.*lists\[0\]: unknown list "zz".*minScore: expected a number from 0 to 1.*colour: unknown field/);
    expect(() => lists.screen({ name: 123 })).toThrow(/name: expected the party name to screen as text, got 123/);
  });
  it('gives the closest names as nearMatches only when nothing reaches the threshold, never below 0.6 unless the listed name begins with the name given', () => {
    const brand = new ListScreener([list('a', 'US', [{ id: '1', name: 'Huawei Chile S.A.', country: 'CL' }, { id: '2', name: 'Huawei Cloud Computing Technology Co., Ltd.', country: 'CN' }, { id: '3', name: 'Beijing Huawei Cloud Co.', country: 'CN' }])]);
    const r = brand.screen({ name: 'Huawei' });
    expect(r.matches).toEqual([]);
    // "Huawei" is 1 of 2 words of the first name (0.667) and 1 of 4 of the second (0.4, below the floor, but the
    // name begins with it); the third holds it but begins otherwise.
    expect(r.nearMatches?.map((m) => [m.entry.name, m.score.toFixed(3)])).toEqual([['Huawei Chile S.A.', '0.667'], ['Huawei Cloud Computing Technology Co., Ltd.', '0.400']]);
    expect(r.nearMatches?.[1]!.explanation).toMatch(/listed name "Huawei Cloud Computing Technology Co\., Ltd\." begins with the words given \("huawei"\) and goes on/);
    expect(brand.screen({ name: 'Huawei', country: 'CL' }).nearMatches?.map((m) => m.entry.name)).toEqual(['Huawei Chile S.A.']);
    expect(brand.screen({ name: 'Huawei Chile' }).nearMatches).toBeUndefined();
    expect(brand.screen({ name: 'Huawei', minScore: 0.6 }).matches).toHaveLength(1);
    expect(brand.screen({ name: 'Huawei', minScore: 0.5 }).nearMatches).toBeUndefined();
    expect(brand.screen({ name: 'Acme Widgets' })).not.toHaveProperty('nearMatches');
  });
  it('gives no names that begin with the name given when more than twenty parties\' names do, or when its first word is an organisation\'s or a place\'s', () => {
    const many = new ListScreener([list('a', 'US', [
      ...Array.from({ length: 21 }, (_, i) => ({ id: `z${i}`, name: `Zorvex Trading Branch ${i + 1}`, country: 'AE' })),
      { id: 'r1', name: 'Raytor Missiles & Defense', country: 'US' },
      { id: 'g1', name: 'Group Kestrel Holdings', country: 'US' },
    ])]);
    expect(many.screen({ name: 'Zorvex' }).nearMatches).toBeUndefined();
    expect(many.screen({ name: 'Raytor' }).nearMatches?.map((m) => [m.entry.name, m.score])).toEqual([['Raytor Missiles & Defense', 0.5]]);
    expect(many.screen({ name: 'Raytor Missiles' }).nearMatches?.map((m) => m.entry.name)).toEqual(['Raytor Missiles & Defense']);
    // A name that holds the word elsewhere does not begin with it (0.5, below the floor).
    expect(many.screen({ name: 'Kestrel' }).nearMatches).toBeUndefined();
    expect(many.screen({ name: 'Group' }).nearMatches).toBeUndefined();
  });
  it('refuses a two-letter country that is no country, which as a filter would hide every hit', () => {
    const known = new ListScreener([list('b', 'US', [{ id: '2', name: 'Huawei Technologies Co., Ltd.', country: 'GB' }])], (c) => c === 'GB');
    expect(() => known.screen({ name: 'Huawei Technologies', country: 'UK' })).toThrow(/country: unknown country code "UK"/);
    expect(known.screen({ name: 'Huawei Technologies', country: 'gb' }).matches.map((m) => m.entry.country)).toEqual(['GB']);
  });
});

describe('brands (ListBinding.brands) in standalone screening', () => {
  const entries: PartyList['entries'] = [
    { id: '1', name: 'Acme Photonics Co., Ltd.', country: 'CN' },
    { id: '2', name: 'Acme Photonics (Berlin) GmbH', country: 'DE' },
    { id: '3', name: 'Shenzhen Acme Cloud Co., Ltd.', aliases: ['深圳爱克美云'], country: 'CN' },
    { id: '4', name: 'Acmesoft Research Institute', country: 'CN' },
    { id: '5', name: '爱克美光电有限公司', country: 'CN' },
  ];
  const brands = [{ list: 'a', brands: ['Acme', '爱克美'], names: ['Acme Photonics Co., Ltd.'] }];
  const screener = new ListScreener([list('a', 'US', entries), list('b', 'US', [{ id: '9', name: 'Acme Photonics Co., Ltd.', country: 'CN' }])], undefined, brands);
  const hits = (r: ReturnType<typeof screener.screen>) => r.matches.map((m) => `${m.list}:${m.entry.id}:${m.score}`);

  it('matches a brand given alone with the entry it stands for first, then the entries of its list that carry it as a word', () => {
    const r = screener.screen({ name: 'ACME' });
    expect(hits(r)).toEqual(['a:1:0.9', 'a:2:0.9', 'a:3:0.9']);
    expect(r.matches[0]!.matchedName).toBe('Acme');
    expect(r.matches.every((m) => m.brand === 'Acme')).toBe(true);
    expect(r.matches[0]!.explanation).toMatch(/carries "Acme", a brand of the listed Acme Photonics Co\., Ltd\.: it may be that party or another party of its group/);
    expect(r.matches[1]!.explanation).toMatch(/and so does this listed name/);
    expect(r).not.toHaveProperty('nearMatches');
  });
  it('finds a brand in another script as text, and a Latin one only as whole words', () => {
    expect(hits(screener.screen({ name: '爱克美集团' }))).toEqual(['a:1:0.9', 'a:3:0.9', 'a:5:0.9']);
    expect(screener.screen({ name: 'Acmesoft Holdings' }).matches.filter((m) => m.matchedName === 'Acme')).toEqual([]);
  });
  it('adds nothing to a name that matches a listed name well: that is the party', () => {
    const plain = new ListScreener([list('a', 'US', entries), list('b', 'US', [{ id: '9', name: 'Acme Photonics Co., Ltd.', country: 'CN' }])]);
    const r = screener.screen({ name: 'Acme Photonics (Berlin) GmbH' });
    expect(hits(r)[0]).toBe('a:2:1');
    expect(r.matches.map((m) => m.explanation)).toEqual(plain.screen({ name: 'Acme Photonics (Berlin) GmbH' }).matches.map((m) => m.explanation));
    expect(r.matches.some((m) => /carries "Acme"/.test(m.explanation) || m.brand !== undefined)).toBe(false);
  });
  it('follows the request\'s threshold, country and lists', () => {
    expect(screener.screen({ name: 'Acme', minScore: 0.95 }).matches).toEqual([]);
    expect(hits(screener.screen({ name: 'Acme', country: 'DE' }))).toEqual(['a:2:0.9']);
    expect(screener.screen({ name: 'Acme', lists: ['b'] }).matches).toEqual([]);
  });
  it('matches nothing when the entries a brand names are not in its list (an import that spells them otherwise)', () => {
    const other = new ListScreener([list('a', 'US', [{ id: '7', name: 'ACME PHOTONICS CO LTD', country: 'CN' }])], undefined, brands);
    expect(other.screen({ name: 'Acme' }).matches).toEqual([]);
  });
});

describe('brandMatcher', () => {
  it('reads a Latin brand as whole words of any case and width, any other as text', () => {
    const acme = brandMatcher('Moore Threads');
    expect(['Moore Threads', 'MOORE  THREADS (Beijing)', 'Ｍｏｏｒｅ Threads', 'x-Moore Threads-y'].map(acme)).toEqual([true, true, true, true]);
    expect(['MooreThreads', 'Moore Threadsworth', 'Moore Thread'].map(acme)).toEqual([false, false, false]);
    expect(brandMatcher('华为')('华为技术有限公司')).toBe(true);
    expect(brandMatcher('A.B+C')('the A.B+C group')).toBe(true);
  });
});

describe('an end date after the copy was taken (listing_expiry_unverified)', () => {
  afterEach(() => { vi.useRealTimers(); });
  it('listedOrUnverified: listed through the end; after it, removed only when the copy dated on or after the end recorded it', () => {
    expect(listedOrUnverified('2026-09-16', '2026-09-16', '2026-07-09')).toBe('listed');
    expect(listedOrUnverified('2026-09-17', '2026-09-16', '2026-07-09')).toBe('expiry_unverified');
    expect(listedOrUnverified('2026-09-17', '2026-09-16', '2026-09-16')).toBe('removed');
    expect(listedOrUnverified('2026-09-17', '2026-09-16', '2026-10-01')).toBe('removed');
    expect(listedOrUnverified('2026-09-17', '2026-09-16', undefined)).toBe('removed');
    expect(listedOrUnverified('2030-01-01', undefined, '2026-07-09')).toBe('listed');
  });
  it('PartyScreener keeps a party whose end falls after its copy, marked; a party whose copy records the end is gone', () => {
    const s = new PartyScreener([
      { ...party('tdo', 'Aero Example PJSC'), removed: '2026-09-16', copyAsOf: '2026-07-09' },
      { ...party('old', 'Gone Example Ltd'), removed: '2026-06-23', copyAsOf: '2026-07-09' },
    ]);
    expect(s.screen('Aero Example', '2026-09-01')[0]).toMatchObject({ party: { id: 'tdo' } });
    expect(s.screen('Aero Example', '2026-09-01')[0]!.expiryUnverified).toBeUndefined();
    expect(s.screen('Aero Example', '2026-12-05')[0]).toMatchObject({ party: { id: 'tdo' }, expiryUnverified: { removed: '2026-09-16', asOf: '2026-07-09' } });
    expect(s.screen('Gone Example', '2026-06-23')).toHaveLength(1);
    expect(s.screen('Gone Example', '2026-06-24')).toEqual([]);
  });
  it('ListScreener reports the entry with a warning after an end the copy cannot confirm, and drops one the copy records', () => {
    const list: PartyList = {
      id: 'dpl', name: 'Denied Persons List', jurisdiction: 'US', asOf: '2026-07-09',
      consequence: { requirement: 'prohibited', summary: 'denied' }, source: { url: 'https://example.org', publisher: 'p', date: '2026-07-09' },
      entries: [
        { id: 'a', name: 'Aero Example PJSC', listedOn: '2025-09-16', removedOn: '2026-09-16' },
        { id: 'g', name: 'Gone Example Ltd', listedOn: '2016-06-23', removedOn: '2026-06-23' },
      ],
    };
    const ls = new ListScreener([list]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-01T12:00:00Z'));
    const before = ls.screen({ name: 'Aero Example' }).matches;
    expect(before).toHaveLength(1);
    expect(before[0]!.warnings).toBeUndefined();
    vi.setSystemTime(new Date('2026-12-05T12:00:00Z'));
    const after = ls.screen({ name: 'Aero Example' }).matches;
    expect(after).toHaveLength(1);
    expect(after[0]!.consequence).toBe('prohibited');
    expect(after[0]!.warnings).toEqual([{ code: 'listing_expiry_unverified', message: expect.stringContaining('was due to expire on 2026-09-16, after this copy of the list (dated 2026-07-09) was taken') }]);
    expect(ls.screen({ name: 'Gone Example' }).matches).toEqual([]);
  });
});

describe('the address a screening gives', () => {
  const list: PartyList = {
    id: 'xx-list', name: 'Test list', jurisdiction: 'US', consequence: { requirement: 'needs_information', summary: 'statement first' },
    source: { url: 'https://example.org/list', publisher: 'test', date: '2026-09-24' }, asOf: '2026-09-24',
    entries: [
      { id: 'a', name: 'Harbour Star Trading Co., Ltd.', country: 'HK', addresses: ['Room 1101, 11/F, San Toi Building, 139 Connaught Road, Central, Hong Kong', 'Unit 5, 2/F, Kwun Tong Plaza, Kowloon, Hong Kong'] },
      { id: 'b', name: 'Harbour Star Logistics', country: 'AE' },
    ],
  };
  const lists = new ListScreener([list]);
  const match = (address: string | undefined, name = 'Harbour Star Trading Co Ltd') => lists.screen({ name, ...(address !== undefined ? { address } : {}) }).matches.find((m) => m.entry.id === 'a')!;

  it('each match says which entry address shares most words with it, and which words, without changing the score', () => {
    const withAddress = match('Unit 5, Kwun Tong Plaza, Kowloon, HK');
    expect(withAddress.address).toEqual({ address: 'Unit 5, 2/F, Kwun Tong Plaza, Kowloon, Hong Kong', shared: ['5', 'kwun', 'tong', 'plaza', 'kowloon'], share: 0.83 });
    expect(withAddress.explanation).toMatch(/; address shares 5 of its words \(5, kwun, tong, plaza, kowloon\) with the entry's "Unit 5, 2\/F, Kwun Tong Plaza, Kowloon, Hong Kong"$/);
    expect(withAddress.score).toBe(match(undefined).score);
  });

  it('an address sharing no word is said so (it may be another party); none without an address or when the entry has none', () => {
    const elsewhere = match('12 Rue de Rivoli, Paris');
    expect(elsewhere.address).toEqual({ address: 'Room 1101, 11/F, San Toi Building, 139 Connaught Road, Central, Hong Kong', shared: [], share: 0 });
    expect(elsewhere.explanation).toMatch(/address shares no word with the entry's addresses/);
    expect(match(undefined).address).toBeUndefined();
    const noAddresses = lists.screen({ name: 'Harbour Star Logistics', address: 'Dubai' }).matches.find((m) => m.entry.id === 'b')!;
    expect(noAddresses.address).toBeUndefined();
  });

  it('filler words and accents do not count', () => {
    expect(compareAddress('Flat 3, Building 7, Road 9', ['Flat 3, Building 7, Road 9'])).toEqual({ address: 'Flat 3, Building 7, Road 9', shared: ['3', '7', '9'], share: 1 });
    expect(compareAddress('İvedik OSB, Ankara', ['Ivedik OSB 06378, Ankara, Türkiye'])!.shared).toEqual(['ivedik', 'osb', 'ankara']);
    expect(compareAddress('road, floor', ['Some Road'])).toBeUndefined();
  });

  it('an address longer than 1,000 characters is refused, naming the field', () => {
    expect(() => lists.screen({ name: 'Harbour Star', address: 'x'.repeat(1001) })).toThrow(/address: expected at most 1,000 characters/);
  });
});

describe('a screening request\'s id', () => {
  it('is echoed as given (a number stays a number); another JSON type is refused, naming id', () => {
    expect(normalizeScreeningRequest({ id: 7, name: 'Acme' }, new Set()).id).toBe(7);
    expect(normalizeScreeningRequest({ id: '7', name: 'Acme' }, new Set()).id).toBe('7');
    expect(() => normalizeScreeningRequest({ id: true, name: 'Acme' }, new Set())).toThrow('expected a string or a number, got true');
    const lists = new ListScreener([]);
    expect(lists.screen(normalizeScreeningRequest({ id: 7, name: 'Acme' }, new Set())).id).toBe(7);
  });
});
