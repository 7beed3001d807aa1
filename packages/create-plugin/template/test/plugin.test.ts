import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

const t = new PluginTester(plugin);
const item = { id: 'gallium/metal', parameters: { purity: 0.99999 } };
t.run('Notice No. 1', [
  { request: { item, from: '__JURISDICTION__', to: 'DE', date: '2025-01-31' }, verdict: 'not_controlled', findings: [{ measure: '__ID__-notice-1', status: 'not_yet_in_force' }] },
  { request: { item, from: '__JURISDICTION__', to: 'DE', date: '2025-02-01' }, verdict: 'license_required', findings: [{ measure: '__ID__-notice-1', entry: '__ID__-gallium-metal', status: 'in_force' }] },
  { request: { item: { codes: { __JURISDICTION__: '3(2)' }, parameters: { purity: 0.99999 } }, from: '__JURISDICTION__', to: 'DE', date: '2025-02-01' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: '__JURISDICTION__', to: 'DE', date: '2025-02-01' }, verdict: 'needs_information', questions: ['purity'] },
]);
t.checkData();
t.checkDocs('docs/measures');
