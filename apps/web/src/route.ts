import { useEffect, useState } from 'preact/hooks';

/** A view and its parameters, kept in the URL's hash (`#/assess?id=gallium/metal&from=CN`) so that it can be shared. */
export interface Route {
  view: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return { view: path || 'assess', params: new URLSearchParams(query) };
}

/** Builds `#/<view>?<params>`, leaving empty values out. */
export function hrefFor(view: string, params: Record<string, string | undefined> | URLSearchParams = {}): string {
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params);
  const q = new URLSearchParams(entries.filter((e): e is [string, string] => !!e[1]));
  return `#/${view}${q.size ? `?${q}` : ''}`;
}

export function navigate(view: string, params: Record<string, string | undefined> | URLSearchParams = {}): void {
  location.hash = hrefFor(view, params);
}

/** The current route, updated when the hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
