import type { Server } from 'node:http';
import { createApp } from './app.js';
import { createServerEngine } from './engine.js';

export { createApp } from './app.js';
export { createServerEngine } from './engine.js';

/** Options for {@link startServer}. */
export interface StartOptions {
  port?: number;
  host?: string;
}

/** Starts the reference server and resolves once it listens; the URL is printed to stdout. */
export async function startServer(options: StartOptions = {}): Promise<{ server: Server; url: string }> {
  const engine = await createServerEngine();
  const app = createApp(engine);
  const port = options.port ?? Number(process.env.PORT ?? 8080);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
      resolve({ server, url });
    });
    server.on('error', reject);
  });
}
