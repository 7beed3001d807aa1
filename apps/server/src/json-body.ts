import express, { type Request, type RequestHandler, type Response } from 'express';
import { HttpProblem, problems } from './problem.js';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * Content types a read-only JSON route (an assessment, a screening, an exposure plan) reads as JSON besides JSON's own:
 * the ones clients send when nobody told them the type — `curl -d` sends form encoding, `fetch` with a string body
 * sends text/plain, some send none. The body must still be a JSON object, or the answer is a 400 naming it. Routes that
 * change state keep to application/json: a browser may send these types across origins without asking first.
 */
const UNTYPED_JSON = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];

/** True when a read-only JSON route reads the request's body as JSON: a type of {@link UNTYPED_JSON}, or none. */
export function readsAsJson(req: Request): boolean {
  const type = req.headers['content-type'];
  // The usual header, read without type-is, which parses the header again on every call (twice per request here).
  if (type !== undefined && type.startsWith('application/json') && (type.length === 16 || type[16] === ';' || type[16] === ' ')) return true;
  return !type || req.is(UNTYPED_JSON) !== false;
}

/**
 * Reads an `application/json` body (with `untyped`, also one sent as text/plain, form-encoded or without a type: see
 * {@link UNTYPED_JSON}): its bytes (within `limit`, any Content-Encoding express accepts), decoded from UTF-8 once and
 * parsed once. `req.body` is the parsed value, any JSON value (the route judges its shape); {@link bodyText} is the
 * text it was parsed from, so a route can keep the request exactly as received rather than serialising the parsed value
 * again. A body of another type is left unread (`req.body` undefined) for the route to refuse.
 */
export function jsonBody(limit: number, untyped = false): RequestHandler[] {
  const read = express.raw({ type: untyped ? (req) => readsAsJson(req as Request) : 'application/json', limit });
  const parse: RequestHandler = (req, res, next) => {
    if (!Buffer.isBuffer(req.body)) {
      req.body = undefined;
      return next();
    }
    const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new HttpProblem(problems.unsupportedMediaType('UTF-8 JSON', 'Content-Type'));
    let text = req.body.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // As express.json: an empty body reads as an empty object, which the route then finds incomplete.
    if (text === '') text = '{}';
    try {
      req.body = JSON.parse(text) as unknown;
    } catch {
      throw new HttpProblem(problems.invalid('The request body is not valid JSON.', [{ path: '', message: 'expected a JSON object' }]));
    }
    res.locals.bodyText = text;
    next();
  };
  return [read, parse];
}

/** The text a {@link jsonBody} body was parsed from. */
export function bodyText(res: Response): string {
  const text = (res.locals as { bodyText?: unknown }).bodyText;
  if (typeof text !== 'string') throw new Error('bodyText: the route reads no JSON body');
  return text;
}

/**
 * Sends JSON as a 200 as it is, in parts (bytes already encoded, then text): no second pass over the
 * bytes for an ETag (an answer to a POST is never revalidated), no copy to join them, the length taken once.
 */
export function sendJson(res: Response, head: Buffer, tail: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', head.length + Buffer.byteLength(tail));
  res.write(head);
  res.end(tail);
}
