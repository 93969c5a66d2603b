import type { Allocation, CallEntry, CallList } from '../allocate/types.js';

/**
 * Writes an allocation as Markdown a manager can read: a summary per rep, each rep's list in calling
 * order (with why this rep, the call window and the top reason), and the leads on no list with their
 * reason. Pure and deterministic.
 *
 * @example
 * allocationToMarkdown(allocation).split('\n')[0] //=> '# Call lists for 2026-11-23T12:00:00.000Z'
 */
export function allocationToMarkdown(allocation: Allocation): string {
  let text = '';
  for (const line of allocationMarkdownLines(allocation)) text += `${line}\n`;
  return text;
}

/** The lines of {@link allocationToMarkdown}, made one at a time (each ends in a line break there). */
export function* allocationMarkdownLines(allocation: Allocation): Generator<string> {
  yield* callListMarkdownLines(allocation);
  yield UNASSIGNED_HEADING;
  yield* unassignedMarkdownLines(allocation);
}

/** The lines before {@link UNASSIGNED_HEADING}: the summary, the per-rep table and each rep's list, then a blank line. */
export function* callListMarkdownLines(allocation: Allocation): Generator<string> {
  const s = allocation.stats;
  yield `# Call lists for ${allocation.asOf}`;
  yield '';
  yield `Strategy \`${s.strategy}\`: ${s.assigned} of ${s.leads} leads on a list, total value ${fmt(s.totalValue)}, ` +
    `capacity used ${pct(s.capacityUsed)} of ${s.capacity}.`;
  if (s.outcomesAfterAsOf) yield `${s.outcomesAfterAsOf} call outcome${s.outcomesAfterAsOf === 1 ? '' : 's'} dated after this run left out.`;
  if (s.fairness) yield `Fairness: hot leads dealt evenly, at a cost of ${fmt(s.fairness.cost)} value (of ${fmt(s.fairness.unconstrainedValue)}).`;
  yield* ['', '| rep | calls / capacity | value | hot leads (share) |', '| --- | --- | --- | --- |'];
  for (const r of s.perRep) yield `| ${cell(r.rep)} | ${r.count} / ${r.capacity} | ${fmt(r.value)} | ${r.hot} (${pct(r.hotShare)}) |`;
  for (const list of allocation.lists) yield* ['', ...listSection(list)];
  yield '';
}

/** The heading of the leads on no list in {@link allocationToMarkdown}. */
const UNASSIGNED_HEADING = '## Not on any list';

/** The lines under {@link UNASSIGNED_HEADING}: a blank line, then the table (or a note that there is none). */
export function* unassignedMarkdownLines(allocation: Allocation): Generator<string> {
  yield '';
  if (allocation.unassigned.length === 0) {
    yield 'Every lead is on a list.';
    return;
  }
  yield '| contact | score | tier | reason | why |';
  yield '| --- | --- | --- | --- | --- |';
  for (const u of allocation.unassigned) {
    yield `| ${cell(u.contact)} | ${fmt(u.score)} | ${u.tier ?? ''} | \`${u.reason}\`${u.detail ? ` (${u.detail})` : ''} | ${cell(u.message)} |`;
  }
}

function listSection(list: CallList): string[] {
  const title = list.rep.name ? `${list.rep.name} (${list.rep.id})` : list.rep.id;
  const head = [`## ${cell(title)}`, ''];
  if (!list.rep.available) return [...head, 'Away on this day: no calls.'];
  if (list.entries.length === 0) return [...head, 'No leads for this rep.'];
  return [
    ...head,
    '| # | contact | phone | score | tier | why this rep | call window | flags | last call | top reason |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...list.entries.map(entryLine),
  ];
}

function entryLine(e: CallEntry): string {
  const who = [e.details.name, e.details.company].filter(Boolean).join(', ');
  const contact = who ? `${who} <${e.contact}>` : e.contact;
  const w = e.callWindow ? `${e.callWindow.localStart}–${e.callWindow.localEnd} ${e.callWindow.timeZone}` : '';
  const last = e.previousOutcome
    ? `${e.previousOutcome.disposition} ${new Date(e.previousOutcome.at).toISOString().slice(0, 10)}${e.previousOutcome.note ? `: ${e.previousOutcome.note}` : ''}`
    : '';
  return `| ${e.position} | ${cell(contact)} | ${cell(e.details.phone ?? '')} | ${fmt(e.score)} | ${e.label ?? e.tier ?? ''} | ${cell(e.why.text)} | ${cell(w)} | ${e.flags.join(', ')} | ${cell(last)} | ${cell(e.reasons[0] ?? '')} |`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
