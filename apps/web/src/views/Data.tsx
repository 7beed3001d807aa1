import { ErrorMessage, LegalNotice, Text } from '../components/common.js';
import { loadDataStatus, useAsync } from '../data.js';
import { daysBetween, langOfJurisdiction, todayUtc } from '../format.js';
import { hrefFor } from '../route.js';

/**
 * Data status (CONTRACT §10, `GET /v1/data`): each plugin's data version and the day it was verified
 * through, each screening list with its entries and `asOf` (stale ones marked), and the amendments
 * loaded with their sha256: what every answer of this server rests on.
 */
export function DataView() {
  const status = useAsync('data-status', loadDataStatus);
  const today = todayUtc();
  const d = status.data;
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">Data status</h1>
      <p>
        What every answer of this server rests on. A request dated after a regime's <em>verified through</em> day warns <code>stale_data</code>: the law may have changed since. A list older than the configured age warns{' '}
        <code>stale_list</code> in answers that screen a party against it; <code>chokepoint data update</code> imports a current copy.
      </p>
      <ErrorMessage error={status.error} />
      {status.loading && <p class="loading">Loading the data status…</p>}
      {d && (
        <>
          <table class="data-plugins">
            <caption>Regimes: data version and vintage</caption>
            <thead>
              <tr>
                <th scope="col">Plugin</th>
                <th scope="col">Data version</th>
                <th scope="col">Verified through</th>
                <th scope="col">Lists</th>
                <th scope="col">Amendments</th>
              </tr>
            </thead>
            <tbody>
              {d.plugins.map((p) => {
                const age = daysBetween(p.dataVerifiedThrough, today);
                return (
                  <tr key={p.plugin} data-plugin={p.plugin}>
                    <th scope="row">{p.plugin}</th>
                    <td>{p.version}</td>
                    <td class="verified-through">
                      {p.dataVerifiedThrough}
                      {age > 0 && <small> ({age} days before today: answers for today warn stale_data)</small>}
                    </td>
                    <td>{p.lists.length ? p.lists.map((l) => l.id).join(', ') : 'none'}</td>
                    <td>{p.amendments.length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          <table class="data-lists">
            <caption>
              Screening lists (stale when older than {d.listMaxAgeDays} days)
            </caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Entries</th>
                <th scope="col">As of</th>
                <th scope="col">Copy</th>
                <th scope="col">Currency</th>
              </tr>
            </thead>
            <tbody>
              {d.lists.map((l) => (
                <tr key={l.id} data-list={l.id} data-stale={String(l.stale)}>
                  <th scope="row">
                    <Text lang={langOfJurisdiction(l.jurisdiction)}>{l.name}</Text>
                    <br />
                    <a href={hrefFor('screen', { list: l.id })}>
                      <code>{l.id}</code>
                    </a>
                  </th>
                  <td>{l.jurisdiction}</td>
                  <td class="entries">{l.entries}</td>
                  <td class="as-of">{l.asOf}</td>
                  <td>
                    {l.origin === 'imported' ? 'imported' : 'bundled with the plugin'}
                    {l.sample && <strong class="stale sample"> — a sample, not the full list: {l.sample}</strong>}
                  </td>
                  <td>{l.stale ? <strong class="stale">Stale: {daysBetween(l.asOf, today)} days old (more than {d.listMaxAgeDays} days)</strong> : 'Current'}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>Amendments</h2>
          {d.amendments.length ? (
            <table class="data-amendments">
              <caption>Amendment files loaded, with the sha256 answers and audit records name</caption>
              <thead>
                <tr>
                  <th scope="col">Amendment</th>
                  <th scope="col">Regime</th>
                  <th scope="col">File</th>
                  <th scope="col">sha256</th>
                </tr>
              </thead>
              <tbody>
                {d.amendments.map((a) => (
                  <tr key={`${a.id}-${a.sha256}`} data-amendment={a.id}>
                    <th scope="row">{a.id}</th>
                    <td>{d.plugins.find((p) => p.amendments.some((x) => x.id === a.id && x.sha256 === a.sha256))?.plugin ?? ''}</td>
                    <td>{a.file ?? ''}</td>
                    <td>
                      <code class="hash">{a.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p id="no-amendments">No amendments are loaded: answers rest on the plugins' own data and the lists above.</p>
          )}
          <LegalNotice />
        </>
      )}
    </section>
  );
}
