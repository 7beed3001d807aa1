// Part of scripts/publish-rehearsal.sh: starts the installed chokepoint-mcp over stdio with the
// MCP SDK's own client (a dependency of @chokepoint/mcp) and calls assess_transfer.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const client = new Client({ name: 'publish-rehearsal', version: '0.0.0' });
await client.connect(new StdioClientTransport({ command: 'npx', args: ['chokepoint-mcp'], stderr: 'inherit' }));
const { tools } = await client.listTools();
// The tool declares core's answer schema; the client checks the result against it.
if (!tools.find((t) => t.name === 'assess_transfer')?.outputSchema?.properties?.verdict) {
  console.error(tools);
  process.exit(1);
}
const result = await client.callTool({
  name: 'assess_transfer',
  arguments: { item: { id: 'dysprosium/oxide' }, from: 'CN', to: 'US', date: '2025-06-01', endUse: 'civil' },
});
await client.close();
const answer = JSON.parse(result.content[1].text);
// Every official plugin answers, Japan's included, as from the server.
const regimes = answer.jurisdictions.map((j) => j.jurisdiction).sort().join(',');
if (result.isError || answer.verdict !== 'license_required' || regimes !== 'CN,EU,JP,US') {
  console.error(result);
  process.exit(1);
}
console.log(`ok  npm install @chokepoint/mcp; MCP client over stdio (${tools.length} tools), assess_transfer: ${result.content[0].text}`);
