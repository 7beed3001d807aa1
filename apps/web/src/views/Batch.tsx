import { useState } from 'preact/hooks';
import { postNdjson } from '../api.js';
import { usePlugins } from './Measures.js';
import { ErrorMessage, LegalNotice, VerdictBadge } from '../components/common.js';
import { answersCsv, requestLines } from '../batch.js';

type Line = Record<string, unknown> & { id?: string; verdict?: string; error?: { code: string; message: string } };

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Run a batch: upload CSV or NDJSON, watch progress, download the answers. */
export function BatchView() {
  const [lineNumbers, setLineNumbers] = useState<number[]>([]);
  const total = lineNumbers.length;
  const plugins = usePlugins();
  const [answers, setAnswers] = useState<Line[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (file: File) => {
    setError(undefined);
    setAnswers([]);
    let lines: ReturnType<typeof requestLines>;
    try {
      lines = requestLines(file.name, await file.text());
    } catch (err) {
      return setError(err);
    }
    setLineNumbers(lines.map((l) => l.line));
    setRunning(true);
    const got: Line[] = [];
    try {
      await postNdjson('/v1/assessments/batch', `${lines.map((l) => l.json).join('\n')}\n`, (line) => {
        got.push(line as Line);
        setAnswers([...got]);
      });
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  const failed = answers.filter((a) => a.error).length;
  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title">Run a batch</h1>
      <p>
        NDJSON: one request a line (CONTRACT §2). CSV: a header row naming request fields (<code>from</code>, <code>to</code>, <code>date</code>, <code>item.id</code> or <code>hs</code>, <code>cnCode</code>, …, <code>param.purity</code>); one request a row.
      </p>
      <div class="field">
        <label for="batch-file">Batch file (CSV or NDJSON)</label>
        <input id="batch-file" type="file" accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson" disabled={running} onChange={(e) => e.currentTarget.files?.[0] && run(e.currentTarget.files[0])} />
      </div>
      <ErrorMessage error={error} />
      {total > 0 && (
        <div class="progress">
          <label for="batch-progress">Progress</label> <progress id="batch-progress" max={total} value={answers.length} />{' '}
          <span aria-live="polite" id="batch-status">
            {answers.length} of {total} lines answered{failed ? `, ${failed} with errors` : ''}
            {running ? '' : answers.length ? '. Done.' : ''}
          </span>
        </div>
      )}
      {!running && answers.length > 0 && (
        <>
          <div class="row">
            <button type="button" onClick={() => download('answers.csv', 'text/csv', answersCsv(answers as Parameters<typeof answersCsv>[0], lineNumbers, (plugins.data ?? []).map((p) => p.jurisdiction)))}>
              Download CSV
            </button>
            <button type="button" onClick={() => download('answers.ndjson', 'application/x-ndjson', answers.map((a) => JSON.stringify(a)).join('\n') + '\n')}>
              Download NDJSON
            </button>
          </div>
          <LegalNotice />
          <table class="batch">
            <caption>Answers, in input order</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">ID</th>
                <th scope="col">Verdict or error</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
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
