import { ValidationError, type Engine } from '@chokepoint/core';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { sendProblem } from './problem.js';

const DISCLAIMER = 'chokepoint gives decision support, not legal advice. Check each answer against the cited official texts before you act on it.';

/** The HTTP application over an engine (CONTRACT §7); it holds no rule logic of its own. */
export function createApp(engine: Engine): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/', (_req, res) => {
    const plugins = engine.plugins.map((p) => `<li>${p.jurisdiction}: ${p.name} ${p.version} (data verified through ${p.dataVerifiedThrough})</li>`).join('');
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chokepoint</title></head><body>
<h1>chokepoint</h1>
<p>Export controls on critical minerals and their technologies: may an item move from A to B on a date, under whose rules, and what does it take?</p>
<p>POST a request to <code>/v1/assessments</code>; installed regimes:</p><ul>${plugins || '<li>none</li>'}</ul>
<p>API documentation: <a href="/docs">/docs</a></p>
<p><strong>${DISCLAIMER}</strong></p>
</body></html>`);
  });

  app.get('/v1/plugins', (_req, res) => {
    res.json(engine.plugins);
  });

  app.post('/v1/assessments', (req, res) => {
    res.json(engine.assess(req.body));
  });

  app.use((_req, res) => {
    sendProblem(res, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such route.' });
  });

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    if (err instanceof ValidationError) {
      sendProblem(res, { type: 'https://chokepoint.dev/problems/invalid-request', title: 'Invalid request', status: 400, detail: err.message, errors: err.errors });
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      sendProblem(res, { type: 'about:blank', title: 'Payload Too Large', status: 413, detail: 'The request body is larger than 1 MB.' });
      return;
    }
    if (e.type === 'entity.parse.failed') {
      sendProblem(res, { type: 'https://chokepoint.dev/problems/invalid-json', title: 'Invalid JSON', status: 400, detail: 'The request body is not valid JSON.', errors: [{ path: '', message: 'expected a JSON object' }] });
      return;
    }
    sendProblem(res, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The server could not complete the request.' });
  };
  app.use(onError);
  return app;
}
