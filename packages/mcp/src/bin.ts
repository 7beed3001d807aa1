#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createDefaultEngine } from './engine.js';
import { createMcpServer } from './server.js';
import { MCP_VERSION } from './version.js';

const USAGE = `usage: chokepoint-mcp

An MCP server over stdio for AI assistants: an assistant starts it and speaks the protocol on its
standard input and output. Add it to the assistant's configuration (README of @chokepoint/mcp):
  { "mcpServers": { "chokepoint": { "command": "chokepoint-mcp" } } }
CHOKEPOINT_PLUGINS adds plugins (comma-separated package names or paths).
`;

// stdout carries the protocol; anything for people goes to stderr (help and version go to stdout, and
// then the process exits without serving).
const args = process.argv.slice(2);
if (args.length === 1 && ['--help', '-h'].includes(args[0]!)) {
  process.stdout.write(USAGE);
} else if (args.length === 1 && ['--version', '-V'].includes(args[0]!)) {
  process.stdout.write(`${MCP_VERSION}\n`);
} else if (args.length > 0) {
  process.stderr.write(`chokepoint-mcp: takes no arguments, got ${args.join(' ')}\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const engine = await createDefaultEngine();
    await createMcpServer({ engine }).connect(new StdioServerTransport());
    const terminal = process.stdin.isTTY ? '; it is started by an MCP client (an assistant), not typed into: see --help' : '';
    process.stderr.write(`chokepoint-mcp: serving ${engine.plugins.map((p) => p.jurisdiction).join(', ')} over stdio${terminal}\n`);
  } catch (err) {
    process.stderr.write(`chokepoint-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
