import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/**
 * Where the built web application is: `dist/web` beside the compiled server (copied there at build),
 * or, when the server runs from its sources (tests), the same folder under `dist`.
 */
export function webRoot(): string | undefined {
  const candidates = [new URL('./web/', import.meta.url), new URL('../dist/web/', import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((dir) => existsSync(`${dir}index.html`));
}

/**
 * Serves the web application (CONTRACT §11) at `/`. Its assets carry content hashes in their names,
 * so they are cached for a year as immutable; `index.html` names them and is revalidated every time.
 */
export function serveWebApp(app: Express, root: string): void {
  const index = `${root}index.html`;
  const noCache = (res: express.Response) => res.setHeader('Cache-Control', 'no-cache');
  app.get(['/', '/index.html'], (_req, res) => {
    noCache(res);
    res.sendFile(index);
  });
  app.use(
    '/assets',
    express.static(`${root}assets`, {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use(express.static(root, { index: false, setHeaders: (res) => noCache(res) }));
}
