import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiKey } from './api.js';
import { resetCaches } from './data.js';
import { hrefFor, useRoute } from './route.js';
import './style.css';
import { AssessView } from './views/Assess.js';
import { AuditView } from './views/Audit.js';
import { BatchView } from './views/Batch.js';
import { ChangesView } from './views/Changes.js';
import { DataView } from './views/Data.js';
import { ExposureView } from './views/Exposure.js';
import { MeasuresView } from './views/Measures.js';
import { PortfolioView } from './views/Portfolio.js';
import { ScreenView } from './views/Screen.js';

const VIEWS = [
  { id: 'assess', title: 'Assess', render: (p: URLSearchParams) => <AssessView params={p} /> },
  { id: 'measures', title: 'Measures', render: (p: URLSearchParams) => <MeasuresView params={p} /> },
  { id: 'changes', title: 'Changes', render: (p: URLSearchParams) => <ChangesView params={p} /> },
  { id: 'exposure', title: 'Exposure', render: (p: URLSearchParams) => <ExposureView params={p} /> },
  { id: 'batch', title: 'Batch', render: () => <BatchView /> },
  { id: 'portfolio', title: 'Portfolio changes', render: (p: URLSearchParams) => <PortfolioView params={p} /> },
  { id: 'screen', title: 'Screen a party', render: (p: URLSearchParams) => <ScreenView params={p} /> },
  { id: 'audit', title: 'Audit', render: (p: URLSearchParams) => <AuditView params={p} /> },
  { id: 'data', title: 'Data status', render: () => <DataView /> },
];

/** The API key field: shown once the server asks for a key (a 401), or when one is set. */
function KeyField({ onSaved }: { onSaved: () => void }) {
  const [needed, setNeeded] = useState(false);
  const [value, setValue] = useState(apiKey.get());
  useEffect(() => apiKey.onNeeded(setNeeded), []);
  if (!needed && !apiKey.get()) return null;
  return (
    <form
      class="key"
      onSubmit={(e) => {
        e.preventDefault();
        apiKey.set(value.trim());
        setNeeded(false);
        resetCaches();
        onSaved();
      }}
    >
      {needed && (
        <p role="alert" class="error">
          This server needs an API key for its /v1 calls.
        </p>
      )}
      <label for="api-key">API key</label> <input id="api-key" type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />{' '}
      <button type="submit">Use key</button>
    </form>
  );
}

function App() {
  const route = useRoute();
  const [generation, setGeneration] = useState(0);
  const view = VIEWS.find((v) => v.id === route.view) ?? VIEWS[0]!;
  useEffect(() => {
    document.title = `${view.title} · chokepoint`;
  }, [view.id]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <p class="brand">chokepoint</p>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={hrefFor(v.id)} aria-current={v.id === view.id ? 'page' : undefined}>
                  {v.title}
                </a>
              </li>
            ))}
            <li>
              <a href="/docs">API docs</a>
            </li>
          </ul>
        </nav>
        <KeyField onSaved={() => setGeneration((g) => g + 1)} />
      </header>
      <main id="main" tabIndex={-1} key={`${view.id}-${generation}`}>
        {view.render(route.params)}
      </main>
      <footer>
        <p>
          Export controls on critical minerals and their technologies. Decision support, not legal advice: check each answer against the cited official texts before you act on it.
        </p>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
