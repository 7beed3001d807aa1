import { ValidationError, type Engine } from '@chokepoint/core';
import { jsonBody, readsAsJson } from '../json-body.js';
import { z } from 'zod';
import type { Api } from '../api.js';
import { HttpProblem, problems } from '../problem.js';
import { problemContent, ref } from '../schemas.js';

const Envelope = z.record(z.string(), z.unknown());

/** `POST /v1/exposure` (CONTRACT §8): which inputs of a production step cannot follow it to a site. */
export function exposureRoutes(api: Api, engine: Engine, bodyLimit: number): void {
  api.route({
    method: 'post', path: '/v1/exposure', summary: 'Assess a plan to move a production step to a site', tags: ['exposure'], role: 'assess',
    description: 'Expands the value chain stages that move into inputs, assesses each input from its source to the site under every regime, and answers with chokepoints, alternatives, a timeline of dated changes and advisories. Not stored in the audit trail: it is planning, not a transfer.',
    before: jsonBody(bodyLimit, true),
    body: { required: true, content: { 'application/json': { schema: ref('ExposurePlan') } } },
    responses: {
      200: { description: 'The exposure answer', content: { 'application/json': { schema: ref('ExposureResponse') } } },
      413: { description: 'The body is larger than CHOKEPOINT_BODY_LIMIT', content: problemContent },
      415: { description: 'The body is of a type not read as JSON (JSON, text/plain, form-encoded or none are)', content: problemContent },
    },
    handler: (req, res) => {
      if (!readsAsJson(req)) throw new HttpProblem(problems.unsupportedMediaType('application/json'));
      const envelope = Envelope.safeParse(req.body);
      if (!envelope.success) throw new HttpProblem(problems.invalid('The body must be a JSON object (CONTRACT §8).', [{ path: '', message: 'expected a JSON object' }]));
      try {
        res.json(engine.exposure(envelope.data));
      } catch (err) {
        if (err instanceof ValidationError) throw new HttpProblem(problems.invalid(err.message, err.errors));
        throw err;
      }
    },
  });
}
