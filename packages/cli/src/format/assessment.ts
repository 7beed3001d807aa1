import type { Advisory, AssessmentResponse, Finding, JurisdictionAssessment, Verdict } from '@chokepoint/core';

/** What each verdict means, in the words of CONTRACT §3. */
export const VERDICT_MEANING: Record<Verdict, string> = {
  prohibited: 'no licence route: a banned technology, destination, end use or end user',
  license_required: 'an individual licence is needed',
  needs_information: 'a rule may apply but a fact is missing',
  authorization_available: 'a general authorisation or licence exception covers it if its conditions are met',
  no_license_required: 'listed in the regime but not controlled for this destination, end use or date',
  not_controlled: 'nothing in the regime matches',
};

/** Printed under every readable answer. */
export const DISCLAIMER =
  'Decision support, not legal advice: check the cited measures and your classification with qualified counsel or the licensing authority before you ship.';

function verdictLine(verdict: Verdict, policy?: string): string {
  return `${verdict}${policy ? ` (${policy})` : ''} — ${VERDICT_MEANING[verdict]}`;
}

function findingLines(f: Finding): string[] {
  const entry = f.entry?.code ? ` · entry ${f.entry.code}` : '';
  const policy = f.licensePolicy ? ` (${f.licensePolicy})` : '';
  const lines = [
    `    [${f.status}] ${f.requirement}${policy} — ${f.measure.reference}${entry}`,
    `      ${f.reason}`,
    `      effective ${f.effective.from} to ${f.effective.to ?? 'open-ended'} · ${f.measure.url}`,
  ];
  if (f.party) lines.push(`      listed party: ${f.party.name} (${f.party.listTitle})`);
  if (f.matchedOn.length) lines.push(`      matched on: ${f.matchedOn.join(', ')}`);
  return lines;
}

function regimeLines(j: JurisdictionAssessment): string[] {
  const head = `${j.jurisdiction} — ${j.plugin.name} ${j.plugin.version}, data verified through ${j.plugin.dataVerifiedThrough}`;
  if (!j.reaches) return [head, `  does not reach this transfer${j.reach ? `: ${j.reach}` : ''}`, `  verdict: ${j.verdict}`];
  const lines = [head, `  reach: ${j.reach}`, `  verdict: ${verdictLine(j.verdict, j.licensePolicy)}`];
  const counted = j.findings.filter((f) => f.status === 'in_force');
  const other = j.findings.filter((f) => f.status !== 'in_force');
  if (counted.length) lines.push('  findings:', ...counted.flatMap(findingLines));
  // Measures that are paused or not yet in force are shown apart because they do not count toward the verdict.
  if (other.length) lines.push('  not in force on this date (not counted):', ...other.flatMap(findingLines));
  if (j.authorizations.length) {
    lines.push('  authorisations:');
    for (const a of j.authorizations) {
      lines.push(`    ${a.id} — ${a.title}${a.url ? ` · ${a.url}` : ''}`);
      for (const c of a.conditions) lines.push(`      - ${c}`);
    }
  }
  return lines;
}

function advisoryLine(a: Advisory): string {
  return `  - ${a.title} (${a.measureType}; ${a.evidence}, ${a.status}; first reported ${a.firstReported}; ${a.corridor.from} to ${a.corridor.to.join(', ')})`;
}

/** Renders an answer for a person reading a terminal. */
export function formatAssessment(r: AssessmentResponse): string {
  const lines: string[] = [];
  if (r.id !== undefined) lines.push(`Request ${r.id}`);
  const resolved = r.item.resolved.length ? r.item.resolved.join(', ') : 'no taxonomy item';
  lines.push(`Item: ${resolved} (matched by ${r.item.matchedBy})`, `Date: ${r.date}`, '');
  lines.push(`VERDICT: ${verdictLine(r.verdict)}`, '');
  if (!r.jurisdictions.length) lines.push('No jurisdiction plugin is installed, so no regime was checked.', '');
  for (const j of r.jurisdictions) lines.push(...regimeLines(j), '');
  if (r.questions.length) {
    lines.push('Questions:');
    for (const q of r.questions) {
      const who = q.jurisdiction ? `[${q.jurisdiction}] ` : '';
      lines.push(`  - ${who}${q.parameter}: ${q.prompt}${q.candidates?.length ? ` (one of: ${q.candidates.join(', ')})` : ''}`);
    }
    lines.push('');
  }
  if (r.warnings.length) {
    lines.push('Warnings:');
    for (const w of r.warnings) lines.push(`  - [${w.code}] ${w.message}`);
    lines.push('');
  }
  if (r.advisories.length) {
    lines.push('Advisories (signals only; they never change the verdict):');
    for (const a of r.advisories) lines.push(advisoryLine(a));
    lines.push('');
  }
  lines.push(DISCLAIMER);
  return lines.join('\n') + '\n';
}
