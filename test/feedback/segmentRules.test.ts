import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_RULES, SegmentsConfigSchema } from '../../src/feedback/segmentRules.js';

describe('segment rules', () => {
  it('fill in the default segments and exclusions when a config leaves them out', () => {
    const config = SegmentsConfigSchema.parse({});
    expect(config.rules.map((r) => r.name)).toEqual(DEFAULT_SEGMENT_RULES.map((r) => r.name));
    expect(config.excludeFlags).toEqual(['optedOut', 'complained']);
  });

  it('survive a JSON round trip unchanged, so a CLI config can hold them', () => {
    const config = SegmentsConfigSchema.parse({});
    expect(SegmentsConfigSchema.parse(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });

  it('convert to a JSON Schema that names every condition field', () => {
    const schema = JSON.stringify(z.toJSONSchema(SegmentsConfigSchema, { io: 'input' }));
    for (const field of ['tiers', 'topics', 'lastDisposition', 'minDaysSinceCall', 'minUnanswered', 'excludeFlags']) expect(schema).toContain(`"${field}"`);
  });
});
