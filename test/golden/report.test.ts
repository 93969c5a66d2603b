import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/allocateCalls.js';
import { buildCampaignReport } from '../../src/feedback/campaignReport.js';
import { renderCampaignReportJson } from '../../src/report/campaignReportJson.js';
import { renderCampaignReportMarkdown } from '../../src/report/campaignReportMarkdown.js';
import { scoreContacts } from '../../src/score/scoreContacts.js';
import { feedbackScenario as s } from '../feedback/scenario.js';

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/report.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const mdPath = new URL('./report.expected.md', import.meta.url);
const jsonPath = new URL('./report.expected.json', import.meta.url);

// The loop: call lists made on Monday 2026-11-16, a week of calls (fixtures/scenario/outcomes.json),
// the report on 2026-11-23.
const listDay = '2026-11-16T08:00:00Z';
const reps = JSON.parse(readFileSync(new URL('../../fixtures/reps/reps.json', import.meta.url), 'utf8')) as Parameters<typeof allocateCalls>[1];
const territories = JSON.parse(readFileSync(new URL('../../fixtures/reps/territories.json', import.meta.url), 'utf8')) as Record<string, never>;
const allocation = allocateCalls(scoreContacts(s.events, { asOf: listDay, model: s.model, contacts: s.contacts }), reps, {
  asOf: listDay,
  territories,
  outcomes: s.outcomes.filter((o) => Date.parse(String(o.at)) <= Date.parse(listDay)),
});

describe('golden: the campaign report of the scenario', () => {
  const report = buildCampaignReport(s.events, { asOf: s.asOf, model: s.model, contacts: s.contacts, outcomes: s.outcomes, allocation });
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
    const again = buildCampaignReport([...s.events].reverse(), { asOf: s.asOf, model: s.model, contacts: s.contacts, outcomes: [...s.outcomes].reverse(), allocation });
    expect(renderCampaignReportJson(again)).toBe(json);
  });
});
