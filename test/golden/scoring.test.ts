import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScoredContact } from '../../src/model/scored.js';
import { scoreContacts } from '../../src/score/index.js';
import { scenario } from '../score/scenario.js';

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/scoring.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const jsonPath = new URL('./scoring.expected.json', import.meta.url);
const mdPath = new URL('./scoring.expected.md', import.meta.url);

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function toMarkdown(ranked: readonly ScoredContact[]): string {
  const lines = [
    '# Golden: the scenario scored',
    '',
    `Scored by \`test/golden/scoring.test.ts\` from \`fixtures/scenario\` (events, contacts, model.json) as of ${scenario.asOf}.`,
    'Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden/scoring.test.ts` and review the diff.',
    '',
    '| # | contact | tier | label | score | engagement | fit | interests | flags | events human / machine |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of ranked) {
    const interests = c.interests.map((i) => `${i.topic} ${i.weight}`).join(', ');
    const flags = Object.entries(c.flags).filter(([, v]) => v).map(([k]) => k).join(', ');
    const engaged = Object.entries(c.counts).filter(([type]) => type !== 'sent' && type !== 'delivered');
    const human = engaged.reduce((a, [, n]) => a + n.human, 0);
    const machine = engaged.reduce((a, [, n]) => a + n.machine, 0);
    const name = c.details?.name === undefined ? c.contact : `${c.details.name} (${c.contact})`;
    lines.push(`| ${c.rank} | ${cell(name)} | ${c.tier} | ${c.label} | ${c.score} | ${c.engagement} | ${c.fit} | ${interests} | ${flags} | ${human} / ${machine} |`);
  }
  lines.push('', '## Reasons', '');
  for (const c of ranked) {
    lines.push(`### ${c.rank}. ${c.details?.name ?? c.contact} — ${c.label}, ${c.score}`, '');
    if (c.reasons.length === 0) lines.push('- (no reasons)');
    for (const r of c.reasons) lines.push(`- ${r.text}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

describe('golden: the farm-equipment and veterinary scenario', () => {
  const ranked = scoreContacts(scenario.events, { asOf: scenario.asOf, model: scenario.model, contacts: scenario.contacts });
  const json = `${JSON.stringify(ranked, null, 2)}\n`;
  const md = toMarkdown(ranked);
  if (update) {
    writeFileSync(jsonPath, json);
    writeFileSync(mdPath, md);
  }

  it('matches the committed ranked output (JSON)', () => {
    expect(json).toBe(readFileSync(jsonPath, 'utf8'));
  });

  it('matches the committed person-readable table (Markdown)', () => {
    expect(md).toBe(readFileSync(mdPath, 'utf8'));
  });

  const byEmail = new Map(ranked.map((c) => [c.contact, c]));
  const get = (email: string) => {
    const c = byEmail.get(email);
    if (!c) throw new Error(`${email} missing`);
    return c;
  };

  it('tells the story: tractor clickers have the topic tractors, vets veterinary', () => {
    expect(get('bill.johnson@johnsonfarms.com').interests[0]?.topic).toBe('tractors');
    expect(get('anna.schmidt@hofgut-schmidt.de').interests[0]?.topic).toBe('tractors');
    expect(get('gina.rossi@rossi-vet.com').interests[0]?.topic).toBe('veterinary');
    expect(get('nate.brooks@brooksfarms.com').interests.map((i) => i.topic)).toContain('veterinary');
    expect(get('paul.schneider@schneider-lohnunternehmen.de').interests[0]?.topic).toBe('combines');
  });

  it('scores machine traffic 0 and counts it: scanner clicks, Apple MPP opens, bot user agents', () => {
    for (const email of ['frank.olsen@olsen-grain.com', 'erik.bauer@bauer-agrar.de', 'olga.ivanova@prairie-coop.com']) {
      const c = get(email);
      expect(c.engagement).toBe(0);
      expect(c.machineEvents).toBeGreaterThan(0);
      expect(c.tier).toBe('cold');
    }
    expect(get('frank.olsen@olsen-grain.com').counts['click']).toEqual({ human: 0, machine: 7 });
  });

  it('sets the flags later stages honour', () => {
    expect(get('hank.peters@petersfarm.com').flags.bounced).toBe(true);
    expect(get('ida.weber@weber-hof.de').flags.optedOut).toBe(true);
    expect(get('jack.turner@turnercattle.com').flags.complained).toBe(true);
    expect(get('tina.moore@moorefarms.com').flags.doNotCall).toBe(true);
    expect(get('quinn.harris@harrisseed.com').flags.bounced).toBe(false);
  });

  it('does not count a careers or footer click as interest', () => {
    const kate = get('kate.nguyen@nguyenorchards.com');
    expect(kate.interests).toEqual([]);
    expect(kate.ledger?.find((l) => l.url?.includes('/careers'))?.points).toBe(0);
    const sam = get('sam.wilson@wilsonlivestock.com');
    const browser = sam.ledger?.find((l) => l.url?.includes('view-in-browser'));
    expect(browser?.points).toBe(0);
    expect(browser?.topics).toBeUndefined();
  });

  it('reports events after asOf and lists contacts without events', () => {
    expect(get('rita.klein@klein-hof.de').futureEvents).toBe(2);
    expect(get('rita.klein@klein-hof.de').engagement).toBe(0);
    expect(get('xena.young@youngranch.com').counts).toEqual({});
    expect(get('yuri.petrov@steppe-agro.com').details).toBeUndefined();
  });

  it('puts the buyers on top', () => {
    expect(ranked.slice(0, 3).map((c) => c.contact)).toContain('bill.johnson@johnsonfarms.com');
    expect(ranked.slice(0, 5).map((c) => c.contact)).toContain('anna.schmidt@hofgut-schmidt.de');
  });
});
