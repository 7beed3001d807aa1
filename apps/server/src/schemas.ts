import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isIsoDate } from '@chokepoint/core';
import { openApiSchemas } from '@chokepoint/core/schema';
import { z } from 'zod';

extendZodWithOpenApi(z);

// Edge schemas: query strings, route parameters and envelopes are validated here; request bodies are
// validated by the engine itself so that the server's messages are the CLI's and the SDK's. Request,
// answer and error shapes are core's (one definition for the SDK, the JSON Schema files, the MCP tools
// and this document): the document holds them as component schemas and routes refer to them by name.

const isoDate = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' }).openapi({ example: '2025-01-15', format: 'date' });
const jurisdictionCode = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, 'expected a jurisdiction code such as CN, US or EU').openapi({ example: 'CN' });
const taxonomyId = z.string().min(1).max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'expected a taxonomy ID: lower-case kebab-case segments joined by /').openapi({ example: 'gallium/metal' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a UUID').openapi({ example: '0f8fad5b-d9cb-469f-a165-70867728950e' });

/** Core's component schemas (`@chokepoint/core/schema`): every request, answer and error shape, defined once there. */
const CORE_SCHEMAS = openApiSchemas();

/** The server's own component schemas: an answer as the server stores and returns it, and the end of a cut stream. */
const SERVER_SCHEMAS: Record<string, object> = {
  BatchStreamError: {
    description: 'The last line of a streamed batch that stopped early: the first `answered` input lines were answered (the lines above it), the rest was not; send the rest again.',
    type: 'object', required: ['error'],
    properties: {
      error: {
        type: 'object', required: ['code', 'message', 'answered'],
        properties: {
          code: { type: 'string', enum: ['shutting_down', 'payload_too_large'] },
          message: { type: 'string' },
          answered: { type: 'integer', description: 'how many input lines, from the first, were answered' },
        },
      },
    },
  },
  AuditedAssessmentResponse: {
    description: 'The answer (CONTRACT §3) plus the ID of its audit record.',
    allOf: [{ $ref: '#/components/schemas/AssessmentResponse' }, {
      type: 'object', required: ['auditId'],
      properties: { auditId: { type: 'string', format: 'uuid', description: 'ID of the audit record: GET /v1/assessments/{auditId}', example: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
    }],
  },
};

/** Every raw component schema the document holds besides those zod-to-openapi writes. */
export const COMPONENT_SCHEMAS: Readonly<Record<string, object>> = { ...CORE_SCHEMAS, ...SERVER_SCHEMAS };

/** A reference to a component schema of core's or the server's; an unknown name fails at start-up, not in a client. */
export function ref(name: string): { $ref: string } {
  if (!(name in COMPONENT_SCHEMAS)) throw new Error(`no component schema "${name}"`);
  return { $ref: `#/components/schemas/${name}` };
}

/** An array of a component schema. */
export const arrayOf = (name: string) => ({ type: 'array' as const, items: ref(name) });

/**
 * One NDJSON output line: the answer, or the error of a line that could not be answered; a streamed
 * batch may end with a `BatchStreamError` line (not a job's results, which are stored whole).
 */
export const lineOf = (name: string, streamed = true) => ({ anyOf: [ref(name), ref('BatchLineError'), ...(streamed ? [ref('BatchStreamError')] : [])] });

/** The problem document content of an error response (CONTRACT §7). */
export const problemContent = { 'application/problem+json': { schema: ref('Problem') } };

export const AuditRecordSchema = z
  .object({
    auditId: uuid,
    seq: z.number().int(),
    time: z.string().openapi({ format: 'date-time' }),
    caller: z.string(),
    request: z.unknown(),
    response: z.unknown(),
    plugins: z.array(z.object({ name: z.string(), version: z.string(), jurisdiction: z.string(), dataVerifiedThrough: isoDate })),
    prevHash: z.string(),
    hash: z.string(),
    verification: z
      .object({ ok: z.boolean(), reason: z.string().optional() })
      .openapi({ description: 'The server’s check of this record when it was read: its answer against its hash, its content against `hash`, and `prevHash` against the record before it' }),
  })
  .openapi('AuditRecord', { description: 'A stored assessment; `hash` is SHA-256 over the record and `prevHash`.' });

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
export const ReadinessSchema = z
  .object({ status: z.literal('ready'), store: z.enum(['sqlite', 'postgres']), plugins: z.number().int() })
  .openapi('Readiness', { description: 'The store in use and how many plugins are loaded.' });

export const AuditHeadSchema = z
  .object({ seq: z.number().int().openapi({ example: 1042 }), hash: z.string().regex(/^[0-9a-f]{64}$/).openapi({ example: 'a'.repeat(64) }) })
  .openapi('AuditHead', { description: 'The last audit record: its sequence number and hash (seq 0 and the genesis hash for an empty chain).' });

export const JobSchema = z
  .object({
    id: uuid,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    processed: z.number().int(),
    failedLines: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    links: z.object({ self: z.string(), results: z.string() }),
  })
  .openapi('Job', { description: 'A batch job: poll it until `status` is done, then download its results.' });

export const AuditParams = z.strictObject({ auditId: uuid });
export const JobParams = z.strictObject({ jobId: uuid });
export const TaxonomyQuery = z.strictObject({
  q: z.string().trim().min(1, 'expected search text').max(200).openapi({ description: 'Search text: a name, a code or a CAS number', example: 'gallium' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ type: 'integer', minimum: 1, maximum: 100, example: 10 }),
});
export const TaxonomyParams = z.strictObject({ id: taxonomyId });
export const MeasuresQuery = z.strictObject({ jurisdiction: jurisdictionCode.optional(), asOf: isoDate.optional(), item: taxonomyId.optional() });
export const MeasureParams = z.strictObject({ id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'expected a measure ID').openapi({ example: 'cn-mofcom-2023-23' }) });
export const MeasureQuery = z.strictObject({ asOf: isoDate.optional() });
export const ChangesQuery = z.strictObject({ from: isoDate, to: isoDate, jurisdiction: jurisdictionCode.optional() });
export const NoQuery = z.strictObject({});
const oneOrMore = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
/** An item named by its identifiers in the query string (CONTRACT §2 ItemRef), and a date. */
export const CompareQuery = z.strictObject({
  id: z.string().max(200).optional().openapi({ description: 'Taxonomy ID', example: 'graphite/artificial' }),
  hs: z.string().max(40).optional(),
  cnCode: z.string().max(40).optional(),
  cnControlCode: z.string().max(60).optional(),
  eccn: z.string().max(60).optional(),
  euCode: z.string().max(60).optional(),
  cas: z.string().max(40).optional(),
  name: z.string().max(200).optional(),
  code: oneOrMore
    .pipe(z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,15}=.{1,60}$/, 'expected JURISDICTION=CODE, e.g. JP=2(24)')))
    .optional()
    .openapi({ description: 'A regime\'s own control code (`item.codes`), as JURISDICTION=CODE; repeat for several', example: 'JP=2(24)' }),
  date: isoDate.optional().openapi({ description: 'Status of each entry on this date; default today (UTC)' }),
});

/** What a required parameter holds, by name, for the message when it is missing (contract review G1). */
const EXPECTED: Readonly<Record<string, string>> = {
  from: 'a calendar date YYYY-MM-DD', to: 'a calendar date YYYY-MM-DD', asOf: 'a calendar date YYYY-MM-DD', date: 'a calendar date YYYY-MM-DD',
  q: 'the text to search for (a name, HS or CN code, CAS number or taxonomy ID)', jurisdiction: 'a jurisdiction code such as "CN"',
};

/**
 * A type issue in words a caller can act on: a missing value is "required", a query parameter given twice is "given
 * more than once"; anything else keeps the schema's own message, which says what was expected.
 */
function plainMessage(issue: z.ZodError['issues'][number]): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const received = /received (\w+)/.exec(issue.message)?.[1];
  if (received === 'undefined') return `required: expected ${EXPECTED[String(issue.path.at(-1))] ?? (issue.expected === 'string' ? 'a value' : `a ${issue.expected}`)}`;
  if (received === 'array' && issue.expected === 'string') return 'given more than once: expected a single value';
  return `expected a ${issue.expected}, got a${received && /^[aeiou]/.test(received) ? 'n' : ''} ${received ?? 'value of another type'}`;
}

/** Zod issues as the problem document's field errors; an unknown key is named by its own path. */
export function fieldErrors(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [base, k].filter(Boolean).join('.'), message: 'is not a known parameter' }));
    return [{ path: base, message: plainMessage(issue) }];
  });
}
