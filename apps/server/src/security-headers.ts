import type { Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The server's helmet options: its defaults without upgrade-insecure-requests. The server speaks plain
 * HTTP (TLS ends at a proxy, if any), and the directive made /docs a blank page on any host but
 * localhost by sending its assets to https.
 */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

/**
 * helmet's response headers, worked out once. With static options helmet sets the same headers on
 * every response, yet runs a dozen middlewares to do it; here it runs once, against a recorder, and
 * each response gets the recorded list. Options that vary per request (a CSP directive given as a
 * function, such as a nonce) cannot be recorded and are refused.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): [name: string, value: string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let outcome: unknown = 'not called';
  helmet(options)({} as Request, recorder as unknown as Response, (err?: unknown) => (outcome = err));
  if (outcome !== undefined) throw new Error(`helmet's headers cannot be computed once: ${String(outcome)}`);
  const directives = options.contentSecurityPolicy && typeof options.contentSecurityPolicy === 'object' ? options.contentSecurityPolicy.directives ?? {} : {};
  if (Object.values(directives).some((v) => typeof v === 'function' || (Array.isArray(v) && v.some((x) => typeof x === 'function')))) {
    throw new Error('a Content-Security-Policy directive computed per request cannot be set from a fixed list');
  }
  return [...headers];
}
