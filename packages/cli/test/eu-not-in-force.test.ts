import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../src/test-support/run.js';

/** The EU block of the text report (up to the next regime). */
function euBlock(stdout: string): string {
  const start = stdout.indexOf('\nEU — ');
  const end = stdout.indexOf('\nJP — ', start);
  return stdout.slice(start, end < 0 ? undefined : end);
}

// CONTRACT §3: a sanctions measure of the EU plugin's hook that is not in force on the date is printed under
// "not in force on this date (not counted)" with its status, and the verdict is that of the law in force.
describe('assess text report: EU sanctions not in force on the date', { timeout: 60_000 }, () => {
  it('Annex XXIII (Art. 3k of Regulation 833/2014, from 9 April 2022): the day before, shown apart; the first day, counted', async () => {
    const before = await runWithOfficialPlugins(['assess', '--hs', '810297', '--from', 'DE', '--to', 'RU', '--date', '2022-04-08']);
    expect(before.code).toBe(0);
    const b = euBlock(before.stdout);
    expect(b).toContain('verdict: not_controlled');
    expect(b).not.toContain('  findings:');
    expect(b).toMatch(/not in force on this date \(not counted\):\n\s+\[not_yet_in_force\] prohibited — Council Regulation \(EU\) No 833\/2014, Article 3k and Annex XXIII.* · entry CN 8102 97\n\s+Annex XXIII lists this code only from 2022-04-09/);
    expect(b).toContain('effective 2022-04-09 to open-ended');

    const first = await runWithOfficialPlugins(['assess', '--hs', '810297', '--from', 'DE', '--to', 'RU', '--date', '2022-04-09', '--param', 'eu.priorContract=0']);
    const f = euBlock(first.stdout);
    expect(f).toContain('verdict: prohibited');
    expect(f).toMatch(/findings:\n\s+\[in_force\] prohibited — Council Regulation \(EU\) No 833\/2014, Article 3k and Annex XXIII.* · entry CN 8102 97/);
    expect(f).not.toContain('not in force on this date');
  });

  it('the Annex I ban on Russia (Art. 2 as replaced from 26 February 2022) the day before: a licence, the ban shown apart', async () => {
    const r = await runWithOfficialPlugins(['assess', '--eu-code', '3C005', '--from', 'DE', '--to', 'RU', '--date', '2022-02-25']);
    const b = euBlock(r.stdout);
    expect(b).toContain('verdict: license_required');
    const apart = b.slice(b.indexOf('not in force on this date (not counted):'));
    expect(apart).toMatch(/\[not_yet_in_force\] prohibited — Council Regulation \(EU\) No 833\/2014, Article 2, as replaced by Council Regulation \(EU\) 2022\/328/);
    expect(b.slice(0, b.indexOf('not in force on this date'))).not.toContain('Article 2, as replaced');
  });
});
