import type { ScreeningResponse } from '@chokepoint/core';
import { useLayoutEffect, useState } from 'preact/hooks';
import { postJson } from '../api.js';
import { ErrorMessage, Field, LegalNotice, SourceLink, Text, VerdictBadge } from '../components/common.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { loadDataStatus, useAsync } from '../data.js';
import { langOfJurisdiction, words } from '../format.js';
import { navigate } from '../route.js';

type Match = ScreeningResponse['matches'][number];

/** The brand matches of an answer by brand, in the answer's order (the entry the brand stands for first), to say once above the list. */
function brandGroups(matches: readonly Match[]): [string, Match[]][] {
  const groups = new Map<string, Match[]>();
  for (const m of matches) if (m.brand) groups.set(m.brand, [...(groups.get(m.brand) ?? []), m]);
  return [...groups];
}

/** Warnings as a list, each item carrying its code (a match's, or the answer's on the lists it searched). */
function WarningList({ warnings }: { warnings: readonly { code: string; message: string }[] }) {
  return (
    <ul class="warnings">
      {warnings.map((w, i) => (
        <li key={i} data-code={w.code}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}

/** One hit: the listed party, the list and its date, what a hit means, and why the name matched. */
function MatchItem({ m, list }: { m: Match; list: ScreeningResponse['lists'][number] | undefined }) {
  const e = m.entry;
  const lang = langOfJurisdiction(m.jurisdiction);
  return (
    <li data-list={m.list} data-consequence={m.consequence}>
      <p>
        <strong>
          <Text lang={lang}>{e.name}</Text>
        </strong>{' '}
        on <Text lang={lang}>{m.listName}</Text> ({m.jurisdiction}){list && <span class="list-as-of">, list as of {list.asOf}</span>} — score {m.score.toFixed(2)}
      </p>
      <dl class="facts">
        <dt>Consequence</dt>
        <dd class="consequence">
          <VerdictBadge verdict={m.consequence} />
          {m.licensePolicy && <span class="policy"> {words(m.licensePolicy)}</span>}
          {e.licenseRequirementText && <span> · licence requirement: {e.licenseRequirementText}</span>}
          {e.licensePolicyText && <span> · policy: {e.licensePolicyText}</span>}
        </dd>
        {list?.consequence?.summary && (
          <>
            <dt>What a hit means</dt>
            <dd class="meaning">
              <Text lang={lang}>{list.consequence.summary}</Text>
            </dd>
          </>
        )}
        {m.warnings?.length ? (
          <>
            <dt>Check before you rely on this</dt>
            <dd>
              <WarningList warnings={m.warnings} />
            </dd>
          </>
        ) : null}
        <dt>Why it matched</dt>
        <dd class="explanation">
          “<Text lang={lang}>{m.matchedName}</Text>”: {m.explanation}
        </dd>
        {m.address && (
          <>
            <dt>Address given</dt>
            <dd class="address-comparison" data-share={m.address.share}>
              {m.address.shared.length ? `shares ${m.address.shared.join(', ')} with “${m.address.address}”` : 'shares no word with the listed addresses: it may be another party of that name'}
            </dd>
          </>
        )}
        {e.aliases?.length ? (
          <>
            <dt>Also listed as</dt>
            <dd>
              <Text lang={lang}>{e.aliases.join('; ')}</Text>
            </dd>
          </>
        ) : null}
        <dt>Listing</dt>
        <dd>
          {[e.country && `country ${e.country}`, e.listedOn && `listed ${e.listedOn}`, e.removedOn && `removed ${e.removedOn}`, e.programs?.length && `programs ${e.programs.join(', ')}`, e.notice].filter(Boolean).join(' · ') || '—'}
          {e.addresses?.length ? (
            <>
              <br />
              <Text lang={lang}>{e.addresses.join('; ')}</Text>
            </>
          ) : null}
        </dd>
        <dt>Source</dt>
        <dd>
          <SourceLink url={m.source.url}>{m.source.publisher}</SourceLink> {m.source.date}
        </dd>
      </dl>
    </li>
  );
}

/** Screen a party against the loaded lists (CONTRACT §9): US CSL lists, China's lists, METI's End User List, whatever is loaded. */
export function ScreenView({ params }: { params: URLSearchParams }) {
  const name = params.get('name') ?? '';
  const country = params.get('country') ?? '';
  const address = params.get('address') ?? '';
  const minScore = params.get('minScore') ?? '';
  const lists = params.getAll('list');
  const [f, setF] = useState({ name, country, address, minScore, lists });
  useLayoutEffect(() => setF({ name, country, address, minScore, lists }), [params.toString()]);
  const status = useAsync('data-status', loadDataStatus);
  const body = { name, ...(country ? { country } : {}), ...(address ? { address } : {}), ...(minScore ? { minScore: Number(minScore) } : {}), ...(lists.length ? { lists } : {}) };
  const result = useAsync(name ? JSON.stringify(body) : undefined, () => postJson<ScreeningResponse>('/v1/screenings', body));
  const r = result.data;
  const stale = new Map((status.data?.lists ?? []).map((l) => [l.id, l.stale]));
  const screened = new Map((r?.lists ?? []).map((l) => [l.id, l]));
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Screen a party</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const q = new URLSearchParams();
          if (f.name) q.set('name', f.name);
          if (f.country) q.set('country', f.country);
          if (f.address) q.set('address', f.address);
          if (f.minScore) q.set('minScore', f.minScore);
          for (const l of f.lists) q.append('list', l);
          navigate('screen', q);
        }}
      >
        <div class="row">
          <Field label="Party name" id="s-name">
            <input id="s-name" required value={f.name} onInput={(e) => setF({ ...f, name: e.currentTarget.value })} />
          </Field>
          <Field label="Country" id="s-country">
            <CountrySelect id="s-country" value={f.country} onChange={(c) => setF({ ...f, country: c })} emptyLabel="Any" />
          </Field>
          <Field label="Address (optional: compared with the listed addresses)" id="s-address">
            <input id="s-address" value={f.address} onInput={(e) => setF({ ...f, address: e.currentTarget.value })} />
          </Field>
          <Field label="Minimum score (0–1)" id="s-min">
            <input id="s-min" inputMode="decimal" value={f.minScore} onInput={(e) => setF({ ...f, minScore: e.currentTarget.value })} />
          </Field>
        </div>
        {status.data && (
          <fieldset class="lists">
            <legend>Lists to screen against (none ticked: every loaded list)</legend>
            {status.data.lists.map((l) => (
              <label class="check" key={l.id}>
                <input type="checkbox" value={l.id} checked={f.lists.includes(l.id)} onChange={(e) => setF({ ...f, lists: e.currentTarget.checked ? [...f.lists, l.id] : f.lists.filter((x) => x !== l.id) })} /> <Text lang={langOfJurisdiction(l.jurisdiction)}>{l.name}</Text> ({l.jurisdiction}, {l.entries} entries, as of {l.asOf}
                {l.stale ? ', stale' : ''})
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit">Screen</button>
      </form>
      <div aria-live="polite">
        {result.loading && <p class="loading">Screening…</p>}
        <ErrorMessage error={result.error} />
      </div>
      {r && !result.loading && (
        <article aria-labelledby="screen-answer">
          <h2 id="screen-answer">
            {r.matches.length} {r.matches.length === 1 ? 'match' : 'matches'} for “<Text>{name}</Text>”
          </h2>
          {brandGroups(r.matches).map(([brand, group]) => (
            <p class="brand-note" data-brand={brand} key={brand}>
              “<Text>{name}</Text>” carries “<Text>{brand}</Text>”, a brand of <Text lang={langOfJurisdiction(group[0]!.jurisdiction)}>{group[0]!.entry.name}</Text> on the{' '}
              <Text lang={langOfJurisdiction(group[0]!.jurisdiction)}>{group[0]!.listName}</Text>: {group.length} listed {group.length === 1 ? 'entry carries' : 'entries carry'} it, each
              shown below at {group[0]!.score.toFixed(2)}. It may be any of them or another party of the group; screen the full legal name to tell them apart.
            </p>
          ))}
          <ol class="matches">
            {r.matches.map((m, i) => (
              <MatchItem key={i} m={m} list={screened.get(m.list)} />
            ))}
          </ol>
          {r.nearMatches?.length ? (
            <section class="near-matches" aria-labelledby="near-matches">
              <h3 id="near-matches">Closest names below the threshold — not matches, for review by hand</h3>
              <p>A name given short (a first word alone) scores below the threshold against the listed names it belongs to.</p>
              <ul>
                {r.nearMatches.map((m, i) => (
                  <li key={i} data-list={m.list}>
                    <Text lang={langOfJurisdiction(m.jurisdiction)}>{m.entry.name}</Text> on <Text lang={langOfJurisdiction(m.jurisdiction)}>{m.listName}</Text>
                    {m.entry.country ? ` (${m.entry.country})` : ''} — score {m.score.toFixed(2)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {r.warnings?.length ? (
            <section class="answer-warnings" aria-labelledby="screen-warnings">
              <h3 id="screen-warnings">Check before you rely on this</h3>
              <WarningList warnings={r.warnings} />
            </section>
          ) : null}
          <table class="screened-lists">
            <caption>Lists checked</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Entries</th>
                <th scope="col">As of</th>
                <th scope="col">A hit means</th>
              </tr>
            </thead>
            <tbody>
              {r.lists.map((l) => (
                <tr key={l.id} data-list={l.id}>
                  <th scope="row">
                    <Text lang={langOfJurisdiction(l.jurisdiction)}>{l.name}</Text> <code>{l.id}</code>
                  </th>
                  <td>{l.jurisdiction}</td>
                  <td>{l.entries}</td>
                  <td>
                    {l.asOf}
                    {stale.get(l.id) && <strong class="stale"> stale (older than {status.data!.listMaxAgeDays} days)</strong>}
                  </td>
                  <td>
                    {l.consequence && <VerdictBadge verdict={l.consequence.requirement} />}
                    {l.consequence?.licensePolicy && <small> {words(l.consequence.licensePolicy)}</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LegalNotice />
        </article>
      )}
    </section>
  );
}
