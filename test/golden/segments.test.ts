import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSegments } from '../../src/feedback/segments.js';
import { renderSegmentsJson } from '../../src/report/segmentsJson.js';
import { renderSegmentsMarkdown } from '../../src/report/segmentsMarkdown.js';
import { scoreContacts } from '../../src/score/scoreContacts.js';
import { feedbackScenario as s } from '../feedback/scenario.js';

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/segments.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const jsonPath = new URL('./segments.expected.json', import.meta.url);
const mdPath = new URL('./segments.expected.md', import.meta.url);

describe('golden: the segments of the scenario', () => {
  const scored = scoreContacts(s.events, { asOf: s.asOf, model: s.model, contacts: s.contacts });
  const result = buildSegments(scored, { asOf: s.asOf, outcomes: s.outcomes });
  const json = renderSegmentsJson(result);
  const md = renderSegmentsMarkdown(result);
  if (update) {
    writeFileSync(jsonPath, json);
    writeFileSync(mdPath, md);
  }

  it('matches the committed JSON segments', () => {
    expect(json).toBe(readFileSync(jsonPath, 'utf8'));
  });

  it('matches the committed person-readable segments (Markdown)', () => {
    expect(md).toBe(readFileSync(mdPath, 'utf8'));
  });
});
