import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../src/test-support/run.js';

/** The CLI with the bundled lists only (a data directory of its own, nothing imported). */
const run = async (argv: string[]) => runWithOfficialPlugins(argv, { env: { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-expiry-')) } });

// The bundled Denied Persons List is dated 2026-07-09. PJSC Aeroflot's temporary denial order ran to 2026-09-16
// in that copy: after that date (today is later) the copy cannot say whether it was renewed. Universal Technology's
// order ended on 2026-06-23, before the copy was taken: the copy records the end.
describe('chokepoint screen: a listing due to expire after the copy was taken', { timeout: 60_000 }, () => {
  it('PJSC Aeroflot still hits, prohibited, with listing_expiry_unverified in the text and the JSON', async () => {
    const text = await run(['screen', 'PJSC Aeroflot', '--list', 'us-denied-persons']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/No match/);
    expect(text.stdout).toMatch(/PJSC AEROFLOT/);
    expect(text.stdout).toMatch(/prohibited/);
    expect(text.stdout).toMatch(/warning \(listing_expiry_unverified\): PJSC AEROFLOT's listing on the .* was due to expire on 2026-09-16, after this copy of the list \(dated 2026-07-09\) was taken/);
    expect(text.stdout).toMatch(/often renewed/);
    const json = JSON.parse((await run(['screen', 'PJSC Aeroflot', '--list', 'us-denied-persons', '--json'])).stdout);
    expect(json.matches[0]).toMatchObject({ list: 'us-denied-persons', consequence: 'prohibited', entry: { name: 'PJSC AEROFLOT', removedOn: '2026-09-16' } });
    expect(json.matches[0].warnings.map((w: { code: string }) => w.code)).toEqual(['listing_expiry_unverified']);
  });

  it('an order that ended before the copy was taken (Universal Technology, 2026-06-23) is no match', async () => {
    const json = JSON.parse((await run(['screen', 'Universal Technology', '--list', 'us-denied-persons', '--json'])).stdout);
    expect(json.matches.filter((m: { entry: { name: string } }) => m.entry.name === 'UNIVERSAL TECHNOLOGY')).toEqual([]);
  });
});
