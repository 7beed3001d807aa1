import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../src/test-support/run.js';

describe('screen NAME without a match: the closest names below the threshold, in the text output only', { timeout: 60_000 }, () => {
  it('lists them for a name given short, marked as no match; --json keeps the contract (no matches)', async () => {
    const text = await runWithOfficialPlugins(['screen', 'Hytera']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^No match for "Hytera" at a score of 0\.85 or more\.\nClosest names below it, for review by hand/);
    expect(text.stdout).toMatch(/0\.667 +us-entity-list +Hytera Communications Limited /);
    const json = JSON.parse((await runWithOfficialPlugins(['screen', 'Hytera', '--json'])).stdout);
    expect(json.matches).toEqual([]);
  });
  it('lists the listed names that begin with a name given short, though they score below 0.6 ("Raytheon")', async () => {
    const text = await runWithOfficialPlugins(['screen', 'Raytheon']);
    expect(text.stdout).toMatch(/^No match for "Raytheon" at a score of 0\.85 or more\.\nClosest names below it, for review by hand \(not matches: names scoring 0\.6 or more, and listed names that begin with the name given/);
    expect(text.stdout).toMatch(/0\.500 +cn-unreliable-entity-list +Raytheon Missile Systems +US/);
    const json = JSON.parse((await runWithOfficialPlugins(['screen', 'Raytheon', '--json'])).stdout);
    expect(json.matches).toEqual([]);
    expect(json.nearMatches.map((m: { matchedName: string }) => m.matchedName)).toContain('Raytheon Missiles & Defense');
  });
  it('gives a listed brand alone its brand matches instead: the party it stands for first, then its group', async () => {
    const text = await runWithOfficialPlugins(['screen', 'Huawei']);
    // Said once above the table, not once per entry of the group below it.
    expect(text.stdout).toMatch(/^"Huawei" carries "Huawei", a brand of Huawei Technologies Co\., Ltd\. on the Entity List \(Supp\. No\. 4 to 15 CFR 744, § 744\.11\): (\d+) listed entries carry it, each shown at 0\.900\. It may be any of them or another party of the group; screen the full legal name/);
    const count = Number(/: (\d+) listed entries carry it/.exec(text.stdout)![1]);
    expect(text.stdout).toMatch(/\nSCORE +LIST +LISTED NAME +CC +CONSEQUENCE\n-+ +-+ +-+ +-+ +-+\n0\.900 +us-entity-list +Huawei Technologies Co\., Ltd\. +CN +license_required \(presumption_of_denial\)\n/);
    expect(text.stdout.match(/^0\.900 +us-entity-list /gm)).toHaveLength(count);
    expect(text.stdout).not.toMatch(/\nHuawei Technologies Co\., Ltd\.: the name carries/);
    expect(text.stdout).not.toContain('Closest names');
    const json = JSON.parse((await runWithOfficialPlugins(['screen', 'Huawei', '--json'])).stdout);
    expect(json.matches[0]).toMatchObject({ brand: 'Huawei', score: 0.9, entry: { name: 'Huawei Technologies Co., Ltd.' } });
  });
  it('lists none for a name nothing resembles, nor when the user set a threshold at or below the floor', async () => {
    expect((await runWithOfficialPlugins(['screen', 'Qzxv Plimsoll Ltd'])).stdout).not.toContain('Closest names');
    const low = await runWithOfficialPlugins(['screen', 'Qzxv Plimsoll Ltd', '--min-score', '0.5']);
    expect(low.stdout).toMatch(/^No match for "Qzxv Plimsoll Ltd" at a score of 0\.50 or more\.\nScreened: /);
  });
});

describe('screen NAME --address: how the address compares with the matched entry\'s', { timeout: 60_000 }, () => {
  it('names the words it shares with an Unverified List address, or says it shares none; the score stays', async () => {
    const same = await runWithOfficialPlugins(['screen', 'Henixio Aviation', '--address', 'Unit 1507E, 15/F, Eastcore, 398 Kwun Tong Road, Kowloon, Hong Kong', '--json']);
    const m = JSON.parse(same.stdout).matches[0];
    expect(m.entry.name).toBe('Henixio Aviation Co., Ltd.');
    expect(m.address.address).toBe('Unit 1507E, 15/F, Eastcore, 398 Kwun Tong Road, Kwun Tong, Kowloon, Hong Kong');
    expect(m.address.shared).toEqual(['1507e', '15', 'eastcore', '398', 'kwun', 'tong', 'kowloon', 'hong', 'kong']);
    const other = await runWithOfficialPlugins(['screen', 'Henixio Aviation', '--address', 'Via Roma 1, Milano']);
    expect(other.stdout).toMatch(/address shares no word with the entry's addresses \(it may be another party of that name\)/);
    const none = JSON.parse((await runWithOfficialPlugins(['screen', 'Henixio Aviation', '--json'])).stdout).matches[0];
    expect(none.address).toBeUndefined();
    expect(none.score).toBe(m.score);
  });
});
