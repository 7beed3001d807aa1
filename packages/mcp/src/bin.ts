#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createDefaultEngine } from './engine.js';
import { createMcpServer } from './server.js';

// stdout carries the protocol; anything for people goes to stderr.
try {
  const engine = await createDefaultEngine();
  await createMcpServer({ engine }).connect(new StdioServerTransport());
  process.stderr.write(`chokepoint-mcp: serving ${engine.plugins.map((p) => p.jurisdiction).join(', ')} over stdio\n`);
} catch (err) {
  process.stderr.write(`chokepoint-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
