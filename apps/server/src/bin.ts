#!/usr/bin/env node
import { runCli } from './cli.js';

const args = process.argv.slice(2);
const code = await runCli(args);
if (args[0] !== 'serve' || code !== 0) process.exit(code);
