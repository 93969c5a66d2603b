import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCampaignReport } from '../../src/feedback/campaignReport.js';
import { renderCampaignReportJson } from '../../src/report/campaignReportJson.js';
import { renderCampaignReportMarkdown } from '../../src/report/campaignReportMarkdown.js';
import { feedbackScenario as s } from '../feedback/scenario.js';

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/report.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const mdPath = new URL('./report.expected.md', import.meta.url);
const jsonPath = new URL('./report.expected.json', import.meta.url);

describe('golden: the campaign report of the scenario', () => {
  const report = buildCampaignReport(s.events, { asOf: s.asOf, model: s.model, contacts: s.contacts, outcomes: s.outcomes });
  const md = renderCampaignReportMarkdown(report);
  const json = renderCampaignReportJson(report);
  if (update) {
    writeFileSync(mdPath, md);
    writeFileSync(jsonPath, json);
  }

  it('matches the committed Markdown report', () => {
    expect(md).toBe(readFileSync(mdPath, 'utf8'));
  });

  it('matches the committed JSON report', () => {
    expect(json).toBe(readFileSync(jsonPath, 'utf8'));
  });

  it('is the same for events and outcomes in reverse order', () => {
    const again = buildCampaignReport([...s.events].reverse(), { asOf: s.asOf, model: s.model, contacts: s.contacts, outcomes: [...s.outcomes].reverse() });
    expect(renderCampaignReportJson(again)).toBe(json);
  });
});
