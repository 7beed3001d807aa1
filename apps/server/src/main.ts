import { startServer } from './index.js';

const { server, url } = await startServer();
console.log(`chokepoint server listening on ${url}`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
