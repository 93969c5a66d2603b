import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/ingest/parseEvents.js';
import { eventFixtures, goldenText } from './fixtures.js';

// Golden files: fixtures/<provider>/<file>.golden.json. Regenerate with
//   UPDATE_GOLDEN=1 npx vitest run test/ingest/golden.test.ts
// and review the diff before committing.
const update = process.env.UPDATE_GOLDEN === '1';

describe('event fixtures', () => {
  for (const fx of eventFixtures()) {
    it(`${fx.provider}/${fx.file} reads into the reviewed golden events`, () => {
      const result = parseEvents(fx.text, fx.options);
      const text = goldenText(result);
      if (update || !existsSync(fx.golden)) writeFileSync(fx.golden, text);
      expect(text).toBe(readFileSync(fx.golden, 'utf8'));
    });

    if (fx.options.format === undefined || fx.options.format === 'auto') {
      it(`${fx.provider}/${fx.file} is auto-detected as ${fx.provider}`, () => {
        expect(parseEvents(fx.text, fx.options).meta.format).toBe(fx.provider);
      });
    }
  }
});
