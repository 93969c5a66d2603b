import type { ScoreReason } from '../model/scored.js';
import { daysAgo } from './decay.js';
import type { Evaluation, LedgerEntry } from './evaluate.js';
import type { FitMatch } from './fit.js';

/** Rounds for display and output: 2 decimals, never `-0`. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** `+2.6`, `−10`, `0`. */
export function formatPoints(points: number): string {
  const r = round(points, 1);
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `−${-r}`;
}

function where(e: LedgerEntry): string {
  const name = e.hit.campaign ?? e.hit.message;
  return name === undefined ? '' : ` in '${name}'`;
}

function about(e: LedgerEntry): string {
  const name = e.hit.campaign ?? e.hit.message;
  return name === undefined ? 'an email' : `'${name}'`;
}

/** The sentence for one ledger entry, without the points. */
function describe(e: LedgerEntry): string {
  const link = e.link;
  switch (e.kind) {
    case 'open':
      return `Opened ${about(e)}`;
    case 'click': {
      if (!link) return `Clicked a link${where(e)}`;
      if (link.label !== undefined) return `Clicked the ${link.label} link${where(e)}`;
      const topics = e.topics.length > 0 ? ` (${e.topics.join(', ')})` : '';
      return `Clicked ${link.display}${topics}${where(e)}`;
    }
    case 'reply':
      return `Replied to ${about(e)}`;
    case 'forward':
      return `Forwarded ${about(e)}`;
    case 'form_submit':
      return `Submitted a form${e.hit.url === undefined ? '' : ` (${e.hit.url})`}${where(e)}`;
    case 'page_view':
      return `Viewed ${e.hit.url ?? 'a page'}`;
    case 'unsubscribe':
      return `Unsubscribed from ${about(e)}`;
    case 'complaint':
      return `Marked ${about(e)} as spam`;
    case 'bounce':
      return `Hard bounce on ${about(e)}`;
    case 'soft_bounce':
      return `Soft bounce on ${about(e)}`;
    default:
      return `${e.kind.replace(/_/g, ' ')}${where(e)}`.replace(/^./, (c) => c.toUpperCase());
  }
}

/** One ledger line as a `ScoreReason`. */
export function entryReason(e: LedgerEntry, asOf: number, decimals = 2): ScoreReason {
  const ago = daysAgo(e.hit.at, asOf);
  let suffix = `(${formatPoints(e.points)})`;
  if (e.capped) suffix = '(0: over the daily cap)';
  else if (e.link?.notInterest) suffix = '(not interest)';
  else if (e.machine !== undefined) suffix = `(${formatPoints(e.points)}, machine: ${e.machine})`;
  const reason: ScoreReason = {
    points: round(e.points, decimals),
    text: `${describe(e)} ${ago} ${suffix}`,
    kind: e.capped ? 'cap' : e.kind,
    at: e.hit.at,
  };
  if (e.hit.campaign !== undefined) reason.campaign = e.hit.campaign;
  if (e.hit.url !== undefined) reason.url = e.hit.url;
  if (e.topics.length > 0) reason.topics = [...e.topics];
  return reason;
}

/**
 * The few sentences a rep reads: the strongest ledger lines and fit matches (by |points|, then most
 * recent, then text), then a note on ignored machine events and on events after `asOf`.
 *
 * @example
 * summarizeReasons(evaluation, fitMatches, asOf, 5)[0].text
 * //=> "Clicked the pricing link in 'Spring tractor promo' 2 days ago (+5.7)"
 */
export function summarizeReasons(ev: Evaluation, fit: readonly FitMatch[], asOf: number, max: number): ScoreReason[] {
  // Only the strongest entries are formatted: sentences are built for at most `max` events.
  const strongest = ev.entries
    .filter((e) => round(e.points, 1) !== 0)
    .sort((a, b) => Math.abs(round(b.points)) - Math.abs(round(a.points)) || b.hit.at - a.hit.at)
    .slice(0, max + fit.length);
  const lines: ScoreReason[] = strongest.map((e) => entryReason(e, asOf));
  for (const m of fit) if (m.points !== 0) lines.push({ points: round(m.points), text: `${m.text} (${formatPoints(m.points)})`, kind: 'fit' });
  lines.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (b.at ?? 0) - (a.at ?? 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const out = lines.slice(0, max);
  const machine = new Map<string, number>();
  for (const r of ev.reasons) if (r !== undefined) machine.set(r, (machine.get(r) ?? 0) + 1);
  if (machine.size > 0 && max > 0) {
    const total = [...machine.values()].reduce((a, b) => a + b, 0);
    const detail = [...machine].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ');
    out.push({ points: 0, text: `Classified ${total} event${total === 1 ? '' : 's'} as machine traffic (${detail})`, kind: 'machine' });
  }
  if (ev.future > 0 && max > 0) {
    out.push({ points: 0, text: `${ev.future} event${ev.future === 1 ? '' : 's'} after asOf not counted yet`, kind: 'future' });
  }
  return out;
}
