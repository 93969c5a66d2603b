import type { Allocation, CallEntry } from '../allocate/types.js';
import { safeCsvParts } from './csvSafe.js';
import type { NamedFile, StreamedFile } from './files.js';
import { wholeFile } from './files.js';

/** The columns of a call-list CSV, in order. */
export const CALL_LIST_COLUMNS = [
  'rep', 'position', 'contact', 'name', 'company', 'title', 'phone', 'call_window', 'call_window_start_utc',
  'score', 'tier', 'label', 'value', 'fit', 'why', 'reasons', 'interests', 'last_engagement', 'flags',
  'previous_outcome', 'previous_outcome_at', 'previous_note',
] as const;

const UNASSIGNED_COLUMNS = ['contact', 'score', 'tier', 'reason', 'detail', 'message'] as const;

/**
 * Writes an allocation as CSV files: `call-lists.csv` (every list, rep by rep), one
 * `call-list-<rep>.csv` per rep, and `unassigned.csv`. Safe to open in a spreadsheet: cells that
 * start with `=`, `+`, `-`, `@`, a tab or a carriage return are neutralised. Pure: returns the files.
 *
 * @example
 * callListsToCsv(allocation).map((f) => f.name) //=> ['call-lists.csv', 'call-list-rep-de.csv', …, 'unassigned.csv']
 */
export function callListsToCsv(allocation: Allocation): NamedFile[] {
  return callListsCsvParts(allocation).map(wholeFile);
}

/** {@link callListsToCsv} as files made in pieces while they are written (unassigned may be a million rows). */
export function callListsCsvParts(allocation: Allocation): StreamedFile[] {
  const rowsOf = (repId: string, entries: readonly CallEntry[]) => entries.map((e) => entryRow(repId, e));
  const all = allocation.lists.flatMap((l) => rowsOf(l.rep.id, l.entries));
  const files: StreamedFile[] = [{ name: 'call-lists.csv', parts: safeCsvParts(CALL_LIST_COLUMNS, all) }];
  const used = new Set<string>();
  for (const l of allocation.lists) {
    let name = `call-list-${fileSafe(l.rep.id)}.csv`;
    for (let k = 2; used.has(name); k += 1) name = `call-list-${fileSafe(l.rep.id)}-${k}.csv`;
    used.add(name);
    files.push({ name, parts: safeCsvParts(CALL_LIST_COLUMNS, rowsOf(l.rep.id, l.entries)) });
  }
  files.push({
    name: 'unassigned.csv',
    // A missing tier or detail is an empty cell (safeCell): no copy of each of the (maybe a million) rows.
    parts: safeCsvParts(UNASSIGNED_COLUMNS, allocation.unassigned),
  });
  return files;
}

function entryRow(rep: string, e: CallEntry): Record<(typeof CALL_LIST_COLUMNS)[number], string | number> {
  const w = e.callWindow;
  return {
    rep,
    position: e.position,
    contact: e.contact,
    name: e.details.name ?? '',
    company: e.details.company ?? '',
    title: e.details.title ?? '',
    phone: e.details.phone ?? '',
    call_window: w ? `${w.date} ${w.localStart}-${w.localEnd} ${w.timeZone}` : '',
    call_window_start_utc: w ? w.start : '',
    score: e.score,
    tier: e.tier ?? '',
    label: e.label ?? '',
    value: e.value,
    fit: e.fit,
    why: e.why.text,
    reasons: e.reasons.join(' | '),
    interests: e.interests.join('; '),
    last_engagement: e.lastEngagement === undefined ? '' : new Date(e.lastEngagement).toISOString(),
    flags: e.flags.join('; '),
    previous_outcome: e.previousOutcome?.disposition ?? '',
    previous_outcome_at: e.previousOutcome ? new Date(e.previousOutcome.at).toISOString() : '',
    previous_note: e.previousOutcome?.note ?? '',
  };
}

/** A rep id as a file-name part: letters, digits, `.`, `_` and `-` only. */
function fileSafe(id: string): string {
  const s = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return s === '' ? 'rep' : s;
}
