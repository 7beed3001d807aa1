import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin, { DATA_VERIFIED_THROUGH, FRAMEWORK_MEASURES } from '../src/index.js';
import { ANNEX_I, ANNEX_I_CODES, ANNEX_I_VERSIONS, entryInVersion, entryLastInForce } from '../src/annex-i.js';
import { readData } from '../src/data-files.js';
import { ANNEX_I_428, listing428 } from '../src/annex-i-428.js';

const t = new PluginTester(plugin);
t.checkData({ frameworkMeasures: [...FRAMEWORK_MEASURES] });
t.checkDocs(new URL('../../../docs/measures/eu', import.meta.url).pathname);

describe('Annex I entry codes', () => {
  it('holds every code of the 2025/2003 text: 2,679 codes, 384 top-level entries', () => {
    expect(ANNEX_I.entries.length).toBe(2679);
    expect(ANNEX_I.counts.entries).toBe(2679);
    expect(ANNEX_I_CODES.size).toBe(2679);
    expect(ANNEX_I.entries.filter((e) => e.depth === 0).length).toBe(384);
  });

  it('accepts every code as euCode: an export to China on 2026-01-10 finds the 2025/2003 entry for it', () => {
    const missed: string[] = [];
    for (const { code } of ANNEX_I.entries) {
      const r = t.engine.assess({ item: { euCode: code }, from: 'DE', to: 'CN', date: '2026-01-10', endUse: 'civil' });
      const eu = r.jurisdictions[0]!;
      const head = code.split('.')[0]!;
      if (!eu.findings.some((f) => f.status === 'in_force' && f.measure.id === 'eu-del-reg-2025-2003' && f.entry?.code === head)) missed.push(code);
    }
    expect(missed).toEqual([]);
  });
});

describe('Annex I versions (annex-i-versions.json)', () => {
  interface Version { act: string; from: string; added: string[] | null; removed: string[] | null; topLevelCodes?: { count: number; codes?: string[] } }
  const file = readData<{ versions: Version[]; entryFirstInForce: Record<string, string>; entryLastInForce: Record<string, string> }>('annex-i-versions.json');
  const act = (a: string) => file.versions.find((v) => v.act === a)!;
  const top = ANNEX_I.entries.filter((e) => e.depth === 0).map((e) => e.code);

  it('2024/2547 added and removed no top-level entry; its list is the 2025 list less the 16 codes 2025/2003 added', () => {
    expect(act('2024/2547').added).toEqual([]);
    expect(act('2024/2547').removed).toEqual([]);
    const added2025 = act('2025/2003').added!;
    expect(added2025).toHaveLength(16);
    expect([...act('2024/2547').topLevelCodes!.codes!].sort()).toEqual(top.filter((c) => !added2025.includes(c)).sort());
    expect(act('2023/2616').topLevelCodes!.count).toBe(368);
  });

  it('2023/2616 added and removed no top-level entry: the list it replaced (2023/996, consolidated text of 2023-05-26) has the same 368 codes', () => {
    expect(act('2023/2616').added).toEqual([]);
    expect(act('2023/2616').removed).toEqual([]);
    const added2025 = act('2025/2003').added!;
    const listed996 = act('2023/996').topLevelCodes!.codes!;
    expect(listed996).toHaveLength(368);
    expect([...listed996].sort()).toEqual(top.filter((c) => !added2025.includes(c)).sort());
    expect([...listed996].sort()).toEqual([...act('2024/2547').topLevelCodes!.codes!].sort());
    const v996 = ANNEX_I_VERSIONS.find((x) => x.measure === 'eu-del-reg-2023-996')!;
    expect(top.filter((c) => entryInVersion(c, v996)).sort()).toEqual([...listed996].sort());
    expect(Object.values(file.entryFirstInForce)).not.toContain('2023-12-16');
  });

  it('2022/1 (read in full) lists the 368 codes of 2023-05-26 less 2D352 and 3D006, which 2023/66 added; the original 2021 list is assumed equal to it', () => {
    const listed22 = act('2022/1').topLevelCodes!.codes!;
    expect(listed22).toHaveLength(366);
    expect(new Set(listed22).size).toBe(366);
    const listed996 = act('2023/996').topLevelCodes!.codes!;
    expect([...listed22, ...act('2023/66').added!].sort()).toEqual([...listed996].sort());
    expect(act('2023/66').added).toEqual(['2D352', '3D006']);
    expect(act('2022/1').added).toEqual([]);
    expect(act('2022/1').removed).toEqual([]);
    const v22 = ANNEX_I_VERSIONS.find((x) => x.measure === 'eu-del-reg-2022-1')!;
    expect(top.filter((c) => entryInVersion(c, v22)).sort()).toEqual([...listed22].sort());
    const v21 = ANNEX_I_VERSIONS.find((x) => x.measure === 'eu-reg-2021-821')!;
    expect(top.filter((c) => entryInVersion(c, v21)).sort()).toEqual([...listed22].sort());
  });

  it('every added code dates its entries; no code is dated to 2024/2547; nothing is removed', () => {
    for (const v of file.versions) for (const c of v.added ?? []) expect(file.entryFirstInForce[c], c).toBe(v.from);
    expect(Object.values(file.entryFirstInForce)).not.toContain('2024-11-08');
    expect(file.entryLastInForce).toEqual({});
    expect(entryLastInForce('1C011')).toBeNull();
  });

  // Class 12 (issue #13): the entries our minerals and materials turn on date from the recast's base text
  // (2021-09-09) through every later Annex I, because the 2022/1 list (read in full) already holds them; only the
  // original 2021 list is assumed equal to 2022/1, and the answers for its window say so.
  it('every entry the domain links use is listed from 2021-09-09 in every version, and the answers show it', () => {
    const links = readData<{ links: { code: string }[] }>('domain-links.json').links;
    const heads = [...new Set(links.map((l) => l.code.split('.')[0]!))];
    expect(heads.length).toBeGreaterThan(10);
    const listed22 = new Set(act('2022/1').topLevelCodes!.codes!);
    for (const head of heads) {
      expect(file.entryFirstInForce[head], head).toBeUndefined();
      expect(listed22.has(head), head).toBe(true);
      for (const v of ANNEX_I_VERSIONS) expect(entryInVersion(head, v), `${head} in ${v.measure}`).toBe(true);
    }
    for (const { code } of links) {
      const head = code.split('.')[0]!;
      const on = (date: string) => t.engine.assess({ item: { euCode: code }, from: 'DE', to: 'CN', date, endUse: 'civil' });
      const first = on('2021-09-09');
      expect(first.jurisdictions[0]!.findings.some((f) => f.status === 'in_force' && f.measure.id === 'eu-reg-2021-821'), code).toBe(true);
      expect(first.warnings.some((w) => w.code === 'annex_history_inferred'), code).toBe(true);
      // The day before, Regulation 428/2009 applied: a listing its consolidated texts establish gives a licence under
      // its Art. 3(1); any other is asked, not denied.
      const before = on('2021-09-08');
      if (listing428(head, '2021-09-08')) {
        expect(before.verdict, code).toBe('license_required');
        expect(before.jurisdictions[0]!.findings.some((f) => f.status === 'in_force' && f.measure.id === 'eu-reg-428-2009' && f.entry?.id === 'annex-i-428-2009'), code).toBe(true);
        expect(before.questions.map((q) => q.parameter), code).not.toContain('eu.listedUnder428');
      } else {
        expect(before.verdict, code).toBe('needs_information');
        expect(before.questions.map((q) => q.parameter), code).toContain('eu.listedUnder428');
      }
      const v22 = on('2022-01-07').jurisdictions[0]!.findings.filter((f) => f.status === 'in_force').map((f) => f.measure.id);
      expect(v22, code).toContain('eu-del-reg-2022-1');
    }
  });

  it('an entry added later is dated by its act, not by the base text: the 16 codes of 2025/2003 from 2025-11-15, 2D352 and 3D006 from 2023-01-12', () => {
    for (const c of act('2025/2003').added!) expect(file.entryFirstInForce[c], c).toBe('2025-11-15');
    expect(file.entryFirstInForce['2D352']).toBe('2023-01-12');
    expect(file.entryFirstInForce['3D006']).toBe('2023-01-12');
    const on = (date: string) => t.engine.assess({ item: { euCode: '3C509' }, from: 'DE', to: 'CN', date, endUse: 'civil' });
    expect(on('2025-11-14').verdict).toBe('not_controlled');
    expect(on('2025-11-14').questions.map((q) => q.parameter)).not.toContain('eu.listedUnder428');
    expect(on('2025-11-15').verdict).toBe('license_required');
  });

  it('entryInVersion places each entry in the versions that list it', () => {
    const v = (id: string) => ANNEX_I_VERSIONS.find((x) => x.measure === id)!;
    expect(entryInVersion('3B501', v('eu-del-reg-2024-2547'))).toBe(false);
    expect(entryInVersion('3B501', v('eu-del-reg-2025-2003'))).toBe(true);
    expect(entryInVersion('1C011', v('eu-del-reg-2023-2616'))).toBe(true);
    expect(entryInVersion('3D006', v('eu-del-reg-2022-1'))).toBe(false);
  });
});

describe('measures', () => {
  it('lists the Regulation and each delegated act with EUR-Lex URLs, back-to-back windows and sources', () => {
    const list = t.engine.measures({ jurisdiction: 'EU', asOf: '2026-01-10' });
    const byId = new Map(list.map((m) => [m.id, m]));
    const chain = ['eu-del-reg-2022-1', 'eu-del-reg-2023-66', 'eu-del-reg-2023-996', 'eu-del-reg-2023-2616', 'eu-del-reg-2024-2547', 'eu-del-reg-2025-2003'];
    const from = ['2022-01-07', '2023-01-12', '2023-05-26', '2023-12-16', '2024-11-08', '2025-11-15'];
    chain.forEach((id, i) => {
      const m = byId.get(id)!;
      expect(m.effective.from, id).toBe(from[i]);
      expect(m.sources[0]!.url).toMatch(/^https:\/\/eur-lex\.europa\.eu\/eli\/reg_del\//);
      const next = from[i + 1];
      if (next) {
        const dayBefore = new Date(`${next}T00:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        expect(m.effective.to, id).toBe(dayBefore.toISOString().slice(0, 10));
        expect(m.status).toBe('repealed');
      } else expect(m.effective.to).toBeNull();
    });
    expect(byId.get('eu-reg-2021-821')!.effective).toEqual({ from: '2021-09-09', to: null });
    expect(byId.get('eu-reg-2021-821')!.status).toBe('in_force');
    expect(byId.get('eu-del-reg-2025-2003')!.status).toBe('in_force');
  });

  it('says which date the data was verified through', () => {
    expect(plugin.manifest.dataVerifiedThrough).toBe(DATA_VERIFIED_THROUGH);
    expect(plugin.manifest.controlCodeField).toBe('euCode');
  });
});

describe('Annex I of Regulation 428/2009 (annex-i-428.json)', () => {
  it('holds only top-level codes of later lists, dated within the Regulation (2009-08-27 to 2021-09-08), each with evidence and confidence', () => {
    expect(ANNEX_I_428.sources.length).toBe(2);
    expect(ANNEX_I_428.codes.length).toBeGreaterThan(20);
    for (const c of ANNEX_I_428.codes) {
      expect(ANNEX_I.entries.some((e) => e.depth === 0 && e.code === c.code), c.code).toBe(true);
      expect(c.from >= '2009-08-27' && c.to <= '2021-09-08' && c.from <= c.to, c.code).toBe(true);
      expect(c.evidence.length, c.code).toBeGreaterThan(10);
      expect(['high', 'medium', 'low']).toContain(c.confidence);
      expect(ANNEX_I_428.notEstablished.codes[c.code], c.code).toBeUndefined();
    }
  });
  it('establishes no listing outside the texts read', () => {
    expect(listing428('1C226', '2014-07-01')).toBeUndefined();
    expect(listing428('1C226', '2014-07-02')?.code).toBe('1C226');
    expect(listing428('1C226', '2021-09-09')).toBeUndefined();
    expect(listing428('1C236', '2016-01-01')).toBeUndefined();
  });
});
