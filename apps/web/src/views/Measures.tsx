import type { MeasureEntryView, MeasureView, PluginIdentity } from '@chokepoint/core';
import { useLayoutEffect, useState } from 'preact/hooks';
import { getJson } from '../api.js';
import { ErrorMessage, Field, SourceLink } from '../components/common.js';
import { Timeline, timelineDomain, TimelineLegend } from '../components/Timeline.js';
import { useAsync } from '../data.js';
import { entryStatusOn, langOf, statusBeganUnverified, todayUtc, verdictLabel, words } from '../format.js';
import { hrefFor, navigate } from '../route.js';

/** A measure as GET /v1/measures returns it (CONTRACT §4 `measures --json`); GET /v1/measures/{id} adds its entries. */
export type MeasureRow = MeasureView & { entryList?: MeasureEntryView[] };

/** Jurisdictions with an installed plugin, for pickers. */
export function usePlugins() {
  return useAsync('plugins', () => getJson<(PluginIdentity & { jurisdiction: string; title: string; controlCodeField?: string })[]>('/v1/plugins'));
}

/** The date a regime's data was verified through, from the installed plugins. */
const verifiedThrough = (plugins: { jurisdiction: string; dataVerifiedThrough: string }[] | undefined, jurisdiction: string): string | undefined =>
  plugins?.find((p) => p.jurisdiction === jurisdiction)?.dataVerifiedThrough;

/** Says that a status began after the regime's data was verified, where it did (see statusBeganUnverified). */
export function Unverified({ began, through }: { began: string | undefined; through: string | undefined }) {
  if (!began) return null;
  return (
    <small class="unverified" data-unverified={began}>
      {' '}
      — not verified: this status follows from the measure's recorded dates on {began}, after the data was verified (through {through}); check the official source
    </small>
  );
}

function MeasureDetail({ id, asOf }: { id: string; asOf: string }) {
  const plugins = usePlugins();
  const m = useAsync(`${id}|${asOf}`, () => getJson<MeasureRow>(`/v1/measures/${encodeURIComponent(id)}`, { asOf }));
  if (m.error) return <ErrorMessage error={m.error} />;
  if (!m.data) return <p>Loading the measure…</p>;
  const d = m.data;
  const entries = d.entryList ?? [];
  return (
    <article class="measure" aria-labelledby="measure-title">
      <h2 id="measure-title">
        {d.reference}: {d.title}
      </h2>
      {d.titleOriginal && <p lang={langOf(d.titleOriginal)}>{d.titleOriginal}</p>}
      <dl class="facts">
        <dt>Authority</dt>
        <dd>{d.authority}</dd>
        <dt>Published</dt>
        <dd>{d.published}</dd>
        <dt>Effective</dt>
        <dd>
          {d.effective.from} – {d.effective.to ?? 'open'}
        </dd>
        <dt>Status on {asOf}</dt>
        <dd class={`status status-${d.status}`}>
          {words(d.status)}
          <Unverified began={statusBeganUnverified(d.statusTimeline, asOf, verifiedThrough(plugins.data, d.jurisdiction))} through={verifiedThrough(plugins.data, d.jurisdiction)} />
        </dd>
        <dt>Confidence</dt>
        <dd>{d.confidence}</dd>
        <dt>Entries</dt>
        <dd>{d.entries}</dd>
      </dl>
      <Timeline intervals={d.statusTimeline} domain={timelineDomain([d.statusTimeline], asOf)} at={asOf} label={d.reference} width={640} height={40} axis />
      {d.summary && <p>{d.summary}</p>}
      {entries.length > 0 && (
        <>
          <h3>Entries</h3>
          <ul>
            {entries.map((e) => {
              const own = entryStatusOn(e, asOf);
              return (
                <li key={e.id} data-entry={e.id} data-status={own?.status}>
                  {e.code && <code>{e.code}</code>} {e.title} — {verdictLabel(e.requirement).toLowerCase()}
                  {e.licensePolicy ? ` (${words(e.licensePolicy)})` : ''}
                  {own && (
                    <strong class={`status status-${own.status}`}>
                      {' '}
                      — {words(own.status)} on {asOf}
                    </strong>
                  )}
                  {(e.suspensions ?? []).map((x) => (
                    <small key={x.from} class="entry-suspension">
                      {' '}
                      · {x.scope ? `${x.scope} ` : ''}suspended {x.from} – {x.to ?? 'open'} by {x.by}
                    </small>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>Sources</h3>
      <ul>
        {d.url && (
          <li>
            <SourceLink url={d.url}>Official text</SourceLink>
          </li>
        )}
        {d.sources.map((s) => (
          <li key={s.url}>
            <SourceLink url={s.url}>{s.title ?? s.publisher}</SourceLink> — {s.publisher}, {s.date}
          </li>
        ))}
      </ul>
      {d.related?.length ? (
        <p>
          Related:{' '}
          {d.related.map((r) => (
            <a key={r} href={hrefFor('measures', { jurisdiction: d.jurisdiction, asOf, id: r })}>
              {r}{' '}
            </a>
          ))}
        </p>
      ) : null}
    </article>
  );
}

/** Browse measures by jurisdiction, with their status on a date and a timeline of each. */
export function MeasuresView({ params }: { params: URLSearchParams }) {
  const jurisdiction = params.get('jurisdiction') ?? '';
  const asOf = params.get('asOf') ?? todayUtc();
  const open = params.get('id');
  const [j, setJ] = useState(jurisdiction);
  const [date, setDate] = useState(asOf);
  // The form shows what the table shows, also after Back or a link to another date (the URL changed, not the form).
  useLayoutEffect(() => {
    setJ(jurisdiction);
    setDate(asOf);
  }, [jurisdiction, asOf]);
  const plugins = usePlugins();
  const list = useAsync(`${jurisdiction}|${asOf}`, () => getJson<MeasureRow[]>('/v1/measures', { jurisdiction, asOf }));
  const domain = list.data ? timelineDomain(list.data.map((m) => m.statusTimeline), asOf) : ([0, 1] as [number, number]);
  return (
    <section aria-labelledby="measures-title">
      <h1 id="measures-title">Measures</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('measures', { jurisdiction: j, asOf: date });
        }}
      >
        <Field label="Jurisdiction" id="m-jurisdiction">
          <select id="m-jurisdiction" value={j} onChange={(e) => setJ(e.currentTarget.value)}>
            <option value="">All</option>
            {(plugins.data ?? []).map((p) => (
              <option key={p.jurisdiction} value={p.jurisdiction}>
                {p.jurisdiction}: {p.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Status on" id="m-date">
          <input id="m-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <button type="submit">Show measures</button>
      </form>
      {open && <MeasureDetail id={open} asOf={asOf} />}
      <ErrorMessage error={list.error} />
      {list.data && (
        <>
          <TimelineLegend />
          <table class="measures">
            <caption>
              {list.data.length} measures{jurisdiction ? ` of ${jurisdiction}` : ''}, status on {asOf}
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Status</th>
                <th scope="col">Effective</th>
                <th scope="col">Timeline</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.id} data-measure={m.id}>
                  <td>
                    <a href={hrefFor('measures', { jurisdiction, asOf, id: m.id })}>{m.reference}</a>
                    <br />
                    <small>{m.title}</small>
                  </td>
                  <td class={`status status-${m.status}`}>
                    {words(m.status)}
                    <Unverified began={statusBeganUnverified(m.statusTimeline, asOf, verifiedThrough(plugins.data, m.jurisdiction))} through={verifiedThrough(plugins.data, m.jurisdiction)} />
                  </td>
                  <td>
                    {m.effective.from} – {m.effective.to ?? 'open'}
                  </td>
                  <td>
                    <Timeline intervals={m.statusTimeline} domain={domain} at={asOf} label={m.reference} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
