import type { Engine } from '@chokepoint/core';

const DISCLAIMER = 'chokepoint gives decision support, not legal advice. Check each answer against the cited official texts before you act on it.';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plain page at `/`: what the service is, how to call it, and that it is not legal advice. */
export function homePage(engine: Engine, authRequired: boolean): string {
  const plugins = engine.plugins.map((p) => `<li>${escape(p.jurisdiction)}: ${escape(p.name)} ${escape(p.version)} (data verified through ${escape(p.dataVerifiedThrough)})</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chokepoint</title></head><body>
<h1>chokepoint</h1>
<p>Export controls on critical minerals and their technologies: may an item, material, equipment or technology move from A to B on a date, under whose rules, and what does it take?</p>
<p>POST a request to <code>/v1/assessments</code> (or NDJSON to <code>/v1/assessments/batch</code>); every answer is kept in a hash-chained audit trail. ${authRequired ? 'Calls under <code>/v1</code> need <code>Authorization: Bearer &lt;key&gt;</code>.' : 'This server runs without API keys, on the loopback interface only.'}</p>
<p>Installed regimes:</p><ul>${plugins || '<li>none</li>'}</ul>
<p>API documentation: <a href="/docs">/docs</a> (OpenAPI document: <a href="/openapi.json">/openapi.json</a>)</p>
<p><strong>${DISCLAIMER}</strong></p>
</body></html>`;
}
