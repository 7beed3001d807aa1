import type { ChangeView } from '@chokepoint/core';
import { useLayoutEffect, useState } from 'preact/hooks';
import { getJson } from '../api.js';
import { ErrorMessage, Field } from '../components/common.js';
import { useAsync } from '../data.js';
import { todayUtc, words } from '../format.js';
import { hrefFor, navigate } from '../route.js';
import { usePlugins } from './Measures.js';

const yearAgo = () => new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

/** The change feed for a window, filterable by jurisdiction. */
export function ChangesView({ params }: { params: URLSearchParams }) {
  const from = params.get('from') ?? yearAgo();
  const to = params.get('to') ?? todayUtc();
  const jurisdiction = params.get('jurisdiction') ?? '';
  const [f, setF] = useState({ from, to, jurisdiction });
  // The form shows the window the table shows, also after Back (the URL changed, not the form).
  useLayoutEffect(() => setF({ from, to, jurisdiction }), [from, to, jurisdiction]);
  const plugins = usePlugins();
  // A change dated after its regime's data was verified follows from recorded dates (a suspension's end) that no source checked since confirms.
  const afterVerified = (c: ChangeView): string | undefined => {
    const through = plugins.data?.find((p) => p.jurisdiction === c.jurisdiction)?.dataVerifiedThrough;
    return through && c.date > through ? through : undefined;
  };
  const feed = useAsync(`${from}|${to}|${jurisdiction}`, () => getJson<ChangeView[]>('/v1/changes', { from, to, jurisdiction }));
  return (
    <section aria-labelledby="changes-title">
      <h1 id="changes-title">Change feed</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('changes', f);
        }}
      >
        <Field label="From date" id="c-from">
          <input id="c-from" type="date" value={f.from} onInput={(e) => setF({ ...f, from: e.currentTarget.value })} />
        </Field>
        <Field label="To date" id="c-to">
          <input id="c-to" type="date" value={f.to} onInput={(e) => setF({ ...f, to: e.currentTarget.value })} />
        </Field>
        <Field label="Jurisdiction" id="c-jurisdiction">
          <select id="c-jurisdiction" value={f.jurisdiction} onChange={(e) => setF({ ...f, jurisdiction: e.currentTarget.value })}>
            <option value="">All</option>
            {(plugins.data ?? []).map((p) => (
              <option key={p.jurisdiction} value={p.jurisdiction}>
                {p.jurisdiction}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Show changes</button>
      </form>
      <ErrorMessage error={feed.error} />
      {feed.data && (
        <table class="changes">
          <caption>
            {feed.data.length} changes from {from} to {to}
            {jurisdiction ? ` in ${jurisdiction}` : ''}, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Event</th>
              <th scope="col">Measure</th>
            </tr>
          </thead>
          <tbody>
            {feed.data.map((c, i) => (
              <tr key={i} data-jurisdiction={c.jurisdiction}>
                <td>{c.date}</td>
                <td>{c.jurisdiction}</td>
                <td>
                  {words(c.event)}
                  {afterVerified(c) && (
                    <small class="unverified" data-unverified={c.date}>
                      {' '}
                      — not verified: dated after the {c.jurisdiction} data was verified (through {afterVerified(c)}); it follows from the measure's recorded dates
                    </small>
                  )}
                </td>
                <td>
                  <a href={hrefFor('measures', { jurisdiction: c.jurisdiction, asOf: c.date, id: c.measure })}>{c.reference}</a> {c.title}
                  {c.scope && <small> ({c.scope})</small>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
