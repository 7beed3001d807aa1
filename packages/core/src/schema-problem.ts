import { z } from 'zod';
import { named } from './schema-registry.js';

// Errors: a field error names a bad input by its path; the server sends them in an RFC 9457 problem
// document (CONTRACT §7), the SDK in a `ValidationError`, the MCP server in a tool error.

/** One problem with an input, named by its path. */
export const FieldErrorSchema = named('FieldError', z.object({ path: z.string().meta({ example: 'item.hs' }), message: z.string() }));

/** An RFC 9457 problem document (CONTRACT §7). */
export const ProblemSchema = named('Problem', z.object({
  type: z.string().meta({ example: 'https://chokepoint.dev/problems/invalid-request' }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(FieldErrorSchema).optional().meta({ description: 'each bad field; every 4xx carries it (path "" names the request as a whole)' }),
}).meta({ description: 'An RFC 9457 problem document (content type application/problem+json).' }));
