import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { searchWithNames, ValidationError, type Engine, type TaxonomyView } from '@chokepoint/core';
import { inputs, outputs } from './schemas.js';
import { summarizeAssessment, summarizeDataStatus, summarizeExposure, summarizeScreening, summarizeSearch } from './summaries.js';
import { MCP_VERSION } from './version.js';

/** A result: a short summary for the assistant to quote, then the contract's JSON (also as structured content). */
function result(summary: string, json: unknown): CallToolResult {
  return {
    content: [{ type: 'text', text: summary }, { type: 'text', text: JSON.stringify(json) }],
    structuredContent: Array.isArray(json) ? { items: json } : (json as Record<string, unknown>),
  };
}

/**
 * Runs a tool; a bad request becomes an MCP tool error (`isError`) whose text names each bad field
 * and what was expected, so the assistant can correct its call.
 */
function run(tool: string, answer: () => CallToolResult): CallToolResult {
  try {
    return answer();
  } catch (err) {
    if (err instanceof ValidationError) {
      const fields = err.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
      // No structured content: a client checks it against the tool's output schema, errors included.
      return { isError: true, content: [{ type: 'text', text: `${tool}: invalid arguments (${err.code})\n${fields}` }, { type: 'text', text: JSON.stringify({ error: { code: err.code, errors: err.errors } }) }] };
    }
    throw err;
  }
}

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

/** Options for {@link createMcpServer}. */
export interface McpServerOptions {
  /** The engine that answers (with its plugins). */
  engine: Engine;
  /** Taxonomy for `search_items`; default the engine's. */
  taxonomy?: TaxonomyView;
}

/**
 * The chokepoint MCP server (CONTRACT §12): the engine's questions as tools. Connect it to a
 * transport, e.g. `await createMcpServer({ engine }).connect(new StdioServerTransport())`.
 */
export function createMcpServer(options: McpServerOptions): McpServer {
  const { engine } = options;
  const taxonomy = options.taxonomy ?? engine.taxonomy;
  const server = new McpServer({ name: 'chokepoint', version: MCP_VERSION }, {
    instructions: 'Export controls on critical minerals and their technologies (China MOFCOM, US EAR, EU 2021/821, Japan FEFTA, and any other installed regime). '
      + 'Find the item with search_items, then assess_transfer. Answers are decision support, not legal advice; cite the measures and sources they return.',
  });

  server.registerTool('assess_transfer', {
    title: 'Assess a transfer',
    description: 'May this item move from one territory to another on a date, under whose rules, and what does it take? Returns the verdict, each regime\'s findings with the measures and sources, open questions and warnings (CONTRACT §3).',
    inputSchema: inputs.assess_transfer,
    outputSchema: outputs.assess_transfer,
    annotations: READ_ONLY,
  }, (args) => run('assess_transfer', () => {
    const answer = engine.assess(args);
    return result(summarizeAssessment(args, answer), answer);
  }));

  server.registerTool('search_items', {
    title: 'Find items',
    description: 'Taxonomy entries (minerals, forms, products, technologies, equipment) matching a name, code or CAS number, best first; use the id in assess_transfer.',
    inputSchema: inputs.search_items,
    outputSchema: outputs.search_items,
    annotations: READ_ONLY,
  }, ({ text, limit }) => run('search_items', () => {
    const hits = searchWithNames(taxonomy, text, limit ?? 10);
    return result(summarizeSearch(text, hits), hits);
  }));

  server.registerTool('list_measures', {
    title: 'List measures',
    description: 'Export-control measures with their status on a date, for one jurisdiction or item if given (as `chokepoint measures --json`).',
    inputSchema: inputs.list_measures,
    outputSchema: outputs.list_measures,
    annotations: READ_ONLY,
  }, (args) => run('list_measures', () => {
    const measures = engine.measures(args);
    return result(`${measures.length} measure(s)${args.jurisdiction ? ` of ${args.jurisdiction}` : ''}${args.asOf ? ` as of ${args.asOf}` : ''}.`, measures);
  }));

  server.registerTool('list_changes', {
    title: 'List changes',
    description: 'Dated events (published, in force, suspended, resumed, repealed) between two dates, oldest first (as `chokepoint changes --json`).',
    inputSchema: inputs.list_changes,
    outputSchema: outputs.list_changes,
    annotations: READ_ONLY,
  }, (args) => run('list_changes', () => {
    const changes = engine.changes(args);
    return result(`${changes.length} change(s) from ${args.from} to ${args.to}.`, changes);
  }));

  server.registerTool('plan_exposure', {
    title: 'Plan a production move',
    description: 'Which inputs of a production step (a value chain\'s stages or inputs named by hand) cannot follow it to a site, with alternatives and the dated changes that touched them (CONTRACT §8).',
    inputSchema: inputs.plan_exposure,
    outputSchema: outputs.plan_exposure,
    annotations: READ_ONLY,
  }, (args) => run('plan_exposure', () => {
    const answer = engine.exposure(args);
    return result(summarizeExposure(answer), answer);
  }));

  server.registerTool('screen_party', {
    title: 'Screen a party',
    description: 'Matches a company or person against the loaded screening lists (Entity List, MOFCOM lists …), best first, each with its score, explanation and what a hit means (CONTRACT §9).',
    inputSchema: inputs.screen_party,
    outputSchema: outputs.screen_party,
    annotations: READ_ONLY,
  }, (args) => run('screen_party', () => {
    const answer = engine.screen(args);
    return result(summarizeScreening(answer), answer);
  }));

  server.registerTool('data_status', {
    title: 'Data status',
    description: 'What the answers rest on: each plugin with its data version and the date its data is verified through, each screening list with its entries and date, the amendments loaded (CONTRACT §10).',
    outputSchema: outputs.data_status,
    annotations: READ_ONLY,
  }, () => run('data_status', () => {
    const status = engine.dataStatus();
    return result(summarizeDataStatus(status), status);
  }));

  return server;
}
