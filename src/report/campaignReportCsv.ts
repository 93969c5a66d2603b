import type { CampaignReport, CampaignReportRow } from '../feedback/assembleCampaignReport.js';
import type { EmailStats } from '../feedback/campaignStats.js';
import type { FunnelCounts } from '../feedback/funnel.js';
import type { CampaignRates } from '../feedback/rates.js';
import { toSafeCsv } from './csvSafe.js';

/**
 * The columns of the campaign-report CSV, in order.
 *
 * @example
 * CAMPAIGN_REPORT_COLUMNS[0] //=> 'level'
 */
export const CAMPAIGN_REPORT_COLUMNS = [
  'level', 'campaign', 'link', 'topic', 'topics',
  'sent', 'delivered', 'delivered_from', 'human_opens', 'machine_opens', 'unique_human_openers',
  'human_clicks', 'machine_clicks', 'unique_human_clickers', 'hard_bounces', 'soft_bounces', 'unclassified_bounces',
  'unsubscribes', 'complaints', 'machine_reasons',
  'engaged', 'leads_hot', 'leads_warm', 'leads_mild', 'leads_cold', 'leads', 'leads_called',
  'called', 'connected', 'interested', 'meetings', 'won',
  'open_rate', 'click_rate', 'click_to_open', 'lead_rate', 'follow_up_rate', 'connect_rate', 'interest_rate', 'meeting_rate', 'win_rate',
] as const;
type Column = (typeof CAMPAIGN_REPORT_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/**
 * The columns of the per-rep follow-up CSV, in order.
 *
 * @example
 * REP_FOLLOW_UP_COLUMNS[0] //=> 'rep'
 */
export const REP_FOLLOW_UP_COLUMNS = ['rep', 'assigned', 'assigned_called', 'calls', 'called', 'connected', 'interested', 'meetings', 'won'] as const;

/**
 * Renders the campaign report as one spreadsheet-safe CSV: a row per campaign (`level` `campaign`),
 * per link (`link`) and topic (`topic`) within it, the topics across campaigns (`topic`, no campaign)
 * and the totals (`total`). Figures that do not apply to a level are empty; rates are fractions
 * (0.4167), empty when the denominator is 0.
 *
 * @param report - the output of `buildCampaignReport`
 * @example
 * renderCampaignReportCsv(report).split('\r\n')[1] //=> 'campaign,Spring tractor promo,,,,23,22,delivered,17,4,12,…'
 */
export function renderCampaignReportCsv(report: CampaignReport): string {
  const rows: Row[] = [];
  for (const c of report.campaigns) {
    const campaign = c.campaign ?? '';
    rows.push({ level: 'campaign', campaign, ...email(c.email), ...funnel(c.funnel), ...rates(c.rates) });
    rows.push(...links(c));
    for (const t of c.topics) rows.push({ level: 'topic', campaign, topic: t.topic, human_clicks: t.clicks.human, machine_clicks: t.clicks.machine, unique_human_clickers: t.uniqueHumanClickers, ...funnel(t.funnel) });
  }
  for (const t of report.topics) rows.push({ level: 'topic', topic: t.topic, human_clicks: t.clicks.human, machine_clicks: t.clicks.machine, unique_human_clickers: t.uniqueHumanClickers, ...funnel(t.funnel) });
  rows.push({ level: 'total', ...email(report.totals.email), ...funnel(report.totals.funnel), ...rates(report.totals.rates) });
  return endLine(toSafeCsv(CAMPAIGN_REPORT_COLUMNS, rows));
}

/**
 * Renders the per-rep follow-up as a spreadsheet-safe CSV (`assigned` columns empty without an allocation).
 *
 * @example
 * renderRepFollowUpCsv(report).split('\r\n')[0] //=> 'rep,assigned,assigned_called,calls,called,connected,interested,meetings,won'
 */
export function renderRepFollowUpCsv(report: CampaignReport): string {
  const rows = report.reps.map((r) => ({
    rep: r.rep, assigned: r.assigned, assigned_called: r.assignedCalled, calls: r.calls, called: r.called,
    connected: r.connected, interested: r.interested, meetings: r.meetings, won: r.won,
  }));
  return endLine(toSafeCsv(REP_FOLLOW_UP_COLUMNS, rows));
}

function links(c: CampaignReportRow): Row[] {
  return c.links.map((l) => ({
    level: 'link', campaign: c.campaign ?? '', link: l.url, topics: l.topics.join(';'),
    human_clicks: l.clicks.human, machine_clicks: l.clicks.machine, unique_human_clickers: l.uniqueHumanClickers, ...funnel(l.funnel),
  }));
}

function email(e: EmailStats): Row {
  return {
    sent: e.sent, delivered: e.delivered, delivered_from: e.deliveredFrom, human_opens: e.opens.human, machine_opens: e.opens.machine,
    unique_human_openers: e.uniqueHumanOpeners, human_clicks: e.clicks.human, machine_clicks: e.clicks.machine,
    unique_human_clickers: e.uniqueHumanClickers, hard_bounces: e.bounces.hard, soft_bounces: e.bounces.soft,
    unclassified_bounces: e.bounces.unclassified, unsubscribes: e.unsubscribes, complaints: e.complaints,
    machine_reasons: Object.entries(e.machineReasons).map(([k, v]) => `${k}:${v}`).join(';'),
  };
}

function funnel(f: FunnelCounts): Row {
  return {
    engaged: f.engaged, leads_hot: f.leadsByTier.hot, leads_warm: f.leadsByTier.warm, leads_mild: f.leadsByTier.mild,
    leads_cold: f.leadsByTier.cold, leads: f.leads, leads_called: f.leadsCalled, called: f.called, connected: f.connected,
    interested: f.interested, meetings: f.meetings, won: f.won,
  };
}

function rates(r: CampaignRates): Row {
  return {
    open_rate: r.openRate, click_rate: r.clickRate, click_to_open: r.clickToOpen, lead_rate: r.leadRate, follow_up_rate: r.followUpRate,
    connect_rate: r.connectRate, interest_rate: r.interestRate, meeting_rate: r.meetingRate, win_rate: r.winRate,
  };
}

/** Ends the text with exactly one CRLF (papaparse adds one after a header without rows). */
function endLine(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
