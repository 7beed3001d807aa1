import { answersCsv } from '../batch.js';
import { ErrorMessage, LegalNotice, VerdictBadge } from '../components/common.js';
import { download, ROWS_SHOWN, UploadProgress, useUpload } from '../components/Upload.js';
import { usePlugins } from './Measures.js';

type Line = Record<string, unknown> & { id?: string; verdict?: string; error?: { code: string; message: string } };

/** Run a batch: upload CSV or NDJSON, watch progress, download the answers. Large files stream in slices. */
export function BatchView() {
  const plugins = usePlugins();
  const { state, run } = useUpload<Line>();
  const { answers, running, error } = state;

  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title">Run a batch</h1>
      <p>
        NDJSON: one request a line (CONTRACT §2). CSV: a header row naming request fields (<code>from</code>, <code>to</code>, <code>date</code>, <code>item.id</code> or <code>hs</code>, <code>cnCode</code>, …, <code>param.purity</code>); one request a row.
      </p>
      <div class="field">
        <label for="batch-file">Batch file (CSV or NDJSON)</label>
        <input id="batch-file" type="file" accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson" disabled={running} onChange={(e) => e.currentTarget.files?.[0] && run('/v1/assessments/batch', e.currentTarget.files[0])} />
      </div>
      <ErrorMessage error={error} />
      <UploadProgress id="batch" state={state} />
      {!running && answers.length > 0 && (
        <>
          <div class="row">
            <button type="button" onClick={() => download('answers.csv', 'text/csv', [answersCsv(answers as Parameters<typeof answersCsv>[0], state.fileLines, (plugins.data ?? []).map((p) => p.jurisdiction))])}>
              Download CSV
            </button>
            <button type="button" onClick={() => download('answers.ndjson', 'application/x-ndjson', answers.map((a) => `${JSON.stringify(a)}\n`))}>
              Download NDJSON
            </button>
          </div>
          <LegalNotice />
          <table class="batch">
            <caption>
              Answers, in input order{answers.length > ROWS_SHOWN ? ` (the first ${ROWS_SHOWN} of ${answers.length}; the downloads hold every line)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">ID</th>
                <th scope="col">Verdict or error</th>
              </tr>
            </thead>
            <tbody>
              {answers.slice(0, ROWS_SHOWN).map((a, i) => (
                <tr key={i}>
                  <td>{state.fileLines[i]}</td>
                  <td>{a.id ?? ''}</td>
                  <td>{a.error ? <span class="error-text">{a.error.message}</span> : <VerdictBadge verdict={a.verdict ?? ''} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
