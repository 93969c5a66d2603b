#!/usr/bin/env node
// Writes the JSON Schema of leadrank.json (generated from the zod schemas) to dist/leadrank.schema.json,
// which the package ships; `--update` also refreshes the committed copy schema/leadrank.schema.json
// (test/cli/schema.test.ts fails while that copy is out of date). Run after `tsup` (npm run build).
import { mkdirSync, writeFileSync } from 'node:fs';

const { leadrankConfigJsonSchema } = await import(new URL('../dist/index.js', import.meta.url).href);
const text = `${JSON.stringify(leadrankConfigJsonSchema(), null, 2)}\n`;
const targets = ['../dist/leadrank.schema.json', ...(process.argv.includes('--update') ? ['../schema/leadrank.schema.json'] : [])];
for (const t of targets) {
  const url = new URL(t, import.meta.url);
  mkdirSync(new URL('.', url), { recursive: true });
  writeFileSync(url, text);
}
