import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ParseContactsOptions } from '../ingest/contacts.js';
import { parseContacts } from '../ingest/contacts.js';
import type { ParseOutcomesOptions } from '../ingest/outcomes.js';
import { parseOutcomes } from '../ingest/outcomes.js';
import { parseReps } from '../ingest/reps.js';
import { LeadrankError } from '../model/errors.js';

async function readText(path: string): Promise<Uint8Array> {
  try {
    const bytes = await readFile(path);
    return /\.gz$/i.test(path) ? gunzipSync(bytes) : bytes;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file: basename(path), message: `cannot be read: ${why}` }]);
  }
}

async function withFile<T>(path: string, read: (bytes: Uint8Array) => T): Promise<T> {
  const bytes = await readText(path);
  try {
    return read(bytes);
  } catch (error) {
    if (error instanceof LeadrankError) throw new LeadrankError(error.issues.map((i) => ({ ...i, file: basename(path) })) as unknown as typeof error.issues);
    throw error;
  }
}

/**
 * Reads contacts from a CRM export file (CSV / JSON / NDJSON, optionally `.gz`); see `parseContacts`.
 *
 * @example
 * const { contacts, rejected } = await readContacts('hubspot-crm-exports-all-contacts.csv');
 */
export function readContacts(path: string, options: ParseContactsOptions = {}): Promise<ReturnType<typeof parseContacts>> {
  return withFile(path, (b) => parseContacts(b, options));
}

/**
 * Reads sales reps from a file; see `parseReps`.
 *
 * @example
 * const { reps } = await readReps('reps.csv');
 */
export function readReps(path: string): Promise<ReturnType<typeof parseReps>> {
  return withFile(path, (b) => parseReps(b));
}

/**
 * Reads call outcomes from a file; see `parseOutcomes`.
 *
 * @example
 * const { outcomes } = await readOutcomes('calls.csv', { timezone: 'Europe/Berlin' });
 */
export function readOutcomes(path: string, options: ParseOutcomesOptions = {}): Promise<ReturnType<typeof parseOutcomes>> {
  return withFile(path, (b) => parseOutcomes(b, options));
}
