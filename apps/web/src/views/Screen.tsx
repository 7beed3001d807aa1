import { useState } from 'preact/hooks';
import { postJson } from '../api.js';
import { ErrorMessage, Field, LegalNotice, SourceLink, VerdictBadge } from '../components/common.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { useAsync } from '../data.js';
import { navigate } from '../route.js';

/** The answer of POST /v1/screenings (CONTRACT §9). */
interface ScreeningAnswer {
  matches: {
    list: string;
    listName: string;
    jurisdiction: string;
    entry: { id: string; name: string; aliases?: string[]; country?: string; addresses?: string[]; listedOn?: string; programs?: string[] };
    matchedName: string;
    score: number;
    explanation: string;
    consequence: string;
    source?: { url: string; publisher: string; date: string };
  }[];
  lists: { id: string; entries: number; asOf: string }[];
}

/** Screen a party against the loaded lists. */
export function ScreenView({ params }: { params: URLSearchParams }) {
  const name = params.get('name') ?? '';
  const country = params.get('country') ?? '';
  const minScore = params.get('minScore') ?? '';
  const [f, setF] = useState({ name, country, minScore });
  const body = { name, ...(country ? { country } : {}), ...(minScore ? { minScore: Number(minScore) } : {}) };
  const result = useAsync(name ? JSON.stringify(body) : undefined, () => postJson<ScreeningAnswer>('/v1/screenings', body));
  const r = result.data;
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Screen a party</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('screen', f);
        }}
      >
        <Field label="Party name" id="s-name">
          <input id="s-name" required value={f.name} onInput={(e) => setF({ ...f, name: e.currentTarget.value })} />
        </Field>
        <Field label="Country" id="s-country">
          <CountrySelect id="s-country" value={f.country} onChange={(c) => setF({ ...f, country: c })} emptyLabel="Any" />
        </Field>
        <Field label="Minimum score (0–1)" id="s-min">
          <input id="s-min" inputMode="decimal" value={f.minScore} onInput={(e) => setF({ ...f, minScore: e.currentTarget.value })} />
        </Field>
        <button type="submit">Screen</button>
      </form>
      <div aria-live="polite">
        {result.loading && <p class="loading">Screening…</p>}
        <ErrorMessage error={result.error} />
      </div>
      {r && !result.loading && (
        <article aria-labelledby="screen-answer">
          <h2 id="screen-answer">
            {r.matches.length} {r.matches.length === 1 ? 'match' : 'matches'} for “{name}”
          </h2>
          <ol class="matches">
            {r.matches.map((m, i) => (
              <li key={i} data-list={m.list}>
                <strong>{m.entry.name}</strong> on {m.listName} ({m.jurisdiction}) — score {m.score.toFixed(2)}, consequence <VerdictBadge verdict={m.consequence} />
                <br />
                matched “{m.matchedName}”: {m.explanation}
                {m.entry.country && ` · ${m.entry.country}`}
                {m.entry.listedOn && ` · listed ${m.entry.listedOn}`}
                {m.source && (
                  <>
                    {' '}
                    · <SourceLink url={m.source.url}>{m.source.publisher}</SourceLink> {m.source.date}
                  </>
                )}
              </li>
            ))}
          </ol>
          <p>Lists checked: {r.lists.map((l) => `${l.id} (${l.entries} entries, as of ${l.asOf})`).join('; ')}.</p>
          <LegalNotice />
        </article>
      )}
    </section>
  );
}
