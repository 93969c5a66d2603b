import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../../src/ingest/providers/index.js';
import type { ParseEventsOptions } from '../../src/ingest/parseEvents.js';
import type { IngestResult } from '../../src/ingest/result.js';

/** The fixtures folder. */
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Folders under fixtures/ that hold event sources: one per registered adapter, plus the generic reader. */
const EVENT_DIRS = new Set([...PROVIDERS.map((p) => p.name), 'leadrank', 'generic']);

/** One event fixture: its provider folder, file, text, options sidecar and golden path. */
export interface EventFixture {
  provider: string;
  file: string;
  path: string;
  text: string;
  options: ParseEventsOptions;
  golden: string;
}

/**
 * Every event fixture: fixtures/<provider>/<name>.(json|ndjson|csv), with optional
 * `<name>.<ext>.options.json` (parseEvents options) and the golden `<name>.<ext>.golden.json` beside it.
 */
export function eventFixtures(): EventFixture[] {
  const out: EventFixture[] = [];
  for (const provider of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, provider);
    if (!EVENT_DIRS.has(provider) || !existsSync(dir) || !isDir(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(json|ndjson|csv)$/.test(file) || /\.(golden|options)\.json$/.test(file)) continue;
      const path = join(dir, file);
      const optionsPath = `${path}.options.json`;
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as ParseEventsOptions) : {};
      // fixtures/generic/leadrank-*.{json,ndjson,csv} are leadrank's canonical events: the generic family, read by `leadrank`.
      const expected = provider === 'generic' && file.startsWith('leadrank-') ? 'leadrank' : provider;
      out.push({ provider: expected, file, path, text: readFileSync(path, 'utf8'), options, golden: `${path}.golden.json` });
    }
  }
  return out;
}

function isDir(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A result as a golden file a person can review: one event or rejection per line. */
export function goldenText(result: IngestResult): string {
  const { detection, ...meta } = result.meta;
  const lines = (items: unknown[]): string => (items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`);
  return [
    '{',
    `  "meta": ${JSON.stringify(meta)},`,
    `  "detection": ${JSON.stringify(detection === undefined ? null : { format: detection.format, score: detection.score, reasons: detection.reasons })},`,
    `  "events": ${lines(result.events)},`,
    `  "rejected": ${lines(result.rejected)}`,
    '}',
    '',
  ].join('\n');
}
