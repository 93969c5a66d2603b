import type { CampaignReport, CampaignReportRow, TopicReport } from '../feedback/assembleCampaignReport.js';
import type { EmailStats } from '../feedback/campaignStats.js';
import type { FunnelCounts } from '../feedback/funnel.js';
import type { CampaignRates } from '../feedback/rates.js';
import { TIERS } from '../model/scored.js';
import { formatInstant, formatPercent, markdownTable } from './campaignReportFormat.js';

const NO_CAMPAIGN = '(no campaign)';

/**
 * Renders the campaign report as Markdown for marketing: a summary table, then per campaign the
 * e-mail figures, the funnel from leads to won deals, links and topics; topics across campaigns,
 * follow-up per rep, notes, and how each rate is computed.
 *
 * @param report - the output of `buildCampaignReport`
 * @returns Markdown text ending in a newline
 * @example
 * renderCampaignReportMarkdown(report).split('\n')[0] //=> '# Campaign report'
 */
export function renderCampaignReportMarkdown(report: CampaignReport): string {
  const out: string[] = ['# Campaign report', ''];
  out.push(`As of ${formatInstant(report.asOf)}. Leads are contacts in the tiers ${report.leadTiers.join(', ')}; machine opens and clicks are counted apart and left out of every rate.`, '');
  out.push('## Summary', '');
  out.push(
    markdownTable(
      ['campaign', '>delivered', '>open rate', '>click rate', '>click-to-open', '>leads', '>lead rate', '>called', '>connected', '>interested', '>meetings', '>won', '>win rate'],
      [...report.campaigns.map((c) => summaryRow(c.campaign ?? NO_CAMPAIGN, c.email, c.funnel, c.rates)), summaryRow('**All campaigns**', report.totals.email, report.totals.funnel, report.totals.rates)],
    ),
    '',
  );
  for (const c of report.campaigns) out.push(...campaignSection(c));
  out.push('## Topics across campaigns', '');
  out.push(report.topics.length > 0 ? topicTable(report.topics) : 'No human clicks on links with a topic.', '');
  out.push('## Follow-up per rep', '');
  if (report.reps.length === 0) out.push('No calls recorded.', '');
  else {
    const withList = report.reps.some((r) => r.assigned !== null);
    out.push(
      markdownTable(
        ['rep', ...(withList ? ['>assigned', '>assigned and called'] : []), '>calls', '>contacts called', '>connected', '>interested', '>meetings', '>won'],
        report.reps.map((r) => [r.rep, ...(withList ? [r.assigned ?? 0, r.assignedCalled ?? 0] : []), r.calls, r.called, r.connected, r.interested, r.meetings, r.won]),
      ),
      '',
    );
  }
  out.push('## Notes', '');
  const n = report.notes;
  out.push(`- Events after the as-of time, left out: ${n.eventsAfterAsOf}.`);
  out.push(`- Call outcomes after the as-of time, left out: ${n.outcomesAfterAsOf}.`);
  out.push(`- Events classified as machine traffic (counted apart): ${n.machineEvents}.`);
  out.push(`- Engaged contacts without a score (not in leads per tier): ${n.unscoredEngaged}.`, '');
  out.push('## How the figures are counted', '');
  out.push(
    '- Recipients, openers and clickers are distinct contacts per campaign; a human click counts its contact as an opener.',
    '- Delivered comes from delivered events, or, when a campaign has none, from sent recipients minus bounced ones.',
    '- Links are grouped without their #fragment and utm_ parameters; their topics come from the scoring model’s link rules (a configured rule, or the first meaningful path segment). Footer and careers links have none.',
    '- The funnel counts contacts: engaged (a human open, click or other engagement) → leads → called → connected → interested → meetings → won. Only calls at or after a contact’s first engagement with the campaign (or first click on the link or topic) count; a later stage implies the earlier ones.',
    '- Open rate = human openers ÷ delivered; click rate = human clickers ÷ delivered; click-to-open = human clickers ÷ human openers; lead rate = leads ÷ delivered; follow-up = leads called ÷ leads; connect rate = connected ÷ called; interest, meeting and win rates are ÷ connected. A rate with a denominator of 0 shows as —.',
    '- “All campaigns” adds the e-mail figures of the campaigns and counts each engaged contact once, from their first engagement.',
    '',
  );
  return out.join('\n');
}

function summaryRow(name: string, e: EmailStats, f: FunnelCounts, r: CampaignRates): (string | number)[] {
  return [name, e.delivered, formatPercent(r.openRate), formatPercent(r.clickRate), formatPercent(r.clickToOpen), f.leads, formatPercent(r.leadRate), f.called, f.connected, f.interested, f.meetings, f.won, formatPercent(r.winRate)];
}

function campaignSection(c: CampaignReportRow): string[] {
  const e = c.email;
  const f = c.funnel;
  const r = c.rates;
  const out = [`## ${c.campaign ?? NO_CAMPAIGN}`, ''];
  const messages = c.messages.length > 0 ? `Messages: ${c.messages.map((m) => `\`${m}\``).join(', ')}. ` : '';
  out.push(`${messages}First event ${formatInstant(c.firstEventAt)}.`, '');
  const delivered = e.deliveredFrom === 'sent_minus_bounced' ? `${e.delivered} (sent minus bounced)` : String(e.delivered);
  out.push(
    markdownTable(
      ['e-mail', '>count', '>rate'],
      [
        ['sent', e.sent, ''],
        ['delivered', delivered, ''],
        ['unique human openers', e.uniqueHumanOpeners, formatPercent(r.openRate)],
        ['unique human clickers', e.uniqueHumanClickers, formatPercent(r.clickRate)],
        ['click-to-open', '', formatPercent(r.clickToOpen)],
        ['human opens / machine opens filtered', `${e.opens.human} / ${e.opens.machine}`, ''],
        ['human clicks / machine clicks filtered', `${e.clicks.human} / ${e.clicks.machine}`, ''],
        ['bounces hard / soft / unclassified', `${e.bounces.hard} / ${e.bounces.soft} / ${e.bounces.unclassified}`, ''],
        ['unsubscribes', e.unsubscribes, ''],
        ['complaints', e.complaints, ''],
      ],
    ),
    '',
  );
  const reasons = Object.entries(e.machineReasons);
  if (reasons.length > 0) out.push(`Machine traffic by rule: ${reasons.map(([k, v]) => `${k} ${v}`).join(' · ')}.`, '');
  out.push(`Leads per tier: ${TIERS.map((t) => `${t} ${f.leadsByTier[t]}`).join(' · ')}.`, '');
  out.push(
    markdownTable(
      ['funnel', '>contacts', '>rate'],
      [
        ['engaged', f.engaged, ''],
        ['leads', f.leads, formatPercent(r.leadRate)],
        ['leads called', f.leadsCalled, formatPercent(r.followUpRate)],
        ['called', f.called, ''],
        ['connected', f.connected, formatPercent(r.connectRate)],
        ['interested', f.interested, formatPercent(r.interestRate)],
        ['meetings', f.meetings, formatPercent(r.meetingRate)],
        ['won', f.won, formatPercent(r.winRate)],
      ],
    ),
    '',
  );
  if (c.links.length > 0) {
    out.push(`### Links of ${c.campaign ?? NO_CAMPAIGN}`, '');
    out.push(
      markdownTable(
        ['link', 'topics', '>human clicks', '>machine clicks', '>unique clickers', '>leads', '>called', '>connected', '>won'],
        c.links.map((l) => [l.url, l.topics.join(', ') || '—', l.clicks.human, l.clicks.machine, l.uniqueHumanClickers, l.funnel.leads, l.funnel.called, l.funnel.connected, l.funnel.won]),
      ),
      '',
    );
  }
  if (c.topics.length > 0) out.push(`### Topics of ${c.campaign ?? NO_CAMPAIGN}`, '', topicTable(c.topics), '');
  return out;
}

function topicTable(topics: readonly TopicReport[]): string {
  return markdownTable(
    ['topic', '>human clicks', '>machine clicks', '>unique clickers', '>leads', '>called', '>connected', '>interested', '>meetings', '>won'],
    topics.map((t) => [t.topic, t.clicks.human, t.clicks.machine, t.uniqueHumanClickers, t.funnel.leads, t.funnel.called, t.funnel.connected, t.funnel.interested, t.funnel.meetings, t.funnel.won]),
  );
}
