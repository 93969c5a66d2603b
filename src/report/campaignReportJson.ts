import type { CampaignReport } from '../feedback/assembleCampaignReport.js';

/**
 * Renders the campaign report as JSON for scripts: the report object as `buildCampaignReport`
 * returns it, with its instants (`asOf`, `firstEventAt`) as ISO 8601 strings, indented, ending in a
 * newline. Key order is fixed, so the same report gives the same bytes.
 *
 * @param report - the output of `buildCampaignReport`
 * @example
 * JSON.parse(renderCampaignReportJson(report)).asOf //=> '2026-11-23T12:00:00.000Z'
 */
export function renderCampaignReportJson(report: CampaignReport): string {
  const doc = {
    ...report,
    asOf: new Date(report.asOf).toISOString(),
    campaigns: report.campaigns.map((c) => ({ ...c, firstEventAt: new Date(c.firstEventAt).toISOString() })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
