import type { Api } from '../api.js';
import type { Assessor } from '../assessor.js';
import { verifyAuditRecord } from '../audit.js';
import type { AuditWriter } from '../audit-writer.js';
import { callerOf } from '../auth.js';
import { roleAllows } from '../keys.js';
import { readNdjson } from '@chokepoint/core';
import { bodyText, jsonBody, readsAsJson, sendJson } from '../json-body.js';
import { HttpProblem, problems } from '../problem.js';
import { AuditHeadSchema, AuditParams, AuditRecordSchema, lineOf, NoQuery, problemContent, ref } from '../schemas.js';
import { auditHead } from '../audit.js';
import { responseText, type Store } from '../store/index.js';
import { CutByShutdown, drainOrClose, requestChunks, shuttingDownLine, tooLargeLine } from '../streaming.js';

const problem = (description: string) => ({ description, content: problemContent });
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-seq', 'text/plain'];

/** A JSON body must be an object; what is inside is the engine's to judge (its zod schema, in core). */
const isJsonObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);

export interface AssessmentDeps {
  assessor: Assessor;
  writer: AuditWriter;
  store: Store;
  bodyLimit: number;
  batchLimit: number;
  /** True once a graceful shutdown began: a streamed batch stops reading and says so in-band. */
  draining: () => boolean;
  /** Aborted when the shutdown timeout ran out: a batch waiting for input stops without its next chunk. */
  cut: AbortSignal;
}

/** `POST /v1/assessments`, the streamed batch and the audit records (CONTRACT §7). */
export function assessmentRoutes(api: Api, deps: AssessmentDeps): void {
  const { assessor, writer, store } = deps;
  api.route({
    method: 'post', path: '/v1/assessments', summary: 'Assess one transfer; the answer is stored in the audit trail', tags: ['assessments'], role: 'assess',
    before: jsonBody(deps.bodyLimit, true),
    // The engine checks the body's safety before anything else (same errors, named fields): once, not twice.
    engineChecksBody: true,
    body: { required: true, content: { 'application/json': { schema: ref('AssessmentRequest') } } },
    responses: { 200: { description: 'The answer and its audit ID', content: { 'application/json': { schema: ref('AuditedAssessmentResponse') } } }, 413: problem('The body is larger than CHOKEPOINT_BODY_LIMIT'), 415: problem('The body is of a type not read as JSON (JSON, text/plain, form-encoded or none are)') },
    handler: async (req, res) => {
      if (!readsAsJson(req)) throw new HttpProblem(problems.unsupportedMediaType('application/json'));
      // A type check, not a zod record parse: that built a copy of the body only to throw it away.
      if (!isJsonObject(req.body)) throw new HttpProblem(problems.invalid('The body must be a JSON object (CONTRACT §2).', [{ path: '', message: 'expected a JSON object' }]));
      // The body as parsed (a copy made by assignment would turn a "__proto__" key into a prototype); the
      // audit trail keeps the text it was parsed from, as received.
      sendJson(res, ...(await assessor.assessOne(req.body, bodyText(res), callerOf(res).id)));
    },
  });

  api.route({
    method: 'post', path: '/v1/assessments/batch', summary: 'Assess NDJSON requests, streamed back line for line in order', tags: ['assessments'], role: 'assess',
    description: 'One request per input line; one output line per input line, in order: the answer plus `auditId`, or `{"id","line","error"}` for a bad line. For inputs larger than CHOKEPOINT_BATCH_LIMIT, use POST /v1/jobs.',
    body: { required: true, content: { 'application/x-ndjson': { schema: ref('AssessmentRequest') } } },
    responses: { 200: { description: 'NDJSON, one line per input line', content: { 'application/x-ndjson': { schema: lineOf('AuditedAssessmentResponse') } } }, 413: problem('The body is larger than CHOKEPOINT_BATCH_LIMIT'), 415: problem('The body is not NDJSON') },
    handler: async (req, res) => {
      if (!req.is(NDJSON_TYPES)) throw new HttpProblem(problems.unsupportedMediaType('application/x-ndjson'));
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > deps.batchLimit) throw new HttpProblem(problems.tooLarge(deps.batchLimit));
      const caller = callerOf(res).id;
      res.status(200).type('application/x-ndjson');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      let answered = 0;
      let closed = false;
      res.on('close', () => (closed = true));
      const counted = requestChunks(req as AsyncIterable<Buffer>, deps.batchLimit, deps.cut);
      try {
        for await (const { lines } of readNdjson(counted)) {
          if (closed) break;
          if (deps.draining()) {
            res.write(shuttingDownLine(answered));
            break;
          }
          const assessed = assessor.assessLines(lines, caller);
          answered += lines.length;
          if (assessed.entries.length) await writer.append(assessed.entries);
          if (!res.write(assessed.output)) await drainOrClose(res);
        }
      } catch (err) {
        if (err instanceof CutByShutdown) res.write(shuttingDownLine(answered));
        else if (err instanceof RangeError) res.write(tooLargeLine(answered, deps.batchLimit, '; send them again, and large batches to POST /v1/jobs'));
        else throw err;
      }
      res.end();
    },
  });

  api.route({
    method: 'get', path: '/v1/audit/head', summary: 'The audit chain head, to keep outside the database', tags: ['assessments'], role: 'read', query: NoQuery,
    description: 'The last record’s sequence number and hash. Keep it elsewhere (a log line, a periodic export); `chokepoint-server audit verify --head HASH` then detects a truncated tail or a re-hashed chain.',
    responses: { 200: { description: 'The chain head', content: { 'application/json': { schema: AuditHeadSchema } } } },
    handler: async (_req, res) => {
      res.json(await auditHead(store));
    },
  });

  api.route({
    method: 'get', path: '/v1/assessments/{auditId}', summary: 'A stored assessment: request, response, data versions, time, hash', tags: ['assessments'], role: 'read', params: AuditParams,
    description: 'A key sees the records it made; an admin key sees every record.',
    responses: { 200: { description: 'The audit record', content: { 'application/json': { schema: AuditRecordSchema } } }, 404: problem('No such record') },
    handler: async (_req, res, { params }) => {
      const r = await store.getAudit(params.auditId);
      if (!r) throw new HttpProblem(problems.notFound(`No assessment with audit ID ${params.auditId}.`));
      const caller = callerOf(res);
      if (r.caller !== caller.id && !roleAllows(caller.role, 'admin')) throw new HttpProblem(problems.forbidden('This record was made by another key; only an admin key may read it.'));
      const verification = await verifyAuditRecord(store, r);
      const request = JSON.parse(r.request) as { id?: unknown } | null;
      res.json({ auditId: r.id, seq: r.seq, time: r.time, caller: r.caller, request, response: JSON.parse(responseText(r, request?.id)), plugins: JSON.parse(r.plugins), prevHash: r.prevHash, hash: r.hash, verification });
    },
  });
}
