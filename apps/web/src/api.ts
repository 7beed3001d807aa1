// The app's one way to call the server's /v1 API: it adds the API key when one is set and turns
// problem documents (RFC 9457) into errors a person can read.

const KEY_STORAGE = 'chokepoint.apiKey';

/** An API call that failed, with the server's explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(detail || title);
  }
  /** Whether the server asks for (another) API key. */
  get needsKey(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

type KeyListener = (needed: boolean) => void;
const keyListeners = new Set<KeyListener>();

/** The API key kept for this browser tab (never in the URL). */
export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set(key: string): void {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  },
  /** Called with `true` whenever a call comes back 401, so the page can ask for a key. */
  onNeeded(listener: KeyListener): () => void {
    keyListeners.add(listener);
    return () => keyListeners.delete(listener);
  },
};

function headers(extra: Record<string, string>): Record<string, string> {
  const key = apiKey.get();
  return { accept: 'application/json, application/problem+json', ...extra, ...(key ? { authorization: `Bearer ${key}` } : {}) };
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: { path: string; message: string }[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not a problem document (a proxy's page, say): the status line is all there is.
  }
  const error = new ApiError(res.status, body.title ?? res.statusText ?? 'Error', body.detail ?? `The server answered ${res.status}.`, body.errors ?? []);
  if (res.status === 401) keyListeners.forEach((l) => l(true));
  return error;
}

async function send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: headers(init.headers ?? {}) });
  } catch {
    throw new ApiError(0, 'Network error', 'The server could not be reached. Check that it is running and try again.');
  }
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** GET a JSON resource; `query` entries that are empty are left out. */
export async function getJson<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const res = await send(q.size ? `${path}?${q}` : path);
  return (await res.json()) as T;
}

/** POST a JSON body, read a JSON answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await res.json()) as T;
}

/** POST NDJSON and hand each answer line to `onLine` as it streams back. */
export async function postNdjson(path: string, body: string, onLine: (line: unknown) => void): Promise<void> {
  const res = await send(path, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) rest += value;
    const lines = rest.split('\n');
    rest = done ? '' : lines.pop()!;
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
    if (done) return;
  }
}
