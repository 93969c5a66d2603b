import { resolve } from 'node:path';
import type { TableMeta } from '../ingest/tables.js';
import type { Contact } from '../model/contact.js';
import type { CallOutcome } from '../model/outcome.js';
import type { Rep } from '../model/rep.js';
import { readContacts, readOutcomes, readReps } from '../node/readTables.js';
import type { AnyRejection } from './rejected.js';

/** A table read for a run: its rows, its rejections (with the file) and its accounting. */
export interface TableRead<T> {
  file: string;
  rows: T[];
  rejected: AnyRejection[];
  meta: TableMeta;
}

/**
 * Reads a CRM contacts export. A second row with the same e-mail is rejected (`duplicate_contact`)
 * rather than stopping the run; the first row wins.
 *
 * @example
 * const { rows: contacts } = await readContactsFile('contacts.csv', io.cwd);
 */
export async function readContactsFile(path: string, cwd: string): Promise<TableRead<Contact>> {
  const { contacts, rejected, meta } = await readContacts(resolve(cwd, path));
  const seen = new Map<string, number>();
  const rows: Contact[] = [];
  const out: AnyRejection[] = rejected.map((r) => ({ file: path, ...r }));
  contacts.forEach((c, i) => {
    const first = seen.get(c.email);
    if (first !== undefined) {
      out.push({ file: path, record: i + 1, code: 'duplicate_contact', field: 'email', message: `repeats the e-mail of an earlier row (${c.email}); the first row is used`, raw: c });
      return;
    }
    seen.set(c.email, i);
    rows.push(c);
  });
  return { file: path, rows, rejected: out, meta };
}

/**
 * Reads the sales reps file.
 *
 * @example
 * const { rows: reps } = await readRepsFile('reps.csv', io.cwd);
 */
export async function readRepsFile(path: string, cwd: string): Promise<TableRead<Rep>> {
  const { reps, rejected, meta } = await readReps(resolve(cwd, path));
  return { file: path, rows: reps, rejected: rejected.map((r) => ({ file: path, ...r })), meta };
}

/**
 * Reads a call-outcomes file (`--timezone` for times without a zone).
 *
 * @example
 * const { rows: outcomes } = await readOutcomesFile('calls.csv', io.cwd, 'Europe/Berlin');
 */
export async function readOutcomesFile(path: string, cwd: string, timezone?: string): Promise<TableRead<CallOutcome>> {
  const { outcomes, rejected, meta } = await readOutcomes(resolve(cwd, path), timezone === undefined ? {} : { timezone });
  return { file: path, rows: outcomes, rejected: rejected.map((r) => ({ file: path, ...r })), meta };
}
