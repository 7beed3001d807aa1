import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../src/test-support/run.js';

describe('screen NAME without a match: the closest names below the threshold, in the text output only', { timeout: 60_000 }, () => {
  it('lists them for a name given short, marked as no match; --json keeps the contract (no matches)', async () => {
    const text = await runWithOfficialPlugins(['screen', 'Huawei']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^No match for "Huawei" at a score of 0\.85 or more\.\nClosest names below it, for review by hand/);
    expect(text.stdout).toMatch(/0\.667 +us-entity-list +Huawei /);
    const json = JSON.parse((await runWithOfficialPlugins(['screen', 'Huawei', '--json'])).stdout);
    expect(json.matches).toEqual([]);
  });
  it('lists none for a name nothing resembles, nor when the user set a threshold at or below the floor', async () => {
    expect((await runWithOfficialPlugins(['screen', 'Qzxv Plimsoll Ltd'])).stdout).not.toContain('Closest names');
    const low = await runWithOfficialPlugins(['screen', 'Qzxv Plimsoll Ltd', '--min-score', '0.5']);
    expect(low.stdout).toMatch(/^No match for "Qzxv Plimsoll Ltd" at a score of 0\.50 or more\.\nScreened: /);
  });
});
