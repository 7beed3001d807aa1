import type { Advisory, AssessmentResponse, Finding, JurisdictionAssessment, Question } from '@chokepoint/core';
import { useState } from 'preact/hooks';
import { LegalNotice, SourceLink, VerdictBadge } from '../components/common.js';
import { verdictLabel, words } from '../format.js';
import { hrefFor } from '../route.js';

/** What an answer rests on (CONTRACT §3 `data`, §10); older servers leave it out. */
interface DataVersion {
  plugin: string;
  version: string;
  dataVerifiedThrough: string;
  lists?: { id: string; asOf: string; entries?: number }[];
  amendments?: { id: string; sha256?: string }[];
}

/** The server's answer: the contract's response plus its audit ID. */
export type Answer = AssessmentResponse & { auditId?: string; data?: DataVersion[] };

function Findings({ findings, caption }: { findings: Finding[]; caption: string }) {
  return (
    <table class="findings">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Entry</th>
          <th scope="col">Requirement</th>
          <th scope="col">Status on the date</th>
          <th scope="col">Effective</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${f.measure.id}-${f.entry?.id ?? i}`} data-measure={f.measure.id} data-status={f.status}>
            <td>
              <SourceLink url={f.measure.url}>{f.measure.reference}</SourceLink>
              <br />
              <small>{f.measure.title}</small>
            </td>
            <td>{f.entry?.code ?? f.party?.name ?? '—'}</td>
            <td>
              <VerdictBadge verdict={f.requirement} />
              {f.licensePolicy && <small> {words(f.licensePolicy)}</small>}
            </td>
            <td class={`status status-${f.status}`}>{words(f.status)}</td>
            <td>
              {f.effective.from} – {f.effective.to ?? 'open'}
            </td>
            <td>
              {f.reason}
              <br />
              <small>
                matched on {f.matchedOn.join(', ')}
                {f.confidence ? ` · confidence ${f.confidence}` : ''}
              </small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Regime({ r }: { r: JurisdictionAssessment }) {
  const inForce = r.findings.filter((f) => f.status === 'in_force');
  const notInForce = r.findings.filter((f) => f.status !== 'in_force');
  return (
    <section class="regime" aria-labelledby={`regime-${r.jurisdiction}`} data-jurisdiction={r.jurisdiction} data-verdict={r.verdict}>
      <h3 id={`regime-${r.jurisdiction}`}>
        {r.jurisdiction}: <VerdictBadge verdict={r.verdict} />
      </h3>
      <dl class="facts">
        <dt>Reach</dt>
        <dd>
          {r.reaches ? 'Reaches the transfer' : 'Does not reach the transfer'}: {r.reach}
        </dd>
        {r.licensePolicy && (
          <>
            <dt>Licence policy</dt>
            <dd class="policy">{words(r.licensePolicy)}</dd>
          </>
        )}
        <dt>Rules from</dt>
        <dd>
          {r.plugin.name} {r.plugin.version}, data verified through {r.plugin.dataVerifiedThrough}
        </dd>
      </dl>
      {r.authorizations.length > 0 && (
        <>
          <h4>Authorisations</h4>
          <ul>
            {r.authorizations.map((a) => (
              <li key={a.id}>
                <strong>{a.id}</strong> {a.title}
                {a.conditions.length > 0 && (
                  <ul>
                    {a.conditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {inForce.length > 0 && <Findings findings={inForce} caption={`${r.jurisdiction}: findings in force on the date`} />}
      {notInForce.length > 0 && <Findings findings={notInForce} caption={`${r.jurisdiction}: measures not in force on the date (they change nothing)`} />}
      {r.findings.length === 0 && <p>No rule of this regime matched.</p>}
    </section>
  );
}

function Advisories({ advisories }: { advisories: Advisory[] }) {
  if (!advisories.length) return null;
  return (
    <section aria-labelledby="advisories">
      <h3 id="advisories">Advisories (non-binding; they never change a verdict)</h3>
      <ul>
        {advisories.map((a) => (
          <li key={a.id} data-evidence={a.evidence}>
            <strong>{a.title}</strong> — {a.corridor.from} → {a.corridor.to.join(', ')}; {words(a.measureType)}; evidence <strong>{a.evidence}</strong>; status {a.status}; first reported {a.firstReported}.
            {a.summary && <p>{a.summary}</p>}
            <ul>
              {a.sources.map((s) => (
                <li key={s.url}>
                  <SourceLink url={s.url}>{s.publisher}</SourceLink>, {s.date}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Question inputs: the person fills them in and the answer is asked for again. */
function Questions({ questions, onAnswer }: { questions: Question[]; onAnswer: (answers: Record<string, string>) => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  if (!questions.length) return null;
  const unique = questions.filter((q, i) => questions.findIndex((o) => o.parameter === q.parameter) === i);
  return (
    <form
      class="questions"
      aria-labelledby="questions"
      onSubmit={(e) => {
        e.preventDefault();
        onAnswer(values);
      }}
    >
      <h3 id="questions">Questions: the answer turns on facts the request lacks</h3>
      {unique.map((q) => {
        const id = `q-${q.parameter.replace(/\W+/g, '-')}`;
        const set = (v: string) => setValues((s) => ({ ...s, [q.parameter]: v }));
        return (
          <div class="field" key={q.parameter}>
            <label for={id}>
              {q.jurisdiction ? `${q.jurisdiction}: ` : ''}
              {q.prompt} <code>{q.parameter}</code>
            </label>
            {q.candidates?.length ? (
              <select id={id} value={values[q.parameter] ?? ''} onChange={(e) => set(e.currentTarget.value)}>
                <option value="">Choose</option>
                {q.candidates.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
                {q.parameter === 'endUse' && !q.candidates.includes('civil') && <option value="civil">civil</option>}
              </select>
            ) : (
              <input id={id} type="text" inputMode="decimal" value={values[q.parameter] ?? ''} onInput={(e) => set(e.currentTarget.value)} />
            )}
          </div>
        );
      })}
      <button type="submit">Answer and assess again</button>
    </form>
  );
}

function DataBlock({ answer }: { answer: Answer }) {
  const data: DataVersion[] = answer.data ?? answer.jurisdictions.map((j) => ({ plugin: j.plugin.name, version: j.plugin.version, dataVerifiedThrough: j.plugin.dataVerifiedThrough }));
  return (
    <section aria-labelledby="data">
      <h3 id="data">The data this answer rests on</h3>
      <ul>
        {data.map((d) => (
          <li key={d.plugin} data-plugin={d.plugin} data-lists={(d.lists ?? []).map((l) => `${l.id}@${l.asOf}`).join(' ')}>
            {d.plugin} {d.version}, verified through {d.dataVerifiedThrough}
            {d.lists?.length ? `; lists: ${d.lists.map((l) => `${l.id} as of ${l.asOf}`).join(', ')}` : ''}
            {d.amendments?.length ? `; amendments: ${d.amendments.map((a) => a.id).join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An assessment answer, overall verdict first (CONTRACT §3). */
export function AnswerView({ answer, onAnswerQuestions }: { answer: Answer; onAnswerQuestions: (answers: Record<string, string>) => void }) {
  return (
    <article class="answer" aria-labelledby="answer-title" data-verdict={answer.verdict}>
      <h2 id="answer-title" class="overall">
        Overall: <VerdictBadge verdict={answer.verdict} />
      </h2>
      <p>
        On {answer.date}, for {answer.item.resolved.length ? answer.item.resolved.join(', ') : 'an item the taxonomy does not know'} (matched by {answer.item.matchedBy}). The overall verdict is the most
        restrictive of the regimes that reach the transfer: {answer.jurisdictions.map((j) => `${j.jurisdiction} ${verdictLabel(j.verdict).toLowerCase()}`).join(', ')}.
        {answer.auditId && (
          <>
            {' '}
            Audit record <a href={hrefFor('audit', { id: answer.auditId })}>{answer.auditId}</a>.
          </>
        )}
      </p>
      <LegalNotice />
      <Questions key={answer.questions.map((q) => q.parameter).join()} questions={answer.questions} onAnswer={onAnswerQuestions} />
      {answer.warnings.length > 0 && (
        <section aria-labelledby="warnings" class="warnings">
          <h3 id="warnings">Warnings</h3>
          <ul>
            {answer.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                <code>{w.code}</code> {w.jurisdiction ? `${w.jurisdiction}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {answer.jurisdictions.map((r) => (
        <Regime key={r.jurisdiction} r={r} />
      ))}
      <Advisories advisories={answer.advisories} />
      <DataBlock answer={answer} />
    </article>
  );
}
