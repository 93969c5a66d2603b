import type { CampaignReport } from '../feedback/assembleCampaignReport.js';
import type { NamedFile } from '../report/files.js';
import { renderCampaignReportCsv, renderRepFollowUpCsv } from '../report/campaignReportCsv.js';
import { renderCampaignReportJson } from '../report/campaignReportJson.js';
import { renderCampaignReportMarkdown } from '../report/campaignReportMarkdown.js';
import { writeFiles } from './writeFiles.js';

/**
 * The campaign report in every format: `campaign-report.md`, `campaign-report.csv`,
 * `rep-follow-up.csv` and `campaign-report.json`. Pure.
 *
 * @example
 * campaignReportFiles(report).map((f) => f.name) //=> ['campaign-report.md', 'campaign-report.csv', 'rep-follow-up.csv', 'campaign-report.json']
 */
export function campaignReportFiles(report: CampaignReport): NamedFile[] {
  return [
    { name: 'campaign-report.md', content: renderCampaignReportMarkdown(report) },
    { name: 'campaign-report.csv', content: renderCampaignReportCsv(report) },
    { name: 'rep-follow-up.csv', content: renderRepFollowUpCsv(report) },
    { name: 'campaign-report.json', content: renderCampaignReportJson(report) },
  ];
}

/**
 * Writes the campaign report into `dir` in every format; returns the paths.
 *
 * @example
 * await writeCampaignReport('report', buildCampaignReport(events, { asOf, outcomes }))
 */
export function writeCampaignReport(dir: string, report: CampaignReport): Promise<string[]> {
  return writeFiles(dir, campaignReportFiles(report));
}
