import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromJson } from '../../src/cli/config.js';
import { starterConfig } from '../../src/cli/init.js';
import { leadrankConfigJsonSchema } from '../../src/model/config.js';
import { defaultScoringModel } from '../../src/score/resolve.js';
import { AS_OF, EVENT_ARGS, run, tempDir } from './helpers.js';

describe('leadrank init and leadrank.json', () => {
  it('writes a starter config with every default that loads back as the defaults', async () => {
    const dir = tempDir();
    const { code, stderr } = await run(['init'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('Wrote leadrank.json');
    const raw = JSON.parse(readFileSync(join(dir, 'leadrank.json'), 'utf8')) as ReturnType<typeof starterConfig>;
    expect(raw.$schema).toBe('./node_modules/leadrank/dist/leadrank.schema.json');
    expect(raw.allocation.cooldownDays).toBe(7);
    expect(raw.segments.rules.map((r) => r.name)).toContain('hot-not-yet-called');
    const loaded = configFromJson(raw, 'leadrank.json');
    expect(loaded.scoring).toEqual(defaultScoringModel);
  });

  it('refuses to overwrite a config unless --force', async () => {
    const dir = tempDir();
    await run(['init'], { cwd: dir });
    const again = await run(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('leadrank.json already exists: pass --force to overwrite it');
    expect((await run(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('names the file and the field of a typo in the scoring section', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leadrank.json'), JSON.stringify({ scoring: { recency: { halfLife: 10 } } }));
    const { code, stderr } = await run(['score', ...EVENT_ARGS.map((a) => (a.includes('.') && !a.includes('/') ? join(process.cwd(), 'fixtures/scenario/exports', a) : a)), '--config', 'leadrank.json', '--as-of', AS_OF], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('leadrank: leadrank.json: scoring.recency.halfLife is not a scoring model field (got 10)');
  });

  it('names a wrong allocation value and an unknown section', () => {
    expect(() => configFromJson({ allocation: { cooldownDays: -1 } }, 'leadrank.json')).toThrow(/leadrank\.json: allocation\.cooldownDays Too small/);
    expect(() => configFromJson({ alocation: {} }, 'leadrank.json')).toThrow('leadrank: leadrank.json has no field "alocation" (sections: $schema, scoring, allocation, segments)');
  });

  it('explains a config that is not JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{ scoring: ');
    const { code, stderr } = await run(['score', join(process.cwd(), 'fixtures/scenario/exports/sendgrid-webhook.json'), '--config', 'bad.json', '--as-of', AS_OF], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/leadrank: bad\.json is not valid JSON \(/);
  });

  it('ships a committed JSON Schema that is up to date (npm run build && node scripts/build-schema.mjs --update)', () => {
    const committed = readFileSync(new URL('../../schema/leadrank.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(leadrankConfigJsonSchema(), null, 2)}\n`);
    const schema = JSON.parse(committed) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'scoring', 'allocation', 'segments']);
    expect(schema.additionalProperties).toBe(false);
  });
});
