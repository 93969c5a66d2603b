import type { Allocation, CallList } from '../allocate/types.js';
import { allocationJsonParts } from '../report/allocationJson.js';
import { allocationMarkdownLines, callListMarkdownLines, unassignedMarkdownLines } from '../report/allocationMarkdown.js';
import { callListsCsvParts } from '../report/callListsCsv.js';
import type { NamedFile, StreamedFile } from '../report/files.js';
import { wholeFile } from '../report/files.js';
import { prettyJsonParts } from '../report/jsonParts.js';
import { writeFiles } from './writeFiles.js';

/** The formats call lists are written in. */
export type CallListFormat = 'csv' | 'json' | 'md';

/**
 * The files of an allocation in a format: one file per rep (`call-list-<rep>.<ext>`), the combined
 * `call-lists.<ext>`, `unassigned.<ext>`, and always `allocation.json` (the whole `Allocation` as
 * `allocateCalls` returns it). Pure.
 *
 * @example
 * callListFiles(allocation, 'md').map((f) => f.name)
 * //=> ['call-lists.md', 'call-list-rep-de.md', …, 'unassigned.md', 'allocation.json']
 */
export function callListFiles(allocation: Allocation, format: CallListFormat = 'csv'): NamedFile[] {
  return callListParts(allocation, format).map(wholeFile);
}

/** {@link callListFiles}, the big ones made in pieces while they are written. */
function callListParts(allocation: Allocation, format: CallListFormat): StreamedFile[] {
  const files = format === 'csv' ? callListsCsvParts(allocation) : format === 'json' ? jsonFiles(allocation) : markdownFiles(allocation);
  return [...files, { name: 'allocation.json', parts: allocationJsonParts(allocation) }];
}

/**
 * Writes an allocation's call lists into `dir` (see {@link callListFiles}); returns the paths.
 *
 * @example
 * await writeCallLists('lists', allocation, { format: 'csv' })
 */
export function writeCallLists(dir: string, allocation: Allocation, options: { format?: CallListFormat } = {}): Promise<string[]> {
  return writeFiles(dir, callListParts(allocation, options.format ?? 'csv'));
}

function perRep<T>(allocation: Allocation, ext: string, render: (list: CallList) => T): { name: string; value: T }[] {
  const used = new Set<string>();
  return allocation.lists.map((l) => {
    const base = `call-list-${fileSafe(l.rep.id)}`;
    let name = `${base}.${ext}`;
    for (let k = 2; used.has(name); k += 1) name = `${base}-${k}.${ext}`;
    used.add(name);
    return { name, value: render(l) };
  });
}

function jsonFiles(a: Allocation): StreamedFile[] {
  const json = (v: unknown): Iterable<string> => prettyJsonParts(v, 2);
  return [
    { name: 'call-lists.json', parts: json({ asOf: a.asOf, lists: a.lists }) },
    ...perRep(a, 'json', (l) => json({ asOf: a.asOf, ...l })).map(({ name, value }) => ({ name, parts: value })),
    { name: 'unassigned.json', parts: json({ asOf: a.asOf, unassigned: a.unassigned }) },
  ];
}

function markdownFiles(a: Allocation): StreamedFile[] {
  /** One rep's file: the Markdown of an allocation of its list alone, without the unassigned part. */
  const single = (l: CallList): Iterable<string> => {
    const s = a.stats.perRep.find((r) => r.rep === l.rep.id);
    const one: Allocation = {
      asOf: a.asOf,
      lists: [l],
      unassigned: [],
      stats: {
        ...a.stats,
        leads: l.entries.length,
        assigned: l.entries.length,
        unassigned: 0,
        unassignedByReason: {},
        totalValue: s?.value ?? 0,
        capacity: s?.capacity ?? l.rep.capacity,
        capacityUsed: s?.capacityUsed ?? 0,
        perRep: s === undefined ? [] : [s],
      },
    };
    return lineParts(callListMarkdownLines(one));
  };
  return [
    { name: 'call-lists.md', parts: lineParts(allocationMarkdownLines(a)) },
    ...perRep(a, 'md', single).map(({ name, value }) => ({ name, parts: value })),
    { name: 'unassigned.md', parts: lineParts(unassignedMarkdownLines(a), `# Not on any list on ${a.asOf}`) },
  ];
}

/** Lines as the pieces of a file: each with its line break, after the optional first line. */
function* lineParts(lines: Iterable<string>, first?: string): Generator<string> {
  if (first !== undefined) yield `${first}\n`;
  for (const line of lines) yield `${line}\n`;
}

/** A rep id as a file-name part, as `callListsToCsv` names files. */
function fileSafe(id: string): string {
  const s = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return s === '' ? 'rep' : s;
}
