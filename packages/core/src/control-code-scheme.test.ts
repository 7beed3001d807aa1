import { describe, expect, it } from 'vitest';
import { controlCodeAncestry, controlCodeCovers, normalizeSchemeCode } from './codes.js';
import { createEngine } from './engine.js';
import { PluginRegistrationError, ValidationError } from './errors.js';
import { definePlugin, type PluginDefinition } from './plugin.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

// A fictional regime "ZZ" with row-and-item codes of its own; its rules are test data, not law.
const source = [{ url: 'https://example.org/zz', publisher: 'ZZ Ministry', date: '2024-01-01' }];
function zzPlugin(manifest: Partial<PluginDefinition['manifest']> = {}): PluginDefinition {
  return definePlugin({
    manifest: {
      name: '@test/plugin-zz', version: '1.0.0', jurisdiction: 'ZZ', title: 'Test regime ZZ', core: '>=0.1.0', dataVerifiedThrough: '2026-06-30',
      controlCode: { field: 'codes.ZZ', pattern: '^[0-9]{1,2}(\\([0-9]{1,3}\\))*$', example: '2(24)', description: 'ZZ table row(item)' },
      ...manifest,
    },
    measures: [{ id: 'zz-table', jurisdiction: 'ZZ', title: 'ZZ table', reference: 'ZZ Order', authority: 'ZZ Ministry', published: '2024-01-01', effective: { from: '2024-01-01', to: null }, summary: 'Test.', url: 'https://example.org/zz-table', sources: source, confidence: 'high' }],
    entries: [
      { id: 'row-2-item-24', measure: 'zz-table', code: '2(24)', title: 'Row 2 item 24', covers: { controlCodes: ['2(24)'] }, requirement: 'license_required', reason: 'Row 2(24) needs a licence.' },
      { id: 'row-12', measure: 'zz-table', code: '12', title: 'Row 12', covers: { controlCodes: ['12'] }, requirement: 'license_required', reason: 'Row 12 needs a licence.' },
    ],
    reach: (ctx) => ({ bases: ctx.request.from === 'AA' ? ['territory'] : [], description: 'export from AA' }),
  });
}

describe('row-and-item codes nest', () => {
  it('a parenthesised item is a sub-item of its row, and a row does not cover another row that shares its digits', () => {
    expect(controlCodeAncestry('2(24)')).toEqual(['2(24)', '2']);
    expect(controlCodeAncestry('5(12)(3)')).toEqual(['5(12)(3)', '5(12)', '5']);
    expect(controlCodeCovers('2', '2(24)')).toBe(true);
    expect(controlCodeCovers('1', '12')).toBe(false);
  });
  it('full-width characters and spaces are folded before the scheme pattern is tested', () => {
    const pattern = /^[0-9]{1,2}(\([0-9]{1,3}\))*$/;
    expect(normalizeSchemeCode('２（２４）', pattern)).toBe('2(24)');
    expect(normalizeSchemeCode(' 2 (24) ', pattern)).toBe('2(24)');
    expect(normalizeSchemeCode('2-24', pattern)).toBeUndefined();
  });
});

describe('a plugin\'s own control-code field', () => {
  const engine = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [zzPlugin()] });
  const zz = (code: string) => engine.assess({ item: { codes: { ZZ: code } }, from: 'AA', to: 'US', date: '2025-01-01' }).jurisdictions[0]!;

  it('item.codes.ZZ is matched like a list code, sub-items included', () => {
    expect(zz('2(24)')).toMatchObject({ verdict: 'license_required', findings: [{ entry: { id: 'row-2-item-24' }, matchedOn: ['control code 2(24)'] }] });
    expect(zz('２（２４）').verdict).toBe('license_required');
    expect(zz('12(3)').findings.map((f) => f.entry?.id)).toEqual(['row-12']);
    expect(zz('1').verdict).toBe('not_controlled');
  });

  it('a row that holds listed items asks which one', () => {
    const r = zz('2');
    expect(r.verdict).toBe('needs_information');
    expect(r.questions?.[0]).toMatchObject({ parameter: 'item' });
  });

  it('another regime\'s list code alone is asked about in its own numbering, never answered not controlled', () => {
    const r = engine.assess({ item: { eccn: '1C350', euCode: '1C350' }, from: 'AA', to: 'US', date: '2025-01-01' });
    expect(r.jurisdictions[0]!.verdict).toBe('needs_information');
    expect(r.questions).toEqual([{ parameter: 'codes.ZZ', jurisdiction: 'ZZ', prompt: expect.stringMatching(/^eccn 1C350 and euCode 1C350 are other regimes' classifications; the ZZ list numbers its entries its own way \(e\.g\. "2\(24\)"\).*give item\.codes\.ZZ\.$/) }]);
    // EAR99 says the item is not on the US list: no number to translate, nothing asked.
    expect(engine.assess({ item: { eccn: 'EAR99' }, from: 'AA', to: 'US', date: '2025-01-01' }).questions).toEqual([]);
    // With its own code given, that code decides.
    expect(engine.assess({ item: { eccn: '1C350', codes: { ZZ: '1' } }, from: 'AA', to: 'US', date: '2025-01-01' }).jurisdictions[0]!.verdict).toBe('not_controlled');
    // Not asked where the regime does not reach.
    expect(engine.assess({ item: { eccn: '1C350' }, from: 'BB', to: 'US', date: '2025-01-01' }).questions).toEqual([]);
  });

  it('a code the scheme rejects, or a jurisdiction no plugin reads, is a field error naming both', () => {
    const fields = (codes: Record<string, unknown>) => {
      try {
        engine.assess({ item: { codes }, from: 'AA', to: 'US' });
      } catch (err) {
        return (err as ValidationError).errors;
      }
      return [];
    };
    expect(fields({ ZZ: '2/24' })).toEqual([{ path: 'item.codes.ZZ', message: 'expected a ZZ control code such as "2(24)", got "2/24"' }]);
    expect(fields({ QQ: '1' })).toEqual([{ path: 'item.codes.QQ', message: 'no installed plugin reads codes for "QQ"; installed schemes: ZZ' }]);
  });

  it('registration refuses a scheme on another jurisdiction\'s key, a pattern its example fails, and a stored code outside it', () => {
    const bad = zzPlugin({ controlCode: { field: 'codes.JP', pattern: '^[0-9]+$', example: '2(24)', description: 'x' } });
    bad.entries = [{ ...bad.entries[0]!, covers: { controlCodes: ['2-24'] } }];
    let problems: string[] = [];
    try {
      createEngine({ taxonomy: fixtureTaxonomy(), plugins: [bad] });
    } catch (err) {
      problems = (err as PluginRegistrationError).problems;
    }
    expect(problems).toEqual([
      'manifest.controlCode.field: expected "codes.ZZ" (item.codes keyed by the manifest\'s jurisdiction), got "codes.JP"',
      'manifest.controlCode.example: "2(24)" does not match the pattern ^[0-9]+$',
      'entries[0] "row-2-item-24".covers.controlCodes[0]: "2-24" is not a normalised list code',
    ]);
  });
});
