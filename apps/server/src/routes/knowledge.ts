import { jsonBody, readsAsJson } from '../json-body.js';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { echoedId, inputSafetyProblems, portfolioChanges, readNdjson, ValidationError, type BatchLine, type Engine } from '@chokepoint/core';
import { detectFormat, diffList, ImportError, importText, LIST_FORMATS, ListChoiceError, updateLists, type ListFormat, type ListStore } from '@chokepoint/lists';
import type { Api } from '../api.js';
import type { KnowledgeReloader } from '../knowledge.js';
import { HttpProblem, problems } from '../problem.js';
import { lineOf, problemContent, ref } from '../schemas.js';
import type { Store } from '../store/index.js';
import { CutByShutdown, drainOrClose, requestChunks, shuttingDownLine, tooLargeLine } from '../streaming.js';

const problem = (description: string) => ({ description, content: problemContent });
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const ndjson = (description: string, schema: object) => ({ description, content: { 'application/x-ndjson': { schema } } });
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/plain'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The admin body of a list update: a file's text, or a URL, or nothing (every publisher source). */
const ListUpdateBody = z.strictObject({
  content: z.string().optional().openapi({ description: 'The file itself, in a publisher format' }),
  url: z.string().regex(/^https?:\/\//, 'expected an http(s) URL').optional(),
  list: z.string().optional(),
  format: z.enum(LIST_FORMATS).optional(),
  asOf: isoDate.optional(),
});
/** What a list import changed (`ListDiff` of @chokepoint/lists). */
const ListDiffSchema = z.object({
  list: z.string(), asOf: isoDate, previousAsOf: isoDate.optional(), entries: z.number().int(),
  added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()),
}).openapi('ListDiff');
const PortfolioQuery = z.strictObject({
  from: isoDate.optional().openapi({ description: 'First day of the window; default today (UTC)' }),
  to: isoDate.optional().openapi({ description: 'Last day of the window; default a year after `from`' }),
});
const EXAMPLE_CSL = JSON.stringify({ results: [{ id: 'example-1', source: 'Entity List (EL) - Bureau of Industry and Security', name: 'Example Trading Co., Ltd.', alt_names: ['Example Trading'], addresses: [{ city: 'Shenzhen', country: 'CN' }], start_date: '2026-01-15', license_policy: 'Presumption of denial.' }] });

export interface KnowledgeDeps {
  engine: Engine;
  store: Store;
  reloader: KnowledgeReloader | undefined;
  bodyLimit: number;
  batchLimit: number;
  /** True once a graceful shutdown began: a streamed batch stops reading and says so in-band. */
  draining?: () => boolean;
  /** Aborted when the shutdown timeout ran out: a batch waiting for input stops without its next chunk. */
  cut?: AbortSignal;
}

const NEVER = new AbortController().signal;

/**
 * Streams an NDJSON body through `answer`, one output line per input line, with the batch size limit;
 * a shutdown ends it in-band as it ends an assessment batch.
 */
async function streamLines(req: Request, res: Response, deps: KnowledgeDeps, answer: (line: BatchLine & { request: unknown }) => unknown): Promise<void> {
  const limit = deps.batchLimit;
  if (!req.is(NDJSON_TYPES)) throw new HttpProblem(problems.unsupportedMediaType('application/x-ndjson'));
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpProblem(problems.tooLarge(limit));
  res.status(200).type('application/x-ndjson');
  let answered = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const counted = requestChunks(req as AsyncIterable<Buffer>, limit, deps.cut ?? NEVER);
  try {
    for await (const { lines } of readNdjson(counted)) {
      if (closed) break;
      if (deps.draining?.()) {
        res.write(shuttingDownLine(answered));
        break;
      }
      let out = '';
      for (const l of lines) {
        if ('error' in l) {
          out += `${JSON.stringify({ id: l.id ?? null, line: l.line, error: l.error })}\n`;
          continue;
        }
        // Each line as a JSON body of its own (api.ts): a lone surrogate, a NUL, a prototype key or deep
        // nesting is refused naming the field, as POST /v1/screenings refuses it, not echoed in an answer.
        const unsafe = inputSafetyProblems(l.request);
        const rawId = (l.request as { id?: unknown } | null)?.id;
        const lineId = echoedId(rawId) ?? null;
        if (unsafe.length) {
          out += `${JSON.stringify({ id: unsafe.some((e) => e.path === 'id') ? null : lineId, line: l.line, error: { code: 'invalid_request', message: unsafe.map((e) => `${e.path}: ${e.message}`).join('; '), errors: unsafe } })}\n`;
          continue;
        }
        try {
          out += `${JSON.stringify(answer(l))}\n`;
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          out += `${JSON.stringify({ id: lineId, line: l.line, error: { code: err.code, message: err.message, errors: err.errors } })}\n`;
        }
      }
      answered += lines.length;
      if (out && !res.write(out)) await drainOrClose(res);
    }
  } catch (err) {
    if (err instanceof CutByShutdown) {
      res.end(shuttingDownLine(answered));
      return;
    }
    if (!(err instanceof RangeError)) throw err;
    res.write(tooLargeLine(answered, limit, '; send them again'));
  }
  res.end();
}

/** Party screening, data status, portfolio changes and the admin list update (CONTRACT §9, §10). */
export function knowledgeRoutes(api: Api, deps: KnowledgeDeps): void {
  const { engine, store } = deps;
  const lists: ListStore = { load: () => store.loadLists(), replace: (l) => store.replaceLists(l) };

  api.route({
    method: 'post', path: '/v1/screenings', summary: 'Screen a party against every loaded list', tags: ['screening'], role: 'assess',
    before: jsonBody(deps.bodyLimit, true),
    body: { required: true, content: { 'application/json': { schema: ref('ScreeningRequest') } } },
    responses: { 200: json('Matches, best first, and the lists screened (CONTRACT §9)', ref('ScreeningResponse')), 415: problem('The body is of a type not read as JSON (JSON, text/plain, form-encoded or none are)') },
    handler: (req, res) => {
      if (!readsAsJson(req)) throw new HttpProblem(problems.unsupportedMediaType('application/json'));
      res.json(engine.screen(req.body));
    },
  });
  api.route({
    method: 'post', path: '/v1/screenings/batch', summary: 'Screen NDJSON requests, one answer line per input line', tags: ['screening'], role: 'assess',
    body: { required: true, content: { 'application/x-ndjson': { schema: ref('ScreeningRequest') } } },
    responses: { 200: ndjson('One screening answer, or {"id","line","error"}, per input line', lineOf('ScreeningResponse')), 413: problem('The body is larger than CHOKEPOINT_BATCH_LIMIT'), 415: problem('The body is not NDJSON') },
    handler: (req, res) => streamLines(req, res, deps, (l) => engine.screen(l.request)),
  });
  api.route({
    method: 'get', path: '/v1/data', summary: 'What answers rest on: plugins, lists with asOf, amendments', tags: ['data'], role: 'read',
    responses: { 200: json('Plugins, lists and amendments the answers rest on (CONTRACT §10)', ref('DataStatus')) },
    handler: (_req, res) => {
      res.json(engine.dataStatus());
    },
  });
  api.route({
    method: 'post', path: '/v1/changes/portfolio', summary: 'For each request line, the dates in a window on which its answer changes', tags: ['measures'], role: 'assess', query: PortfolioQuery,
    body: { required: true, content: { 'application/x-ndjson': { schema: ref('AssessmentRequest') } } },
    responses: { 200: ndjson('For each line, in input order, the dates on which its answer changes, or {"id","line","error"}', lineOf('PortfolioLineChanges')), 413: problem('The body is larger than CHOKEPOINT_BATCH_LIMIT') },
    handler: (req, res, { query }) => {
      const from = query.from ?? new Date().toISOString().slice(0, 10);
      const to = query.to ?? `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
      const changes = portfolioChanges(engine, { from, to });
      return streamLines(req, res, deps, (l) => changes(l.request));
    },
  });
  api.route({
    method: 'post', path: '/v1/admin/lists', summary: 'Import screening lists from a publisher file or URL; every server on this store reloads', tags: ['data'], role: 'admin',
    description: 'Body `{ content }` (the file text) or `{ url }`, or `{}` for every publisher source; optional `list`, `format`, `asOf`. The file is checked whole; a bad row or a failed download leaves the lists in use.',
    before: jsonBody(deps.batchLimit),
    body: { required: true, content: { 'application/json': { schema: ListUpdateBody.openapi({ example: { content: EXAMPLE_CSL, asOf: '2026-12-01' } }) } } },
    responses: { 200: json('What each imported list added, changed and removed (by name)', z.array(ListDiffSchema)), 415: problem('The body is not application/json'), 502: problem('The publisher URL could not be read') },
    handler: async (req, res) => {
      // A file posted as it is (not wrapped in { content }) must not read as {}, which downloads every source.
      if (req.is('application/json') === false) throw new HttpProblem(problems.unsupportedMediaType('application/json'));
      const body = ListUpdateBody.safeParse(req.body ?? {});
      if (!body.success) throw new HttpProblem(problems.invalid('Invalid list update.', body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
      const { content, url, list, format, asOf } = body.data;
      try {
        const diffs = content !== undefined
          ? await updateFromText(lists, content, format, list, asOf)
          : await updateLists({ store: lists, ...(url ? { from: url } : {}), ...(list ? { list } : {}), ...(format ? { format } : {}), ...(asOf ? { asOf } : {}) });
        await deps.reloader?.reload('list update', true);
        res.json(diffs);
      } catch (err) {
        if (err instanceof ImportError) throw new HttpProblem(problems.invalid(err.message.split('\n')[0]!, err.problems.map((p) => ({ path: `${p.at} ${p.field}`, message: p.message }))));
        if (err instanceof Error && /unreachable|HTTP \d|incomplete|broke off/.test(err.message)) throw new HttpProblem({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: err.message });
        if (err instanceof ListChoiceError) throw new HttpProblem(problems.invalid(`list ${err.list}: ${err.detail}`, [{ path: 'list', message: `${err.list}: ${err.detail}` }]));
        throw err;
      }
    },
  });
}

/** Imports a file sent in the request body, as `updateLists` does for a file on disk. */
async function updateFromText(store: ListStore, content: string, format: ListFormat | undefined, list: string | undefined, asOf: string | undefined) {
  const parsed = importText(content, 'body.content', format ?? detectFormat('', content), asOf ?? new Date().toISOString().slice(0, 10));
  const chosen = list ? parsed.filter((l) => l.id === list) : parsed;
  if (!chosen.length) throw new ListChoiceError(list ?? '', `not in the file; it has ${parsed.map((l) => l.id).join(', ')}`);
  const previous = new Map((await store.load()).map((l) => [l.id, l]));
  const diffs = chosen.map((l) => diffList(previous.get(l.id), l));
  await store.replace(chosen);
  return diffs;
}
