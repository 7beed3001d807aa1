import type { AssessmentRequest, DataUsed } from '@chokepoint/core';
import { useState } from 'preact/hooks';
import { getJson } from '../api.js';
import { ErrorMessage, Field, VerdictBadge } from '../components/common.js';
import { useAsync } from '../data.js';
import { fieldWords, type ItemField } from '../components/ItemSearch.js';
import { todayUtc, verdictLabel, words } from '../format.js';
import { formFromRequest, paramsFromForm } from '../request.js';
import { hrefFor, navigate } from '../route.js';

/** GET /v1/assessments/{auditId}, with the server's check of the record's hash where it gives one. */
interface AuditRecord {
  auditId: string;
  seq: number;
  time: string;
  caller: string;
  request: unknown;
  response: {
    verdict?: string;
    data?: DataUsed[];
    date?: string;
    item?: { resolved: string[]; matchedBy: string };
    jurisdictions?: { jurisdiction: string; verdict: string; reaches: boolean; licensePolicy?: string; findings: { status: string; requirement: string; measure: { reference: string } }[] }[];
  };
  plugins: { name: string; version: string; dataVerifiedThrough: string }[];
  prevHash: string;
  hash: string;
  verification?: { ok: boolean; reason?: string; checkedAt?: string };
}

/** Look up an audit record by its ID and show whether its hash holds. */
export function AuditView({ params }: { params: URLSearchParams }) {
  const id = params.get('id') ?? '';
  const [text, setText] = useState(id);
  const record = useAsync(id || undefined, () => getJson<AuditRecord>(`/v1/assessments/${encodeURIComponent(id)}`));
  const r = record.data;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit record</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('audit', { id: text.trim() });
        }}
      >
        <Field label="Audit ID" id="a-id">
          <input id="a-id" required value={text} size={40} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <button type="submit">Look up</button>
      </form>
      <ErrorMessage error={record.error} />
      {r && (
        <article aria-labelledby="audit-record">
          <h2 id="audit-record">Record {r.seq}</h2>
          <p class={r.verification ? (r.verification.ok ? 'verified ok' : 'verified bad') : 'verified unknown'} role="status">
            {r.verification
              ? r.verification.ok
                ? 'Hash verified: the stored request and answer match the record’s hash and its link to the previous record.'
                : `Hash check FAILED: ${r.verification.reason ?? 'the record does not match its hash'}.`
              : 'This server does not report a hash check for single records; run chokepoint-server audit verify to check the chain.'}
          </p>
          <dl class="facts">
            <dt>Audit ID</dt>
            <dd>{r.auditId}</dd>
            <dt>Time</dt>
            <dd>{r.time}</dd>
            <dt>Caller</dt>
            <dd>{r.caller}</dd>
            <dt>Verdict</dt>
            <dd>{r.response.verdict ? <VerdictBadge verdict={r.response.verdict} /> : '—'}</dd>
            <dt>Hash</dt>
            <dd>
              <code>{r.hash}</code>
            </dd>
            <dt>Previous hash</dt>
            <dd>
              <code>{r.prevHash}</code>
            </dd>
            <dt>Data versions</dt>
            <dd>{r.plugins.map((p) => `${p.name} ${p.version} (verified through ${p.dataVerifiedThrough})`).join('; ')}</dd>
            {r.response.data && (
              <>
                <dt>Lists and amendments</dt>
                <dd class="audit-data">
                  {r.response.data
                    .flatMap((d) => [...d.lists.map((l) => `${l.id} as of ${l.asOf}`), ...d.amendments.map((a) => `amendment ${a.id} sha256 ${a.sha256}`)])
                    .join('; ') || 'none'}
                </dd>
              </>
            )}
          </dl>
          <AskedAndAnswered request={r.request} response={r.response} />
          <details>
            <summary>Request and answer as stored</summary>
            <pre>{JSON.stringify({ request: r.request, response: r.response }, null, 2)}</pre>
          </details>
        </article>
      )}
    </section>
  );
}

/**
 * What the record's request asked and what its answer said, in words: the item, the route and the facts given, each
 * regime's verdict and the findings in force it rests on, and a link that opens the request in Assess to ask it again.
 */
function AskedAndAnswered({ request, response }: { request: unknown; response: AuditRecord['response'] }) {
  if (typeof request !== 'object' || request === null) return null;
  const form = formFromRequest(request as Partial<AssessmentRequest>, todayUtc());
  const item = [form.item, ...Object.entries(form.ids).map(([field, value]) => ({ field: field as ItemField, value }))].filter((x) => x !== undefined);
  const endUser = [form.endUserName && `"${form.endUserName}"`, form.endUserCountry, form.endUserType].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="audit-asked" class="audit-asked">
      <h3 id="audit-asked">What was asked</h3>
      <p data-route={`${form.from}-${form.to}`}>
        {item.map((i) => `${fieldWords(i.field)} ${i.value}`).join(', ') || 'no item'}
        {response.item?.resolved.length ? ` (read as ${response.item.resolved.join(', ')})` : ''}: {form.transfer} from {form.from} to {form.to} on {form.date}
        {form.endUse ? `, ${words(form.endUse)} end use` : ', end use not stated'}
        {endUser ? `, end user ${endUser}` : ''}
        {form.owners.length ? `, ${form.owners.length} owner${form.owners.length > 1 ? 's' : ''} given` : ''}
        {form.parties.length ? `, ${form.parties.length} other part${form.parties.length > 1 ? 'ies' : 'y'}` : ''}
        {form.parameters.length ? `; parameters ${form.parameters.map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''}.{' '}
        <a href={hrefFor('assess', paramsFromForm(form))}>Open this request in Assess</a> (answered again, for the same date, with the data installed now).
      </p>
      {response.jurisdictions && (
        <>
          <h3>What the answer said</h3>
          <ul class="audit-regimes">
            {response.jurisdictions.map((j) => {
              const inForce = j.findings.filter((f) => f.status === 'in_force');
              return (
                <li key={j.jurisdiction} data-jurisdiction={j.jurisdiction}>
                  <strong>{j.jurisdiction}</strong>: {j.reaches ? verdictLabel(j.verdict).toLowerCase() : 'does not reach the transfer'}
                  {j.licensePolicy ? ` (${words(j.licensePolicy)})` : ''}
                  {inForce.length ? `, resting on ${[...new Set(inForce.map((f) => f.measure.reference))].join('; ')}` : ''}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
