import type { AllocationStats } from '../allocate/types.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import type { EventsRead } from './events.js';
import type { AnyRejection } from './rejected.js';
import type { TableRead } from './tables.js';

const n = (x: number): string => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`): string => `${n(x)} ${x === 1 ? one : many}`;

/**
 * How the event files were read: records, events, duplicates, rejected and ignored, per file and in all.
 *
 * @example
 * eventsSummary(read) //=> ['Events: 2 files, 418 records → 210 events (3 duplicates, 1 rejected, 207 ignored)', …]
 */
export function eventsSummary(read: EventsRead): string[] {
  const t = { records: 0, events: 0, duplicates: read.crossFileDuplicates, rejected: 0, ignored: 0 };
  const perFile = read.files.map(({ file, meta }) => {
    const ignored = Object.values(meta.ignored).reduce((a, b) => a + b, 0);
    t.records += meta.records;
    t.events += meta.events;
    t.duplicates += meta.duplicates;
    t.rejected += meta.rejected;
    t.ignored += ignored;
    const ign = Object.entries(meta.ignored).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${n(v)}`).join(', ');
    return `  ${file}: ${meta.format}, ${plural(meta.records, 'record')} → ${plural(meta.events, 'event')}, ${n(meta.duplicates)} duplicate, ${n(meta.rejected)} rejected, ${n(ignored)} ignored${ign ? ` (${ign})` : ''}`;
  });
  const events = t.events - read.crossFileDuplicates;
  const cross = read.crossFileDuplicates > 0 ? `, ${n(read.crossFileDuplicates)} in two files` : '';
  const notes = [...new Set(read.files.flatMap((f) => f.meta.notes.map((x) => `  note (${f.file}): ${x}`)))];
  return [
    `Events: ${plural(read.files.length, 'file')}, ${plural(t.records, 'record')} → ${plural(events, 'event')} (${n(t.duplicates)} duplicates${cross}, ${n(t.rejected)} rejected, ${n(t.ignored)} ignored)`,
    ...(read.files.length > 1 || t.rejected > 0 || t.ignored > 0 ? perFile : []),
    ...notes,
  ];
}

/**
 * One line per table: rows read, accepted, rejected.
 *
 * @example
 * tableSummary('Contacts', contacts) //=> 'Contacts: contacts.csv, 24 rows, 24 accepted, 0 rejected'
 */
export function tableSummary(label: string, t: TableRead<unknown>): string {
  return `${label}: ${t.file}, ${plural(t.meta.records, 'row')}, ${n(t.rows.length)} accepted, ${n(t.rejected.length)} rejected`;
}

/**
 * Rejections counted by code, most frequent first.
 *
 * @example
 * rejectedSummary(rejected) //=> 'Rejected by code: missing_email 2, invalid_timestamp 1'
 */
export function rejectedSummary(rejected: readonly AnyRejection[], rejectedFile?: string): string[] {
  if (rejected.length === 0) return ['Rejected: none'];
  const byCode = new Map<string, number>();
  for (const r of rejected) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
  const parts = [...byCode].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, c]) => `${code} ${n(c)}`);
  const where = rejectedFile === undefined ? ' (pass --rejected rejected.csv to see them)' : ` (written to ${rejectedFile})`;
  return [`Rejected by code: ${parts.join(', ')}${where}`];
}

/**
 * Contacts scored, per tier.
 *
 * @example
 * scoredSummary(scored) //=> 'Scored 25 contacts: hot 6, warm 3, mild 5, cold 11'
 */
export function scoredSummary(scored: readonly ScoredContact[]): string {
  const tiers = Object.fromEntries(TIERS.map((t) => [t, scored.filter((s) => s.tier === t).length])) as Record<Tier, number>;
  return tierSummary(scored.length, tiers);
}

/**
 * {@link scoredSummary} from counts.
 *
 * @example
 * tierSummary(25, { hot: 6, warm: 3, mild: 5, cold: 11 }) //=> 'Scored 25 contacts: hot 6, warm 3, mild 5, cold 11'
 */
export function tierSummary(contacts: number, tiers: Readonly<Record<Tier, number>>): string {
  return `Scored ${plural(contacts, 'contact')}: ${TIERS.map((t) => `${t} ${n(tiers[t])}`).join(', ')}`;
}

/**
 * Leads listed and unassigned by reason.
 *
 * @example
 * allocationSummary(stats, 5) //=> 'Listed 12 leads on 5 lists; 13 unassigned: suppressed 3, cooldown 2'
 */
export function allocationSummary(stats: AllocationStats, lists: number): string {
  const reasons = Object.entries(stats.unassignedByReason)
    .filter(([, c]) => (c ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1))
    .map(([r, c]) => `${r} ${n(c ?? 0)}`);
  return `Listed ${plural(stats.assigned, 'lead')} on ${plural(lists, 'list')}; ${n(stats.unassigned)} unassigned${reasons.length ? `: ${reasons.join(', ')}` : ''}`;
}
