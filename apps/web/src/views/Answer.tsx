import type { Advisory, AssessmentResponse, Finding, JurisdictionAssessment, Question } from '@chokepoint/core';
import { useState } from 'preact/hooks';
import { LegalNotice, SourceLink, Text, VerdictBadge } from '../components/common.js';
import { fieldWords, type ItemField } from '../components/ItemSearch.js';
import { countryLabel, loadCountries, loadDataStatus, useAsync } from '../data.js';
import { answerKey, entryCode, formSectionFor, yesNo } from '../request.js';
import { langOfJurisdiction, verdictLabel, words } from '../format.js';
import { hrefFor } from '../route.js';

/** The server's answer: the contract's response plus its audit ID. */
export type Answer = AssessmentResponse & { auditId?: string };

/** Warnings about the data an answer rests on, shown first: the answer may miss a change. */
const DATA_WARNINGS: Record<string, string> = {
  stale_data: 'The date asked is after the date the data was verified through',
  stale_list: 'A screening list used is out of date',
  status_unverified: 'A measure’s status after a suspension is not verified',
  suspension_last_day: 'The date is a suspension’s last day, read as still suspended (a reading some contest)',
  sample_list: 'A screening list used is a sample, not the publisher’s full list',
  listing_expiry_unverified: 'A listing was due to expire after the list copy was taken: it may have been renewed',
};

function Findings({ findings, caption, lang }: { findings: Finding[]; caption: string; lang: 'ja' | 'zh' | undefined }) {
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
              <small>
                <Text lang={lang}>{f.measure.title}</Text>
              </small>
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
              <Text lang={lang}>{f.reason}</Text>
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
      {inForce.length > 0 && <Findings findings={inForce} caption={`${r.jurisdiction}: findings in force on the date`} lang={langOfJurisdiction(r.jurisdiction)} />}
      {notInForce.length > 0 && <Findings findings={notInForce} caption={`${r.jurisdiction}: measures not in force on the date (they change nothing)`} lang={langOfJurisdiction(r.jurisdiction)} />}
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
function Questions({ questions, onAnswer, codeFields }: { questions: Question[]; onAnswer: (answers: Record<string, string>) => void; codeFields: Record<string, string | undefined> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  if (!questions.length) return null;
  const unique = questions.filter((q, i) => questions.findIndex((o) => answerKey(o) === answerKey(q)) === i);
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
        const section = formSectionFor(q.parameter);
        if (section) {
          return (
            <div class="field" key={q.parameter} data-parameter={q.parameter}>
              <p>
                {q.jurisdiction ? `${q.jurisdiction}: ` : ''}
                {q.prompt} <code>{q.parameter}</code>
              </p>
              <button type="button" class="secondary" onClick={() => document.getElementById(section.section)?.focus()}>
                {section.words}
              </button>
            </div>
          );
        }
        const key = answerKey(q);
        const set = (v: string) => setValues((s) => ({ ...s, [key]: v }));
        if (q.parameter === 'item') {
          // Which listed entry the item is: answered with the entry's code, in the field that carries the regime's codes.
          const entries = (q.candidates ?? []).map((c) => [entryCode(c), c] as const).filter((e): e is readonly [string, string] => e[0] !== undefined);
          const field = q.jurisdiction ? codeFields[q.jurisdiction] : undefined;
          const itemId = `q-item-${(q.jurisdiction ?? '').replace(/\W+/g, '-')}`;
          return (
            <div class="field" key={key} data-parameter={q.parameter}>
              <label for={itemId}>
                {q.jurisdiction ? `${q.jurisdiction}: ` : ''}
                {q.prompt}
              </label>
              {field && entries.length > 0 ? (
                <select id={itemId} value={values[key] ?? ''} onChange={(e) => set(e.currentTarget.value)}>
                  <option value="">Choose the listed entry the item falls under</option>
                  {entries.map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : null}
              <p class="hint">
                {field && entries.length > 0 ? `The entry's code is added to the item as its ${fieldWords(field as ItemField)}. ` : ''}
                If none of them is the item, give a more specific identifier of it in the form above (its taxonomy item, HS or customs code).
              </p>
            </div>
          );
        }
        return (
          <div class="field" key={key}>
            <label for={id}>
              {q.jurisdiction ? `${q.jurisdiction}: ` : ''}
              {q.prompt} <code>{q.parameter}</code>
            </label>
            {yesNo(q) ? (
              <select id={id} value={values[key] ?? ''} onChange={(e) => set(e.currentTarget.value)}>
                <option value="">Choose</option>
                <option value="1">Yes (1)</option>
                <option value="0">No (0)</option>
              </select>
            ) : q.candidates?.length ? (
              <select id={id} value={values[key] ?? ''} onChange={(e) => set(e.currentTarget.value)}>
                <option value="">Choose</option>
                {q.candidates.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
                {q.parameter === 'endUse' && !q.candidates.includes('civil') && <option value="civil">civil</option>}
              </select>
            ) : (
              <input id={id} type="text" inputMode={q.parameter.startsWith('item.') ? 'text' : 'decimal'} value={values[key] ?? ''} onInput={(e) => set(e.currentTarget.value)} />
            )}
          </div>
        );
      })}
      <button type="submit">Answer and assess again</button>
    </form>
  );
}

/** What the answer rests on (CONTRACT §3 `data`): each plugin's data version and vintage, its lists and amendments. */
function DataBlock({ answer }: { answer: Answer }) {
  const status = useAsync('data-status', loadDataStatus);
  const staleLists = new Set((status.data?.lists ?? []).filter((l) => l.stale).map((l) => l.id));
  return (
    <section aria-labelledby="data" class="data-block">
      <h3 id="data">The data this answer rests on</h3>
      <table class="data-used">
        <caption>Each regime's data, its lists and the amendments loaded</caption>
        <thead>
          <tr>
            <th scope="col">Plugin and data version</th>
            <th scope="col">Verified through</th>
            <th scope="col">Lists (as of)</th>
            <th scope="col">Amendments (sha256)</th>
          </tr>
        </thead>
        <tbody>
          {answer.data.map((d) => (
            <tr key={d.plugin} data-plugin={d.plugin} data-lists={d.lists.map((l) => `${l.id}@${l.asOf}`).join(' ')}>
              <td>
                {d.plugin} {d.version}
              </td>
              <td class={d.dataVerifiedThrough < answer.date ? 'stale' : ''}>
                {d.dataVerifiedThrough}
                {d.dataVerifiedThrough < answer.date && <strong> — before the date asked ({answer.date})</strong>}
              </td>
              <td>
                {d.lists.length ? (
                  <ul class="plain">
                    {d.lists.map((l) => (
                      <li key={l.id} data-list={l.id}>
                        <code>{l.id}</code> as of {l.asOf}, {l.entries} entries ({l.origin})
                        {staleLists.has(l.id) && <strong class="stale"> — stale: older than {status.data!.listMaxAgeDays} days</strong>}
                        {l.sample && <strong class="stale"> — a sample, not the full list</strong>}
                      </li>
                    ))}
                  </ul>
                ) : (
                  'none'
                )}
              </td>
              <td>
                {d.amendments.length ? (
                  <ul class="plain">
                    {d.amendments.map((a) => (
                      <li key={a.id} data-amendment={a.id}>
                        {a.id}
                        {a.file ? ` (${a.file})` : ''} <code class="hash">{a.sha256}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  'none'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={hrefFor('data')}>Data status of the whole installation</a>
      </p>
    </section>
  );
}

/** Warnings about the data, first and in plain words: an answer resting on stale data may miss a change. */
function DataWarnings({ warnings }: { warnings: Answer['warnings'] }) {
  const about = warnings.filter((w) => w.code in DATA_WARNINGS);
  if (!about.length) return null;
  const codes = [...new Set(about.map((w) => w.code))];
  return (
    <section aria-labelledby="data-warnings" class="data-warnings">
      <h3 id="data-warnings">Check before you rely on this answer</h3>
      {codes.map((code) => (
        <div key={code}>
          <h4>
            {DATA_WARNINGS[code]} (<code>{code}</code>)
          </h4>
          <ul class="warnings">
            {about
              .filter((w) => w.code === code)
              .map((w, i) => (
                <li key={i} data-code={w.code}>
                  {w.jurisdiction ? `${w.jurisdiction}: ` : ''}
                  {w.message}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * The transfer the answer is for, in words, from the request the URL holds (the answer itself does not repeat it): so
 * that a route picked by mistake shows beside the verdict.
 */
function Route({ query }: { query?: string }) {
  const countries = useAsync('countries', loadCountries);
  if (!query) return null;
  const p = new URLSearchParams(query);
  const place = (code: string | null) => (code ? countryLabel(code, countries.data) : '?');
  const transfer = p.get('transfer') ?? 'goods';
  const endUse = p.get('endUse');
  return (
    <span class="route" data-from={p.get('from') ?? undefined} data-to={p.get('to') ?? undefined}>
      , {transfer} from <strong>{place(p.get('from'))}</strong> to <strong>{place(p.get('to'))}</strong>
      {endUse ? `, ${words(endUse)} end use` : ', end use not stated'}
      {p.get('endUser.name') ? `, end user "${p.get('endUser.name')}"` : ''}
    </span>
  );
}

/** The licence policy beside the overall verdict: that of the regimes that decide it, when they agree on one. */
function OverallPolicy({ answer }: { answer: Answer }) {
  const policies = new Set(answer.jurisdictions.filter((j) => j.reaches && j.verdict === answer.verdict).map((j) => j.licensePolicy));
  const [policy] = policies;
  if (policies.size !== 1 || !policy) return null;
  return <span class="overall-policy"> ({words(policy)})</span>;
}

/** The overall verdict's basis in words: the regimes that reach the transfer and theirs, then those that do not. */
function overallWords(regimes: JurisdictionAssessment[]): string {
  const reach = regimes.filter((j) => j.reaches);
  const not = regimes.filter((j) => !j.reaches).map((j) => j.jurisdiction);
  const others = not.length ? ` ${not.join(', ')} ${not.length === 1 ? 'does' : 'do'} not reach it.` : '';
  if (!reach.length) return `No regime reaches the transfer.${others}`;
  return `The overall verdict is the most restrictive of the regimes that reach the transfer: ${reach.map((j) => `${j.jurisdiction} ${verdictLabel(j.verdict).toLowerCase()}${j.licensePolicy ? ` (${words(j.licensePolicy)})` : ''}`).join(', ')}.${others}`;
}

/** An assessment answer, overall verdict first (CONTRACT §3). */
/** `query` is the request the answer is for, as the URL's query holds it (the article carries it for scripts and tests). */
export function AnswerView({ answer, query, onAnswerQuestions, codeFields = {} }: { answer: Answer; query?: string; onAnswerQuestions: (answers: Record<string, string>) => void; codeFields?: Record<string, string | undefined> }) {
  return (
    <article class="answer" aria-labelledby="answer-title" data-verdict={answer.verdict} data-query={query}>
      <h2 id="answer-title" class="overall">
        Overall: <VerdictBadge verdict={answer.verdict} />
        <OverallPolicy answer={answer} />
      </h2>
      <p>
        On {answer.date}, for {answer.item.resolved.length ? answer.item.resolved.join(', ') : 'an item the taxonomy does not know'} (matched by {answer.item.matchedBy})
        <Route query={query} />. {overallWords(answer.jurisdictions)}
        {answer.auditId && (
          <>
            {' '}
            Audit record <a href={hrefFor('audit', { id: answer.auditId })}>{answer.auditId}</a>.
          </>
        )}
      </p>
      <p class="rests-on">
        Rests on{' '}
        {answer.data.map((d, i) => (
          <span key={d.plugin}>
            {i ? '; ' : ''}
            {d.plugin.replace('@chokepoint/plugin-', '')} data verified through {d.dataVerifiedThrough}
            {d.lists.length ? ` (lists as of ${[...new Set(d.lists.map((l) => l.asOf))].join(', ')})` : ''}
          </span>
        ))}
        {answer.data.some((d) => d.amendments.length) ? `, with ${answer.data.reduce((n, d) => n + d.amendments.length, 0)} amendments` : ''}. The table at the end gives each list and amendment.
      </p>
      <DataWarnings warnings={answer.warnings} />
      <LegalNotice />
      <Questions key={answer.questions.map((q) => q.parameter).join()} questions={answer.questions} onAnswer={onAnswerQuestions} codeFields={codeFields} />
      {answer.warnings.some((w) => !(w.code in DATA_WARNINGS)) && (
        <section aria-labelledby="warnings">
          <h3 id="warnings">Other warnings</h3>
          <ul class="warnings">
            {answer.warnings.filter((w) => !(w.code in DATA_WARNINGS)).map((w, i) => (
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
