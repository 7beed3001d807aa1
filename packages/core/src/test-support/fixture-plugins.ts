import { definePlugin, type PluginDefinition } from '../plugin.js';
import type { Measure } from '../types.js';

/**
 * Fictional regimes "AA" and "BB" that exercise every engine rule. Their dates and rules are test
 * data, not law.
 */
const src = [{ url: 'https://example.org/aa', publisher: 'AA Ministry', date: '2023-07-03' }];

function measure(id: string, from: string, extra: Partial<Measure> = {}): Measure {
  return {
    id, jurisdiction: 'AA', title: `Measure ${id}`, reference: `AA Notice ${id}`, authority: 'AA Ministry',
    published: from, effective: { from, to: null }, summary: 'Test measure.', url: `https://example.org/${id}`,
    sources: src, confidence: 'high', ...extra,
  };
}

export function aaPlugin(overrides: Partial<PluginDefinition['manifest']> = {}): PluginDefinition {
  return definePlugin({
    manifest: { name: '@test/plugin-aa', version: '1.0.0', jurisdiction: 'AA', title: 'Test regime AA', core: '>=0.1.0', dataVerifiedThrough: '2026-06-30', controlCodeField: 'cnControlCode', ...overrides },
    measures: [
      measure('aa-2023-ga', '2023-08-01', { effective: { from: '2023-08-01', to: '2024-11-30' }, repealedBy: 'AA List' }),
      measure('aa-2024-list', '2024-12-01'),
      measure('aa-2023-graphite', '2023-12-01', { caveats: [{ code: 'sources_disagree', message: 'Two sources disagree on the density threshold.' }] }),
      measure('aa-2024-us', '2024-12-03'),
      measure('aa-2025-dy', '2025-04-04'),
      measure('aa-2025-oct', '2025-10-09', { effective: { from: '2025-11-08', to: null }, suspensions: [{ from: '2025-11-07', to: '2026-11-10', by: 'AA Notice 70' }] }),
      measure('aa-2025-reexport', '2025-10-09', { suspensions: [{ from: '2025-11-07', to: '2026-11-10', by: 'AA Notice 70' }] }),
      measure('aa-2023-tech', '2023-12-21'),
      measure('aa-2025-parties', '2025-01-02'),
      measure('aa-2020-widgets', '2020-01-01'),
      measure('aa-2026-jp', '2026-01-06'),
    ],
    entries: [
      { id: 'ga-2023', measure: 'aa-2023-ga', code: '1C001.a', title: 'Gallium items', covers: { ids: ['gallium/metal', 'gallium/nitride'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Gallium items need an export licence.' },
      { id: 'ga-list', measure: 'aa-2024-list', code: '1C001.a', title: 'Gallium items (List)', covers: { ids: ['gallium/metal', 'gallium/nitride'], controlCodes: ['1C001.a'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Gallium items need an export licence under the List.' },
      { id: 'graphite-art', measure: 'aa-2023-graphite', code: '1C002', title: 'High-purity artificial graphite', covers: { ids: ['graphite/artificial'] },
        conditions: { all: [{ param: 'purity', op: '>', value: 0.999 }, { param: 'densityGPerCm3', op: '>', value: 1.73 }] },
        prompts: { purity: 'What is the purity (0–1)?' }, requirement: 'license_required', reason: 'Artificial graphite above the thresholds needs a licence.' },
      { id: 'us-ga', measure: 'aa-2024-us', title: 'Gallium to US in principle not permitted', covers: { ids: ['gallium'] }, destinations: { include: ['US'] }, requirement: 'license_required', licensePolicy: 'presumption_of_denial', reason: 'In principle not permitted to US.', reach: ['territory', 'origin'],
        suspensions: [{ from: '2025-11-09', to: '2026-11-27', by: 'AA Notice 72', scope: 'clause 2' }] },
      { id: 'us-military', measure: 'aa-2024-us', title: 'No listed item to US military', covers: { anyListed: true }, destinations: { include: ['US'] }, endUses: ['military'], endUserTypes: ['military'], requirement: 'prohibited', reason: 'Listed items may not go to US military users or uses.', reach: ['territory', 'origin'] },
      { id: 'dy-oxide', measure: 'aa-2025-dy', code: '1C905.b', title: 'Dysprosium oxide', covers: { ids: ['dysprosium/oxide'], hs: ['2846901990'] }, requirement: 'license_required', reason: 'Dysprosium oxide needs a licence.' },
      { id: 'dy-magnets', measure: 'aa-2025-dy', code: '1C905.a', title: 'Dy-containing NdFeB', covers: { ids: ['magnets/ndfeb-dy-tb'] }, requirement: 'license_required', reason: 'Dy-containing magnets need a licence.' },
      { id: 'ho-oxide', measure: 'aa-2025-oct', code: '1C909.b', title: 'Germanium metal (Oct package)', covers: { ids: ['germanium/metal'] }, requirement: 'license_required', reason: 'Germanium metal needs a licence under the October package.' },
      { id: 'reexport-origin', measure: 'aa-2025-reexport', title: 'Re-export of AA-origin Dy magnets', covers: { ids: ['magnets/ndfeb-dy-tb'] }, reach: ['origin'], requirement: 'license_required', reason: 'Foreign re-export of AA-origin Dy magnets needs an AA licence.' },
      { id: 'reexport-content', measure: 'aa-2025-reexport', title: 'Foreign magnets with AA Dy content', covers: { ids: ['magnets'] }, reach: ['content'], content: { origin: 'AA', covers: { ids: ['dysprosium'] }, minShare: 0.001 }, requirement: 'license_required', reason: 'Foreign magnets with ≥0.1 % AA-origin Dy by value need an AA licence.',
        effective: { from: '2025-12-01', to: null } },
      { id: 're-separation-tech', measure: 'aa-2023-tech', title: 'Rare-earth separation technology', covers: { ids: ['tech/rare-earths/separation'] }, transfers: ['technology'], requirement: 'prohibited', reason: 'Export of rare-earth separation technology is prohibited.' },
      { id: 'widgets-ru', measure: 'aa-2020-widgets', title: 'Widgets to RU', covers: { ids: ['widgets'] }, destinations: { include: ['RU'] }, requirement: 'license_required', reason: 'Widgets to RU need a licence.' },
      { id: 'jp-military', measure: 'aa-2026-jp', title: 'No listed item to JP military', covers: { anyListed: true }, destinations: { include: ['JP'] }, endUses: ['military'], endUserTypes: ['military'], requirement: 'prohibited', reason: 'Listed items may not go to JP military users.', reach: ['territory', 'origin'] },
    ],
    parties: [
      { id: 'acme', name: 'Acme Rare Metals Co., Ltd.', aliases: ['阿克米稀有金属有限公司'], country: 'US', list: 'aa-control-list', listTitle: 'AA export control list', measure: 'aa-2025-parties', added: '2025-01-02', requirement: 'prohibited' },
      { id: 'gone', name: 'Gone Industries Inc.', country: 'US', list: 'aa-control-list', listTitle: 'AA export control list', measure: 'aa-2025-parties', added: '2025-01-02', removed: '2025-06-30', requirement: 'prohibited' },
    ],
    authorizations: [
      { id: 'AA-GEN2', title: 'General licence for gallium sub-item 1 to JP', measure: 'aa-2024-list', covers: { controlCodes: ['1C001'] }, excludes: { controlCodes: ['1C001.a.2'] }, destinations: { include: ['JP'] }, conditions: ['Declare it.'], url: 'https://example.org/gen2' },
      { id: 'AA-GEN1', title: 'General licence for gallium to friends', measure: 'aa-2024-list', covers: { ids: ['gallium'] }, destinations: { include: ['group:FRIENDS'] }, notForEndUses: ['military'], conditions: ['Register before first use.'], url: 'https://example.org/gen1' },
    ],
    advisories: [
      { id: 'aa-in-holds', title: 'Equipment held at AA customs for IN', corridor: { from: 'AA', to: ['IN'] }, measureType: 'customs_hold', evidence: 'reported', status: 'active', firstReported: '2025-02-16', itemScope: { ids: ['magnets'] }, sources: src },
    ],
    reach(ctx) {
      const bases: ('territory' | 'origin' | 'content')[] = [];
      if (ctx.request.from === 'AA') bases.push('territory');
      else if (ctx.origin === 'AA') bases.push('origin');
      if (ctx.request.from !== 'AA' && ctx.contentShare('AA').share > 0) bases.push('content');
      return { bases, description: bases.includes('territory') ? 'export from the territory of AA' : 'AA-origin items or content abroad' };
    },
  });
}

export function bbPlugin(): PluginDefinition {
  return definePlugin({
    manifest: { name: '@test/plugin-bb', version: '2.0.0', jurisdiction: 'BB', title: 'Test regime BB', core: '*', dataVerifiedThrough: '2030-01-01' },
    measures: [{ id: 'bb-1', jurisdiction: 'BB', title: 'BB widgets', reference: 'BB 1', authority: 'BB', published: '2020-01-01', effective: { from: '2020-01-01', to: null }, summary: 'x', url: 'https://example.org/bb', sources: src, confidence: 'medium' }],
    entries: [{ id: 'bb-ga', measure: 'bb-1', title: 'Gallium everywhere', covers: { ids: ['gallium'] }, requirement: 'prohibited', reason: 'BB bans gallium exports.' }],
    reach: (ctx) => ({ bases: ctx.request.from === 'BB' ? ['territory'] : [], description: 'export from BB' }),
  });
}
