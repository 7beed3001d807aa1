#!/usr/bin/env node
import { runCreatePlugin } from './cli.js';

process.exitCode = runCreatePlugin(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
