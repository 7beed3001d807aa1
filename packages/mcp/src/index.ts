export { createMcpServer, type McpServerOptions } from './server.js';
export { createDefaultEngine } from './engine.js';
export { MCP_VERSION } from './version.js';
