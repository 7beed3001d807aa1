// Writes the request schema as JSON Schema files into dist/schemas, published as
// `@chokepoint/core/schemas/<name>.schema.json` (generated from src/schema.ts, never edited by hand).
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/schema.js';

const dir = new URL('../dist/schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(new URL(name, dir), `${JSON.stringify(schema, null, 2)}\n`);
