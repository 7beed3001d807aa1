import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isIsoDate } from '@chokepoint/core';
import { ItemRefSchema as CoreItemRefSchema, requestSchema as CoreAssessmentRequestSchema } from '@chokepoint/core/schema';
import { z } from 'zod';

extendZodWithOpenApi(z);

// Edge schemas: query strings, route parameters and envelopes are validated here; assessment bodies
// are validated by the engine itself so that the server's messages are the CLI's and the SDK's.

const isoDate = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' }).openapi({ example: '2025-01-15', format: 'date' });
const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as CN').openapi({ example: 'CN' });
const jurisdictionCode = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, 'expected a jurisdiction code such as CN, US or EU').openapi({ example: 'CN' });
const taxonomyId = z.string().min(1).max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'expected a taxonomy ID: lower-case kebab-case segments joined by /').openapi({ example: 'gallium/metal' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a UUID').openapi({ example: '0f8fad5b-d9cb-469f-a165-70867728950e' });

export const FieldErrorSchema = z.object({ path: z.string().openapi({ example: 'item.hs' }), message: z.string() }).openapi('FieldError');
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://chokepoint.dev/problems/invalid-request' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem document (content type application/problem+json).' });

// The request schema is core's (one definition for the validator, the JSON Schema files, the MCP tools
// and this document); here it only gets its component name.
// (Rebuilt from its shape with this module's zod: `.openapi` exists only on schemas made after
// extendZodWithOpenApi.)
const ItemRefSchema = z.strictObject(CoreItemRefSchema.shape).openapi('ItemRef', { description: CoreItemRefSchema.description ?? '' });
const requestMeta = CoreAssessmentRequestSchema.meta() as { description: string; example: unknown };
export const AssessmentRequestSchema = z
  .strictObject({ ...CoreAssessmentRequestSchema.shape, item: ItemRefSchema })
  .openapi('AssessmentRequest', { description: requestMeta.description, example: requestMeta.example as never });

const verdict = z.enum(['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled']);

export const AssessmentResponseSchema = z
  .object({
    id: z.string().optional(),
    verdict,
    date: isoDate,
    item: z.object({ resolved: z.array(z.string()), matchedBy: z.string() }).passthrough(),
    jurisdictions: z.array(
      z.object({
        jurisdiction: z.string(),
        plugin: z.object({ name: z.string(), version: z.string(), dataVerifiedThrough: isoDate }),
        reaches: z.boolean(),
        reach: z.string().optional(),
        verdict,
        licensePolicy: z.enum(['case_by_case', 'presumption_of_denial', 'presumption_of_approval']).optional(),
        authorizations: z.array(z.object({ id: z.string(), title: z.string(), conditions: z.array(z.string()) }).passthrough()),
        findings: z.array(z.object({}).passthrough()),
      }).passthrough(),
    ),
    questions: z.array(z.object({ parameter: z.string(), prompt: z.string() }).passthrough()),
    advisories: z.array(z.object({}).passthrough()),
    warnings: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        jurisdiction: z.string().optional(),
        measure: z.string().optional(),
        path: z.string().optional().openapi({ description: 'the request field the warning is about, e.g. endUser.owners[0] for listed_owner' }),
        party: z.object({ id: z.string(), name: z.string(), list: z.string(), listTitle: z.string() }).optional(),
      }).passthrough(),
    ),
    auditId: uuid.openapi({ description: 'ID of the audit record: GET /v1/assessments/{auditId}' }),
  })
  .openapi('AssessmentResponse', { description: 'The answer (CONTRACT §3) plus the ID of its audit record.' });

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
  q: z.string().trim().min(1, 'expected search text').max(200),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ type: 'integer', example: 10 }),
});
export const TaxonomyParams = z.strictObject({ id: taxonomyId });
export const MeasuresQuery = z.strictObject({ jurisdiction: jurisdictionCode.optional(), asOf: isoDate.optional(), item: taxonomyId.optional() });
export const MeasureParams = z.strictObject({ id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'expected a measure ID').openapi({ example: 'cn-mofcom-2023-23' }) });
export const MeasureQuery = z.strictObject({ asOf: isoDate.optional() });
export const ChangesQuery = z.strictObject({ from: isoDate, to: isoDate, jurisdiction: jurisdictionCode.optional() });
export const NoQuery = z.strictObject({});

/** Zod issues as the problem document's field errors; an unknown key is named by its own path. */
export function fieldErrors(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [base, k].filter(Boolean).join('.'), message: 'is not a known parameter' }));
    return [{ path: base, message: issue.message }];
  });
}

export const ExposurePlanSchema = z
  .object({
    name: z.string().optional(),
    site: countryCode.openapi({ description: 'Where the production step is going', example: 'US' }),
    date: isoDate.optional(),
    chain: z.string().optional().openapi({ description: 'A taxonomy value chain: lfp-cells, ndfeb-magnet-motors, lithium-brine-to-carbonate, smartphone-assembly', example: 'ndfeb-magnet-motors' }),
    stages: z.array(z.string()).optional().openapi({ description: 'Stages of the chain that move; default all', example: ['magnet-manufacturing'] }),
    from: countryCode.optional().openapi({ description: 'Where the chain inputs come from today (extension); default each input’s largest producer' }),
    endUse: z.enum(['civil', 'military', 'unknown']).optional(),
    inputs: z.array(z.object({ item: ItemRefSchema, from: countryCode, transfer: z.enum(['goods', 'technology', 'software']).optional() })).optional(),
  })
  .openapi('ExposurePlan', { description: 'A production step moving to a site (CONTRACT §8).', example: { name: 'motor line to the US', site: 'US', chain: 'ndfeb-magnet-motors', date: '2025-06-01' } });

export const ExposureResponseSchema = z
  .object({
    plan: z.string().optional(),
    site: z.string(),
    date: z.string(),
    chain: z.string().optional(),
    inputs: z.array(z.record(z.string(), z.unknown())),
    chokepoints: z.array(z.object({ item: z.record(z.string(), z.unknown()), from: z.string(), transfer: z.string(), verdict: z.string(), share: z.number().optional(), why: z.string() })),
    timeline: z.array(z.object({ date: z.string(), event: z.string(), jurisdiction: z.string(), measure: z.string(), title: z.string(), reference: z.string(), inputs: z.array(z.string()) })),
    advisories: z.array(z.record(z.string(), z.unknown())),
    warnings: z.array(z.object({ code: z.string(), message: z.string() }).passthrough()),
  })
  .openapi('ExposureResponse', { description: 'Which inputs cannot follow the step: chokepoints, alternatives, timeline, advisories (CONTRACT §8).' });
