import type { Response } from 'express';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const TYPE_BASE = 'https://chokepoint.dev/problems/';

/** An error that carries the problem document the client should see. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'HttpProblem';
    this.problem = problem;
  }
}

export const problems = {
  invalid: (detail: string, errors: { path: string; message: string }[]): Problem => ({ type: `${TYPE_BASE}invalid-request`, title: 'Invalid request', status: 400, detail, errors }),
  unauthorized: (detail: string): Problem => ({ type: `${TYPE_BASE}unauthorized`, title: 'Unauthorized', status: 401, detail }),
  forbidden: (detail: string): Problem => ({ type: `${TYPE_BASE}forbidden`, title: 'Forbidden', status: 403, detail }),
  notFound: (detail: string): Problem => ({ type: `${TYPE_BASE}not-found`, title: 'Not Found', status: 404, detail }),
  conflict: (detail: string): Problem => ({ type: `${TYPE_BASE}conflict`, title: 'Conflict', status: 409, detail }),
  tooLarge: (limit: number): Problem => ({ type: `${TYPE_BASE}payload-too-large`, title: 'Payload Too Large', status: 413, detail: `The request body is larger than ${limit} bytes.` }),
  unsupportedMediaType: (expected: string, path = 'Content-Type'): Problem => ({ type: `${TYPE_BASE}unsupported-media-type`, title: 'Unsupported Media Type', status: 415, detail: `Send the body as ${expected}.`, errors: [{ path, message: `expected ${expected}` }] }),
  unsupportedEncoding: (given: string): Problem => ({
    type: `${TYPE_BASE}unsupported-media-type`, title: 'Unsupported Media Type', status: 415, detail: `The body's Content-Encoding ${JSON.stringify(given)} is not supported.`,
    errors: [{ path: 'Content-Encoding', message: `expected identity, gzip, deflate or br, got ${JSON.stringify(given)}` }],
  }),
  undecodable: (encoding: string, why: string): Problem => ({
    type: `${TYPE_BASE}invalid-request`, title: 'Invalid request', status: 400, detail: `The body could not be decoded as its Content-Encoding ${JSON.stringify(encoding)} says.`,
    errors: [{ path: 'Content-Encoding', message: `expected a body encoded with ${encoding}; it could not be decoded (${why})` }],
  }),
  tooMany: (detail: string): Problem => ({ type: `${TYPE_BASE}rate-limited`, title: 'Too Many Requests', status: 429, detail }),
  unavailable: (detail: string): Problem => ({ type: `${TYPE_BASE}unavailable`, title: 'Service Unavailable', status: 503, detail }),
  headersTooLarge: (): Problem => ({
    type: `${TYPE_BASE}headers-too-large`, title: 'Request Header Fields Too Large', status: 431, detail: 'The request line and headers are larger than the server reads (16 KB by default); send long input in a POST body.',
    errors: [{ path: 'headers', message: 'expected the request line and headers to fit in 16 KB' }],
  }),
  requestTimeout: (): Problem => ({ type: `${TYPE_BASE}request-timeout`, title: 'Request Timeout', status: 408, detail: 'The request was not received in time.', errors: [{ path: '', message: 'the request was not received in time' }] }),
  malformedHttp: (): Problem => ({ type: `${TYPE_BASE}invalid-request`, title: 'Bad Request', status: 400, detail: 'The request is not well-formed HTTP/1.1.', errors: [{ path: '', message: 'expected a well-formed HTTP/1.1 request' }] }),
  internal: (): Problem => ({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The server could not complete the request; it has been logged.' }),
};

/**
 * Sends a problem+json response; never includes a stack trace. Every 4xx carries `errors` (CONTRACT §7),
 * so a client reads one shape: a problem without a field of its own names the request as a whole.
 */
export function sendProblem(res: Response, problem: Problem): void {
  const body = problem.status < 500 && !problem.errors ? { ...problem, errors: [{ path: '', message: problem.detail }] } : problem;
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * Answers a request Node's HTTP parser refused before any route saw it (headers too large, a malformed
 * request line, a timeout) with a problem document, as every other 4xx, instead of Node's bare status
 * line; then closes the connection, which cannot be read any further.
 */
export function answerClientError(err: Error & { code?: string }, socket: import('node:stream').Duplex): void {
  // Only between requests: a response under way on this connection is not interleaved with another.
  if (err.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const problem = err.code === 'HPE_HEADER_OVERFLOW' ? problems.headersTooLarge()
    : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? { ...problems.tooLarge(16 * 1024), detail: 'The chunk extensions of the request body are too large.', errors: [{ path: 'body', message: 'expected chunk extensions under 16 KB' }] }
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? problems.requestTimeout() : problems.malformedHttp();
  const body = JSON.stringify(problem);
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
