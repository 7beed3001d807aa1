import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import type { ResponseConfig, RouteConfig, ZodRequestBody } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { inputSafetyProblems } from '@chokepoint/core';
import { requireRole } from './auth.js';
import { HttpProblem, problems } from './problem.js';
import { COMPONENT_SCHEMAS, fieldErrors, problemContent } from './schemas.js';
import type { Role } from './store/index.js';

type AnyObject = z.ZodObject;

/** One route: its OpenAPI description and its handler, built from the same zod schemas. */
export interface RouteSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined> {
  method: 'get' | 'post';
  /** OpenAPI path, `{name}` for parameters. */
  path: string;
  /** Express path when it differs (a parameter that may contain `/`). */
  expressPath?: string;
  summary: string;
  /** Stable name for generated clients; default derived from the method and path (`getTaxonomyById`). */
  operationId?: string;
  description?: string;
  tags: string[];
  /** Role needed; undefined for public routes outside `/v1`. */
  role?: Role;
  params?: P;
  query?: Q;
  body?: ZodRequestBody;
  /** Body parser and other middleware to run after the role check. */
  before?: RequestHandler[];
  /**
   * The handler gives a JSON-object body straight to the engine, whose validation checks its safety
   * first (`inputSafetyProblems`, the same errors, a 400 naming each field): the route does not walk the
   * body a second time. A body that is not a JSON object is still checked here.
   */
  engineChecksBody?: boolean;
  responses: Record<number, ResponseConfig>;
  handler: (req: Request, res: Response, input: { params: P extends AnyObject ? z.infer<P> : undefined; query: Q extends AnyObject ? z.infer<Q> : undefined }) => unknown;
}

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Invalid input; `errors` names each bad field',
  401: 'Missing or unknown API key',
  403: 'The key’s role does not allow this call',
  429: 'Too many requests for this key',
};

/** `get /v1/taxonomy/{id}` → `getTaxonomyById`, `post /v1/assessments/batch` → `postAssessmentsBatch`. */
export function operationIdOf(method: string, path: string): string {
  const words = path.replace(/^\/v1(?=\/)/, '').split(/[/_.-]+/).filter(Boolean).map((w) => {
    const param = /^\{(\w+)\}$/.exec(w);
    return param ? `By${param[1]![0]!.toUpperCase()}${param[1]!.slice(1)}` : `${w[0]!.toUpperCase()}${w.slice(1)}`;
  });
  return method.toLowerCase() + words.join('');
}

/**
 * OpenAPI 3.0 has no "any value" type: zod-to-openapi writes `{nullable: true}` for `z.unknown()`, which
 * linters refuse (nullable needs a type sibling). A schema without a type already admits null, so drop it.
 */
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropUntypedNullable);
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if ('nullable' in o && !('type' in o)) delete o.nullable;
  for (const v of Object.values(o)) dropUntypedNullable(v);
}

/** A route's steps in order, run as Express's router runs a route's: a step that throws or rejects passes the error on. */
function runSteps(steps: readonly RequestHandler[], req: Request, res: Response, done: (err?: unknown) => void): void {
  let i = 0;
  const step = (err?: unknown): void => {
    if (err !== undefined && err !== null) return done(err);
    const handler = steps[i++];
    if (!handler) return done();
    try {
      const pending: unknown = handler(req, res, step);
      if (pending instanceof Promise) pending.catch((e: unknown) => done(e ?? new Error('Rejected promise')));
    } catch (e) {
      done(e);
    }
  };
  step();
}

/** Collects routes into an Express router and an OpenAPI registry at once, so the document cannot drift from the code. */
export class Api {
  readonly registry = new OpenAPIRegistry();
  /** The steps of each route without parameters, by `METHOD path` (see {@link handler}). */
  private readonly exact = new Map<string, { pattern: string; steps: RequestHandler[] }>();

  constructor(private readonly router: Router) {
    this.registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API key made with `chokepoint-server keys create`' });
    for (const [name, schema] of Object.entries(COMPONENT_SCHEMAS)) this.registry.registerComponent('schemas', name, schema);
  }

  route<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined>(spec: RouteSpec<P, Q>): void {
    const responses: RouteConfig['responses'] = {};
    for (const [status, r] of Object.entries(spec.responses)) responses[status] = r;
    if (spec.role) {
      for (const [status, description] of Object.entries(STANDARD_ERRORS)) responses[status] ??= { description, content: problemContent };
    } else if (spec.params || spec.query) {
      responses[400] ??= { description: STANDARD_ERRORS[400]!, content: problemContent };
    }
    this.registry.registerPath({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      operationId: spec.operationId ?? operationIdOf(spec.method, spec.path),
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(spec.role ? { security: [{ bearer: [] }], 'x-required-role': spec.role } : {}),
      request: { ...(spec.params ? { params: spec.params } : {}), ...(spec.query ? { query: spec.query } : {}), ...(spec.body ? { body: spec.body } : {}) },
      responses,
    });

    const validate: RequestHandler = async (req, res) => {
      const errors: { path: string; message: string }[] = [];
      // The value is read only for a route with a schema for it: `req.query` parses the URL on every read.
      const parse = (schema: AnyObject | undefined, value: () => unknown) => {
        if (!schema) return undefined;
        const r = schema.safeParse(value());
        if (r.success) return r.data;
        errors.push(...fieldErrors(r.error));
        return undefined;
      };
      // Any JSON body, whatever the route: no text that cannot be stored as received, no prototype keys,
      // no nesting that could overflow a recursive consumer (the engine checks requests again for the SDK).
      if (typeof req.body === 'object' && req.body !== null && !(spec.engineChecksBody && !Array.isArray(req.body))) errors.push(...inputSafetyProblems(req.body));
      const params = parse(spec.params, () => Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v])));
      const query = parse(spec.query, () => req.query);
      if (errors.length) throw new HttpProblem(problems.invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors));
      await spec.handler(req, res, { params, query } as Parameters<RouteSpec<P, Q>['handler']>[2]);
    };
    const chain: RequestHandler[] = [...(spec.role ? [requireRole(spec.role)] : []), ...(spec.before ?? []), validate];
    const pattern = spec.expressPath ?? spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.router[spec.method](pattern, ...chain);
    if (!pattern.includes(':') && !pattern.includes('*')) this.exact.set(`${spec.method.toUpperCase()} ${pattern}`, { pattern, steps: chain });
  }

  /**
   * The API as one middleware. A request naming the exact path of a route without parameters (`POST /v1/assessments`)
   * runs that route's steps at once; any other (a parameter, a trailing slash, other letter case, HEAD) goes to Express's
   * router, where every route is too. In the router a request passes a path match for each route registered before its
   * own and a router step for each step of its route: about a tenth of a served answer's CPU time (#11.4). The route's
   * pattern is kept in `res.locals.route` for the metrics' label, as Express's `req.route` gives it for the others.
   */
  handler(): RequestHandler {
    return (req, res, next) => {
      const url = req.url;
      const query = url.indexOf('?');
      const route = this.exact.get(`${req.method} ${query < 0 ? url : url.slice(0, query)}`);
      if (!route) return this.router(req, res, next);
      res.locals.route = route.pattern;
      runSteps(route.steps, req, res, next);
    };
  }

  document(info: { title: string; version: string; description: string }): object {
    const doc = new OpenApiGeneratorV3(this.registry.definitions).generateDocument({ openapi: '3.0.3', info: { ...info, license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } }, servers: [{ url: '/' }] });
    dropUntypedNullable(doc);
    return doc;
  }
}
