import type { ExposureInput, ExposureResponse } from '@chokepoint/core';
import { useState } from 'preact/hooks';
import { postJson } from '../api.js';
import { ChainPicture, NOT_ASSESSED, type PictureInput } from '../components/ChainPicture.js';
import { ErrorMessage, Field, LegalNotice, SourceLink, VerdictBadge } from '../components/common.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { CHAINS, useAsync } from '../data.js';
import { todayUtc, words } from '../format.js';
import { navigate } from '../route.js';

/** An input's item as POST /v1/exposure names it (CONTRACT §8). */
type ExposureItem = ExposureInput['item'];

const itemKey = (i: ExposureItem) => i.id ?? i.resolved?.[0] ?? i.name ?? '?';

/** Hand-named inputs, one a line: `taxonomy-id FROM [goods|technology|software]`. */
export function parseInputs(text: string): { item: { id: string }; from: string; transfer?: string }[] {
  return text
    .split(/[\n;]+/)
    .map((l) => l.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([id, from = '', transfer]) => ({ item: { id: id! }, from: from.toUpperCase(), ...(transfer ? { transfer } : {}) }));
}

function planFrom(p: URLSearchParams) {
  const stages = (p.get('stages') ?? '').split(',').filter(Boolean);
  const inputs = parseInputs(p.get('inputs') ?? '');
  return {
    ...(p.get('name') ? { name: p.get('name')! } : {}),
    site: p.get('site') ?? '',
    date: p.get('date') ?? todayUtc(),
    ...(p.get('chain') ? { chain: p.get('chain')! } : {}),
    ...(stages.length ? { stages } : {}),
    ...(p.get('from') ? { from: p.get('from')! } : {}),
    ...(inputs.length ? { inputs } : {}),
  };
}

/** Plan an exposure: a chain's stages (or inputs by hand) moving to a site, drawn as a picture. */
export function ExposureView({ params }: { params: URLSearchParams }) {
  const plan = planFrom(params);
  const [f, setF] = useState({ name: params.get('name') ?? '', site: plan.site, date: plan.date, chain: params.get('chain') ?? '', stages: plan.stages ?? [], from: params.get('from') ?? '', inputs: params.get('inputs') ?? '' });
  const chain = CHAINS.find((c) => c.id === f.chain);
  const ready = plan.site && (plan.chain || plan.inputs);
  const answer = useAsync(ready ? JSON.stringify(plan) : undefined, () => postJson<ExposureResponse>('/v1/exposure', plan));
  const a = answer.data;
  const chokeKeys = new Set((a?.chokepoints ?? []).map((c) => `${itemKey(c.item)}|${c.from}`));
  const stageName = (stage: string | undefined) => (stage ? { stage: CHAINS.find((c) => c.id === a?.chain)?.stages.find((st) => st.id === stage)?.name ?? stage } : {});
  const picture: PictureInput[] = [
    ...(a?.inputs ?? []).map((i) => ({
      id: itemKey(i.item),
      name: i.item.name ?? itemKey(i.item),
      from: i.from,
      ...stageName(i.item.stage),
      verdict: i.verdict,
      ...(i.share ? { share: i.share.share } : {}),
      chokepoint: chokeKeys.has(`${itemKey(i.item)}|${i.from}`),
    })),
    // Inputs whose origin nothing names are drawn too, as not assessed, rather than left out of the picture.
    ...(a?.notAssessed ?? []).map((i) => ({ id: i.item.id ?? i.item.name ?? '?', name: i.item.name ?? i.item.id ?? '?', from: '?', ...stageName(i.stage), verdict: NOT_ASSESSED, chokepoint: false })),
  ];
  return (
    <section aria-labelledby="exposure-title">
      <h1 id="exposure-title">Plan an exposure</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          navigate('exposure', { ...f, stages: f.stages.join(',') });
        }}
      >
        <div class="row">
          <Field label="Plan name" id="x-name">
            <input id="x-name" value={f.name} onInput={(e) => setF({ ...f, name: e.currentTarget.value })} />
          </Field>
          <Field label="Site" id="x-site">
            <CountrySelect id="x-site" value={f.site} onChange={(site) => setF({ ...f, site })} required />
          </Field>
          <Field label="Date" id="x-date">
            <input id="x-date" type="date" value={f.date} onInput={(e) => setF({ ...f, date: e.currentTarget.value })} />
          </Field>
        </div>
        <div class="row">
          <Field label="Value chain" id="x-chain">
            <select id="x-chain" value={f.chain} onChange={(e) => setF({ ...f, chain: e.currentTarget.value, stages: [] })}>
              <option value="">None: inputs named below</option>
              {CHAINS.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Inputs come from" id="x-from" hint="Default: each input's largest producer, where the supply figures name one. Equipment, technology and services often have none: they are then shown as not assessed until you give where they come from.">
            <CountrySelect id="x-from" value={f.from} onChange={(from) => setF({ ...f, from })} emptyLabel="Largest producer" />
          </Field>
        </div>
        {chain && (
          <fieldset class="stages">
            <legend>Stages that move to the site (none ticked: all)</legend>
            {chain.stages.map((s) => (
              <label key={s.id} class="check">
                <input
                  type="checkbox"
                  value={s.id}
                  checked={f.stages.includes(s.id)}
                  onChange={(e) => setF({ ...f, stages: e.currentTarget.checked ? [...f.stages, s.id] : f.stages.filter((x) => x !== s.id) })}
                />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <Field label="Inputs named by hand" id="x-inputs" hint="One a line: taxonomy ID, source country, and optionally goods, technology or software. Example: dysprosium/oxide CN">
          <textarea id="x-inputs" rows={3} value={f.inputs} onInput={(e) => setF({ ...f, inputs: e.currentTarget.value })} />
        </Field>
        <button type="submit">Plan</button>
      </form>
      <div aria-live="polite">
        {answer.loading && <p class="loading">Planning…</p>}
        <ErrorMessage error={answer.error} />
      </div>
      {a && !answer.loading && (
        <article class="exposure" aria-labelledby="exposure-answer">
          <h2 id="exposure-answer">
            {a.plan ?? 'The plan'}: {a.inputs.length} inputs to {a.site} on {a.date}, {a.chokepoints.length} chokepoints
          </h2>
          <LegalNotice />
          <ChainPicture inputs={picture} site={a.site} title={`${a.chain ?? 'Plan'} moving to ${a.site}: inputs, origins and verdicts`} />
          <h3>Chokepoints, most severe first</h3>
          {a.chokepoints.length ? (
            <ol class="chokepoints">
              {a.chokepoints.map((c, i) => (
                <li key={i}>
                  <strong>{c.item.name ?? itemKey(c.item)}</strong> from {c.from} ({c.transfer}): <VerdictBadge verdict={c.verdict} />
                  {c.share !== undefined && ` · ${Math.round(c.share * 100)}% of supply`} — {c.why}
                  {(c.rules?.length ?? 0) > 1 && (
                    <div class="rules">
                      {c.rules.slice(1).map((r, k) => (
                        <p key={k}>
                          and {r.jurisdiction}: {r.reason}
                        </p>
                      ))}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p>{a.questions?.length ? `No input assessed is held back, but ${a.questions.length} could not be assessed (below).` : 'No input is held back.'}</p>
          )}
          {(a.questions?.length ?? 0) > 0 && (
            <>
              <h3>Not assessed until the plan says more</h3>
              <ul class="questions">
                {a.questions.map((q, k) => (
                  <li key={k}>{q.prompt}</li>
                ))}
              </ul>
            </>
          )}
          <table class="inputs">
            <caption>Every input, with alternatives</caption>
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col">From</th>
                <th scope="col">Verdict</th>
                <th scope="col">Alternatives</th>
              </tr>
            </thead>
            <tbody>
              {a.inputs.map((i, n) => (
                <tr key={n}>
                  <td>
                    {i.item.name ?? itemKey(i.item)} <small>{itemKey(i.item)}</small>
                  </td>
                  <td>{i.sourceAssumed ? `${i.from} (assumed)` : i.from}</td>
                  <td>
                    <VerdictBadge verdict={i.verdict} />
                  </td>
                  <td>{i.alternatives?.length ? i.alternatives.map((x) => `${x.country} ${Math.round(x.share * 100)}%${x.stage ? ` of ${x.stage}` : ''} (${x.year}${x.atSite ? ', at the site' : ''}, ${words(x.verdict)}${x.sanctions ? `; sanctions on buying there (${x.sanctions.imposedBy.join(', ')}), not checked` : ''})`).join('; ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Timeline of dated changes</h3>
          <ul class="timeline-list">
            {a.timeline.map((t, i) => (
              <li key={i}>
                {t.date} · {t.jurisdiction} · {words(t.event)}: {t.url ? <SourceLink url={t.url}>{t.reference}</SourceLink> : t.reference} ({t.title}){t.scope ? `, ${t.scope}` : ''} — {t.inputs.join(', ')}
              </li>
            ))}
          </ul>
          {a.advisories.length > 0 && (
            <>
              <h3>Advisories (non-binding)</h3>
              <ul>
                {a.advisories.map((x) => (
                  <li key={x.id}>
                    {x.title}: evidence {x.evidence}, {x.status}; {x.sources.map((s) => <SourceLink key={s.url} url={s.url}>{s.publisher} </SourceLink>)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {a.warnings.length > 0 && (
            <>
              <h3>Warnings</h3>
              <ul>
                {a.warnings.map((w, i) => (
                  <li key={i}>
                    <code>{w.code}</code> {w.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      )}
    </section>
  );
}
