import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import type { Allocation } from '../../src/allocate/index.js';
import type { CallOutcomeInput } from '../../src/model/outcome.js';
import type { RepInput } from '../../src/model/rep.js';
import { allocationToJson, allocationToMarkdown } from '../../src/report/index.js';
import { scoreContacts } from '../../src/score/index.js';
import type { TerritoryDefinitions } from '../../src/allocate/index.js';
import { scenario } from '../score/scenario.js';

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/allocation.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const mdPath = new URL('./allocation.expected.md', import.meta.url);
const jsonPath = new URL('./allocation.expected.json', import.meta.url);
const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));

const reps = fixture('reps/reps.json') as RepInput[];
const territories = fixture('reps/territories.json') as TerritoryDefinitions;
const outcomes = fixture('scenario/outcomes.json') as CallOutcomeInput[];
const scored = scoreContacts(scenario.events, { asOf: scenario.asOf, model: scenario.model, contacts: scenario.contacts });

/** The first run (nobody called yet) and the run after the calls in outcomes.json. */
function runs(leads = scored, repList = reps, calls = outcomes): { firstRun: Allocation; afterCalls: Allocation } {
  return {
    firstRun: allocateCalls(leads, repList, { asOf: scenario.asOf, territories }),
    afterCalls: allocateCalls(leads, repList, { asOf: scenario.asOf, territories, outcomes: calls }),
  };
}

const listOf = (a: Allocation, rep: string): string[] => a.lists.find((l) => l.rep.id === rep)?.entries.map((e) => e.contact.split('@')[0] ?? '') ?? [];
const unassigned = (a: Allocation, who: string) => a.unassigned.find((u) => u.contact.startsWith(who));

describe('golden: the scenario allocated to the scenario reps', () => {
  const { firstRun, afterCalls } = runs();
  const md = `${allocationToMarkdown(firstRun)}\n---\n\n# After the calls in outcomes.json\n\n${allocationToMarkdown(afterCalls).replace(/^# .*\n\n/, '')}`;
  const json = allocationToJson({ firstRun, afterCalls } as unknown as Allocation);
  if (update) {
    writeFileSync(mdPath, md);
    writeFileSync(jsonPath, json);
  }

  it('sends the tractor clickers to the farm-equipment expert of their territory', () => {
    expect(listOf(firstRun, 'rep-iowa')[0]).toBe('bill.johnson');
    const bill = firstRun.lists.find((l) => l.rep.id === 'rep-iowa')?.entries[0];
    expect(bill?.why.expertise).toBe('exact');
    expect(bill?.why.territory).toBe('Iowa + Nebraska');
  });

  it('sends the veterinary leads to the veterinary expert', () => {
    expect(listOf(firstRun, 'rep-vet')).toEqual(['carla.mendez', 'nate.brooks', 'gina.rossi']);
    expect(listOf(afterCalls, 'rep-vet')).toContain('dan.miller');
  });

  it('lets the owner keep their contact', () => {
    expect(listOf(firstRun, 'rep-de')).toContain('anna.schmidt');
    expect(firstRun.lists.find((l) => l.rep.id === 'rep-de')?.entries[0]?.why.owner).toBe(true);
  });

  it('never lists the complainer or a do-not-call contact', () => {
    for (const a of [firstRun, afterCalls]) {
      const listed = a.lists.flatMap((l) => l.entries.map((e) => e.contact));
      expect(listed).not.toContain('jack.turner@turnercattle.com');
      expect(listed).not.toContain('tina.moore@moorefarms.com');
    }
    expect(unassigned(firstRun, 'jack.turner')).toMatchObject({ reason: 'suppressed', detail: 'complained' });
    expect(unassigned(afterCalls, 'vera.lopez')).toMatchObject({ reason: 'suppressed', detail: 'do_not_call' });
    expect(unassigned(afterCalls, 'hank.peters')).toMatchObject({ reason: 'suppressed', detail: 'wrong_number' });
  });

  it('spills the over-full German territory with a reason code', () => {
    expect(listOf(firstRun, 'rep-de')).toHaveLength(2);
    expect(unassigned(firstRun, 'paul.schneider')?.reason).toBe('no_capacity');
  });

  it('gives the rep who is out of office no list', () => {
    const ned = firstRun.lists.find((l) => l.rep.id === 'rep-nebraska');
    expect(ned?.rep.available).toBe(false);
    expect(ned?.entries).toEqual([]);
  });

  it('skips contacts called within the cooldown and shows the previous outcome on the others', () => {
    expect(unassigned(afterCalls, 'bill.johnson')?.reason).toBe('cooldown');
    expect(unassigned(afterCalls, 'anna.schmidt')?.reason).toBe('cooldown');
    const maria = afterCalls.lists.flatMap((l) => l.entries).find((e) => e.contact.startsWith('maria.fischer'));
    expect(maria?.previousOutcome?.disposition).toBe('not_interested');
  });

  it('accounts for every scored contact exactly once', () => {
    for (const a of [firstRun, afterCalls]) {
      const all = [...a.lists.flatMap((l) => l.entries.map((e) => e.contact)), ...a.unassigned.map((u) => u.contact)].sort();
      expect(all).toEqual(scored.map((s) => s.contact).sort());
    }
  });

  it('matches the committed Markdown and JSON', () => {
    expect(md).toBe(readFileSync(mdPath, 'utf8'));
    expect(json).toBe(readFileSync(jsonPath, 'utf8'));
  });

  it('is byte-identical for leads, reps and outcomes in reverse order', () => {
    const again = runs([...scored].reverse(), [...reps].reverse(), [...outcomes].reverse());
    expect(allocationToJson({ ...again } as unknown as Allocation)).toBe(json);
  });
});
