import { describe, expect, it } from 'vitest';
import { assembleCampaignReport } from '../../src/feedback/campaignReport.js';
import { formatPercent, markdownTable } from '../../src/report/campaignReportFormat.js';
import { renderCampaignReportCsv, renderRepFollowUpCsv } from '../../src/report/campaignReportCsv.js';
import { renderCampaignReportJson } from '../../src/report/campaignReportJson.js';
import { renderCampaignReportMarkdown } from '../../src/report/campaignReportMarkdown.js';
import { events, outcomes, parts } from '../feedback/campaignFixture.js';

const report = assembleCampaignReport(parts(events, outcomes));

describe('renderCampaignReportMarkdown', () => {
  const md = renderCampaignReportMarkdown(report);

  it('starts with a summary row per campaign and one for all campaigns', () => {
    expect(md.startsWith('# Campaign report\n')).toBe(true);
    expect(md).toContain('| Promo | 5 | 60.0% | 40.0% | 66.7% | 1 | 20.0% | 1 | 1 | 1 | 0 | 0 | 0.0% |');
    expect(md).toContain('| (no campaign) | 0 | — | — | — | 0 | — | 0 | 0 | 0 | 0 | 0 | — |');
    expect(md).toContain('| **All campaigns** | 7 |');
  });

  it('shows machine traffic apart and the links with their topics', () => {
    expect(md).toContain('| human opens / machine opens filtered | 3 / 1 |  |');
    expect(md).toContain('| https://shop.example.com/tractors/x9 | tractors | 1 | 1 | 1 | 1 | 1 | 1 | 0 |');
    expect(md).toContain('Leads per tier: hot 1 · warm 0 · mild 1 · cold 1.');
  });

  it('lists follow-up per rep with the assigned lists', () => {
    expect(md).toContain('| rep | assigned | assigned and called | calls | contacts called | connected | interested | meetings | won |');
    expect(md).toContain('| r1 | 2 | 2 | 2 | 2 | 1 | 1 | 1 | 1 |');
  });

  it('explains how each rate is computed and ends with a newline', () => {
    expect(md).toContain('click-to-open = human clickers ÷ human openers');
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('renderCampaignReportJson', () => {
  it('keeps the report object with instants as ISO strings', () => {
    const doc = JSON.parse(renderCampaignReportJson(report)) as { asOf: string; campaigns: { campaign: string | null; firstEventAt: string; rates: { openRate: number } }[] };
    expect(doc.asOf).toBe('2026-12-01T10:00:00.000Z');
    expect(doc.campaigns[0]).toMatchObject({ campaign: 'Promo', firstEventAt: '2026-11-01T10:00:00.000Z', rates: { openRate: 0.6 } });
    expect(doc.campaigns[2]?.campaign).toBeNull();
  });
});

describe('renderCampaignReportCsv', () => {
  const lines = renderCampaignReportCsv(report).split('\r\n');

  it('writes one row per campaign, link and topic, the topics across campaigns and a total', () => {
    const levels = lines.slice(1, -1).map((l) => l.split(',')[0]);
    expect(levels).toEqual(['campaign', 'link', 'link', 'link', 'topic', 'campaign', 'link', 'topic', 'campaign', 'topic', 'topic', 'total']);
    expect(lines.at(-1)).toBe('');
  });

  it('writes figures and rates as fractions, empty where a rate has no denominator', () => {
    const header = lines[0]!.split(',');
    const promo = Object.fromEntries(lines[1]!.split(',').map((v, i) => [header[i], v]));
    expect(promo).toMatchObject({ level: 'campaign', campaign: 'Promo', delivered: '5', machine_opens: '1', leads_hot: '1', open_rate: '0.6', click_to_open: '0.6667' });
    const none = Object.fromEntries(lines[9]!.split(',').map((v, i) => [header[i], v]));
    expect(none).toMatchObject({ level: 'campaign', campaign: '', open_rate: '', connect_rate: '' });
  });

  it('neutralises a campaign name a spreadsheet would run as a formula', () => {
    const evil = events.map((e) => (e.campaign === 'Webinar' ? { ...e, campaign: '=HYPERLINK("x")' } : e));
    expect(renderCampaignReportCsv(assembleCampaignReport(parts(evil, outcomes)))).toContain(`campaign,"'=HYPERLINK(""x"")"`);
  });
});

describe('renderRepFollowUpCsv', () => {
  it('writes one row per rep', () => {
    expect(renderRepFollowUpCsv(report).split('\r\n')).toEqual([
      'rep,assigned,assigned_called,calls,called,connected,interested,meetings,won',
      'r1,2,2,2,2,1,1,1,1',
      'r2,0,0,1,1,1,1,0,0',
      'r3,1,0,0,0,0,0,0,0',
      '',
    ]);
  });
});

describe('report formatting', () => {
  it('formats rates as percentages with one decimal and a dash for none', () => {
    expect(formatPercent(0.41666)).toBe('41.7%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('escapes pipes in Markdown cells and right-aligns marked columns', () => {
    expect(markdownTable(['name', '>n'], [['a|b', 1]])).toBe('| name | n |\n| --- | ---: |\n| a\\|b | 1 |');
  });
});
