import { readFileSync } from 'node:fs';
import { definePlugin, packageVersion, type ControlEntry, type Measure } from '@chokepoint/core';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')) as T;

/** __TITLE__. */
export default definePlugin({
  manifest: {
    name: '__NAME__',
    version: packageVersion(import.meta.url),
    jurisdiction: '__JURISDICTION__',
    title: '__TITLE__',
    core: '__CORE_RANGE__',
    dataVerifiedThrough: '2025-06-30',
    controlCode: { field: 'codes.__JURISDICTION__', pattern: '^[0-9]{1,2}(\\([0-9]{1,2}\\))?$', example: '3(2)', description: 'control list part(item)' },
  },
  measures: read<Measure[]>('measures.json'),
  entries: read<ControlEntry[]>('entries.json'),
  reach: (ctx) => ({ bases: ctx.request.from === '__JURISDICTION__' ? ['territory'] : [], description: 'export from __JURISDICTION__' }),
});
