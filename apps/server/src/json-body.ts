import express, { type RequestHandler, type Response } from 'express';
import { HttpProblem, problems } from './problem.js';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * Reads an `application/json` body: its bytes (within `limit`, any Content-Encoding express
 * accepts), decoded from UTF-8 once and parsed once. `req.body` is the parsed value, any JSON value
 * (the route judges its shape); {@link bodyText} is the text it was parsed from, so a route can keep
 * the request exactly as received rather than serialising the parsed value again. A body of another
 * type is left unread (`req.body` undefined) for the route to refuse.
 */
export function jsonBody(limit: number): RequestHandler[] {
  const read = express.raw({ type: 'application/json', limit });
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
