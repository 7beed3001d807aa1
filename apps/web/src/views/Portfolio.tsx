import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ErrorMessage, Field, LegalNotice, VerdictBadge } from '../components/common.js';
import { download, ROWS_SHOWN, UploadProgress, useUpload } from '../components/Upload.js';
import { todayUtc, words } from '../format.js';
import { changesByDay, portfolioCsvParts, unverifiedAfter, type PortfolioLine, type RegimeState, type VerifiedThrough } from '../portfolio.js';
import { usePlugins } from './Measures.js';
import { hrefFor, navigate } from '../route.js';

const yearAfter = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

function State({ state }: { state: RegimeState }) {
  return (
    <>
      <VerdictBadge verdict={state.verdict} />
      {state.licensePolicy && <small> {words(state.licensePolicy)}</small>}
    </>
  );
}

/** A change after the regime's data was verified: the page says so beside it. */
function Unverified({ change, verified }: { change: { date: string; jurisdiction: string }; verified: VerifiedThrough }) {
  const through = unverifiedAfter(change, verified);
  return through ? (
    <>
      <br />
      <strong class="stale unverified">
        after {change.jurisdiction} data verified through {through}: unverified
      </strong>
    </>
  ) : null;
}

/** One answered line as table rows: one per change, or one saying there is none, or its error. */
function LineRows({ line, fileLine, verified }: { line: PortfolioLine; fileLine: number | undefined; verified: VerifiedThrough }) {
  const head = (
    <>
      <td>{fileLine}</td>
      <td>{line.id ?? ''}</td>
    </>
  );
  if (line.error) {
    return (
      <tr data-line={fileLine} data-error={line.error.code}>
        {head}
        <td colSpan={6} class="error-text">
          {line.error.message}
        </td>
      </tr>
    );
  }
  const on = <td>{line.on && <VerdictBadge verdict={line.on} />}</td>;
  if (!line.changes?.length) {
    return (
      <tr data-line={fileLine} data-changes="0">
        {head}
        {on}
        <td colSpan={5}>No change in the window</td>
      </tr>
    );
  }
  return (
    <>
      {line.changes.map((c, i) => (
        <tr key={i} data-line={fileLine} data-change={`${c.date} ${c.jurisdiction}`} data-unverified={unverifiedAfter(c, verified)}>
          {head}
          {on}
          <td>
            {c.date}
            <Unverified change={c} verified={verified} />
          </td>
          <td>{c.jurisdiction}</td>
          <td>
            <State state={c.before} />
          </td>
          <td>
            <State state={c.after} />
          </td>
          <td>
            {c.measures.map((m) => (
              <a key={m} href={hrefFor('measures', { jurisdiction: c.jurisdiction, asOf: c.date, id: m })}>
                {m}{' '}
              </a>
            ))}
          </td>
        </tr>
      ))}
    </>
  );
}

/** The lines drawn: in input order (only those that change, if asked) until {@link ROWS_SHOWN} rows, one per change. */
function linesShown(answers: PortfolioLine[], only: boolean): (readonly [PortfolioLine, number])[] {
  const out: (readonly [PortfolioLine, number])[] = [];
  let rows = 0;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (only && !a.changes?.length) continue;
    const n = Math.max(a.changes?.length ?? 0, 1);
    if (out.length && rows + n > ROWS_SHOWN) break;
    out.push([a, i]);
    rows += n;
  }
  return out;
}

/**
 * Portfolio changes (CONTRACT §10, `POST /v1/changes/portfolio`): a file of request lines and a
 * window; for each line, the dates on which a regime's verdict or licence policy changes.
 */
export function PortfolioView({ params }: { params: URLSearchParams }) {
  const today = todayUtc();
  const [from, setFrom] = useState(params.get('from') ?? today);
  const [to, setTo] = useState(params.get('to') ?? yearAfter(params.get('from') ?? today));
  useLayoutEffect(() => {
    setFrom(params.get('from') ?? today);
    setTo(params.get('to') ?? yearAfter(params.get('from') ?? today));
  }, [params.toString()]);
  const [file, setFile] = useState<File>();
  const [only, setOnly] = useState(false);
  const [ran, setRan] = useState<{ from: string; to: string }>();
  const { state, run } = useUpload<PortfolioLine>();
  const plugins = usePlugins();
  const verified: VerifiedThrough = useMemo(() => new Map((plugins.data ?? []).map((p) => [p.jurisdiction, p.dataVerifiedThrough])), [plugins.data]);
  const { answers, running, error } = state;
  const changed = answers.filter((a) => a.changes?.length).length;
  const days = useMemo(() => (running ? [] : changesByDay(answers, state.fileLines)), [state.version, running]);
  const shown = useMemo(() => (running ? [] : linesShown(answers, only)), [state.version, running, only]);

  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">Portfolio changes</h1>
      <p>
        Upload the lines you ship (CSV with the batch columns, or NDJSON requests) and choose a window: for each line, the dates in the window on which a regime's verdict or licence policy changes, with the measure. Each line's own <code>date</code> is ignored; the answer on the first day is the starting point. A change after the day a regime's data was verified through is what the texts then said, not checked since: it is marked unverified.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          navigate('portfolio', { from, to });
          setRan({ from, to });
          void run(`/v1/changes/portfolio?${new URLSearchParams({ from, to })}`, file);
        }}
      >
        <div class="row">
          <Field label="Portfolio file (CSV or NDJSON)" id="p-file">
            <input id="p-file" type="file" required accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson" disabled={running} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
          </Field>
          <Field label="Window from" id="p-from">
            <input id="p-from" type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field label="Window to" id="p-to">
            <input id="p-to" type="date" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </Field>
          <button type="submit" disabled={running}>
            Find changes
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <UploadProgress id="portfolio" state={state} />
      {!running && answers.length > 0 && ran && (
        <>
          <p id="portfolio-summary">
            {answers.length} lines; {changed} of them change in the window from {ran.from} to {ran.to}
            {state.failed ? `, ${state.failed} with errors` : ''}.
          </p>
          <div class="row">
            <button type="button" onClick={() => download('portfolio-changes.csv', 'text/csv', portfolioCsvParts(answers, state.fileLines, verified))}>
              Download CSV
            </button>
            <button type="button" onClick={() => download('portfolio-changes.ndjson', 'application/x-ndjson', answers.map((a) => `${JSON.stringify(a)}\n`))}>
              Download NDJSON
            </button>
            <label class="check">
              <input type="checkbox" checked={only} onChange={(e) => setOnly(e.currentTarget.checked)} /> Only lines whose answer changes
            </label>
          </div>
          <LegalNotice />
          {days.length > 0 && (
            <table class="portfolio-days">
              <caption>Changes by day: when each regime's answer changes, and for which lines</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Regime</th>
                  <th scope="col">Measures</th>
                  <th scope="col">Lines</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={`${d.date} ${d.jurisdiction}`} data-day={`${d.date} ${d.jurisdiction}`} data-lines={d.lines.length}>
                    <td>
                      {d.date}
                      <Unverified change={d} verified={verified} />
                    </td>
                    <td>{d.jurisdiction}</td>
                    <td>
                      {d.measures.map((m) => (
                        <a key={m} href={hrefFor('measures', { jurisdiction: d.jurisdiction, asOf: d.date, id: m })}>
                          {m}{' '}
                        </a>
                      ))}
                    </td>
                    <td>
                      {d.lines.length}: {d.lines.slice(0, 10).join(', ')}
                      {d.lines.length > 10 ? ' …' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <table class="portfolio">
            <caption>
              Changes by line, in input order{shown.length < (only ? changed : answers.length) ? ` (the first ${shown.length} lines, ${ROWS_SHOWN} rows at most; the downloads hold every line)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">ID</th>
                <th scope="col">Verdict on {ran.from}</th>
                <th scope="col">Changes on</th>
                <th scope="col">Regime</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Measures</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(([a, i]) => (
                <LineRows key={i} line={a} fileLine={state.fileLines[i]} verified={verified} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
