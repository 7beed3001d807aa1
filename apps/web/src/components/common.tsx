import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.js';
import { langOf, verdictClass, verdictLabel } from '../format.js';

/** A verdict as a coloured badge with its words. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  return <span class={verdictClass(verdict)}>{verdictLabel(verdict)}</span>;
}

/** An error from the API or the browser, as a person can read it, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'Error', error instanceof Error ? error.message : String(error));
  return (
    <div class="error" role="alert">
      <p>
        <strong>{e.title}</strong>
        {e.status ? ` (HTTP ${e.status})` : ''}
        {/* With field errors, the detail is those errors joined: they are listed once, below. */}
        {e.fields.length ? `: ${e.fields.length === 1 ? 'one field' : `${e.fields.length} fields`} to correct` : `: ${e.detail}`}
      </p>
      {e.fields.length > 0 && (
        <ul>
          {e.fields.map((f) => (
            <li key={f.path}>
              <code>{f.path || '(body)'}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {e.needsKey && <p>Enter an API key above and try again.</p>}
    </div>
  );
}

/** A labelled form field: the label is always visible. */
export function Field({ label, id, children, hint }: { label: string; id: string; children: ComponentChildren; hint?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** The notice every answer carries. */
export function LegalNotice() {
  return (
    <p class="notice">
      <strong>Decision support, not legal advice.</strong> Check each answer against the cited official texts before you act on it.
    </p>
  );
}

/** An external link to an official text, opened in a new tab. */
export function SourceLink({ url, children }: { url: string; children: ComponentChildren }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

const CJK_RUN = /([\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+)/;

/**
 * Text that may hold Chinese or Japanese (a list's name in its own language, say): each run of such
 * characters is marked with the text's language (`lang` when the source says it, a Japanese list's
 * kanji-only name, say), so the right glyphs are drawn and read.
 */
export function Text({ children, lang: known }: { children: string; lang?: 'ja' | 'zh' | undefined }) {
  const lang = langOf(children) && (known ?? langOf(children));
  if (!lang) return <>{children}</>;
  return <>{children.split(CJK_RUN).map((part, i) => (i % 2 ? <span key={i} lang={lang}>{part}</span> : part))}</>;
}
