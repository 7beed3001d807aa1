export { createMcpServer, type McpServerOptions } from './server.js';
export { createDefaultEngine } from './engine.js';
export { assessmentRequest, exposurePlan, screeningRequest, itemRef, searchArgs, measuresArgs, changesArgs } from './schemas.js';
export { MCP_VERSION } from './version.js';
