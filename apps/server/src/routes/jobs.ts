import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Api } from '../api.js';
import { callerOf } from '../auth.js';
import type { JobRunner } from '../jobs.js';
import { roleAllows } from '../keys.js';
import { splitNdjson } from '@chokepoint/core';
import { HttpProblem, problems } from '../problem.js';
import { JobParams, JobSchema, lineOf, problemContent, ref } from '../schemas.js';
import type { JobRecord, Store } from '../store/index.js';
import { drainOrClose } from '../streaming.js';
import type { Response } from 'express';

const problem = (description: string) => ({ description, content: problemContent });
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/plain'];

function view(job: JobRecord) {
  return {
    id: job.id, status: job.status, total: job.total, processed: job.processed, failedLines: job.failedLines, error: job.error,
    createdAt: job.createdAt, updatedAt: job.updatedAt, links: { self: `/v1/jobs/${job.id}`, results: `/v1/jobs/${job.id}/results` },
  };
}

async function ownJob(store: Store, res: Response, jobId: string): Promise<JobRecord> {
  const job = await store.getJob(jobId);
  if (!job) throw new HttpProblem(problems.notFound(`No job ${jobId}.`));
  const caller = callerOf(res);
  if (job.caller !== caller.id && !roleAllows(caller.role, 'admin')) throw new HttpProblem(problems.forbidden('This job belongs to another key; only an admin key may see it.'));
  return job;
}

/** Large batches as jobs: upload, poll, download (DESIGN "The server"). */
export function jobRoutes(api: Api, deps: { store: Store; runner: JobRunner | undefined; jobLimit: number }): void {
  const { store } = deps;
  api.route({
    method: 'post', path: '/v1/jobs', summary: 'Upload a large NDJSON batch as a job', tags: ['jobs'], role: 'assess',
    description: 'Answers 202 with the job; poll it, then GET its results. Any server process on the same database may run it.',
    before: [express.text({ type: NDJSON_TYPES, limit: deps.jobLimit })],
    body: { required: true, content: { 'application/x-ndjson': { schema: ref('AssessmentRequest') } } },
    responses: { 202: { description: 'The job, queued', content: { 'application/json': { schema: JobSchema } } }, 413: problem('The upload is larger than CHOKEPOINT_JOB_LIMIT'), 415: problem('The body is not NDJSON') },
    handler: async (req, res) => {
      if (typeof req.body !== 'string') throw new HttpProblem(problems.unsupportedMediaType('application/x-ndjson'));
      const total = splitNdjson(req.body).length;
      if (total === 0) throw new HttpProblem(problems.invalid('The upload holds no lines.', [{ path: '', message: 'expected at least one NDJSON line' }]));
      // The upload is stored as text before any line is read: a raw NUL cannot be stored by PostgreSQL
      // (it made this a 500) and is never valid NDJSON, so refuse it here, naming the line.
      const nul = req.body.indexOf('\u0000');
      if (nul >= 0) {
        const line = req.body.slice(0, nul).split('\n').length;
        throw new HttpProblem(problems.invalid(`Line ${line} holds a NUL character.`, [{ path: `line ${line}`, message: 'text contains a NUL character (U+0000); NDJSON lines are JSON text without control characters' }]));
      }
      const id = randomUUID();
      await store.createJob({ id, caller: callerOf(res).id, total, input: req.body, createdAt: new Date().toISOString() });
      await deps.runner?.enqueue(id);
      const job = (await store.getJob(id))!;
      res.status(202).location(`/v1/jobs/${id}`).json(view(job));
    },
  });
  api.route({
    method: 'get', path: '/v1/jobs/{jobId}', summary: 'A job’s status and progress', tags: ['jobs'], role: 'read', params: JobParams,
    responses: { 200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } }, 404: problem('No such job') },
    handler: async (_req, res, { params }) => {
      res.json(view(await ownJob(store, res, params.jobId)));
    },
  });
  api.route({
    method: 'get', path: '/v1/jobs/{jobId}/results', summary: 'A finished job’s NDJSON output, one line per input line, in order', tags: ['jobs'], role: 'read', params: JobParams,
    responses: { 200: { description: 'NDJSON as from POST /v1/assessments/batch', content: { 'application/x-ndjson': { schema: lineOf('AuditedAssessmentResponse', false) } } }, 404: problem('No such job'), 409: problem('The job has not finished') },
    handler: async (_req, res, { params }) => {
      const job = await ownJob(store, res, params.jobId);
      if (job.status !== 'done') throw new HttpProblem(problems.conflict(`Job ${job.id} is ${job.status} (${job.processed} of ${job.total} lines); poll ${`/v1/jobs/${job.id}`} until it is done.`));
      res.status(200).type('application/x-ndjson');
      for await (const body of store.jobOutput(job.id)) {
        // A client that left is not waited for: `drain` alone never came, and the handler waited for ever.
        if (res.destroyed) break;
        if (!res.write(body)) await drainOrClose(res);
      }
      res.end();
    },
  });
}
