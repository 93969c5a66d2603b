import { describe, expect, it } from 'vitest';
import { defaultScoringModel, resolveScoringModel } from '../../src/score/index.js';
import { compileLinkRules } from '../../src/score/links.js';
import { compilePattern } from '../../src/score/match.js';
import { parseLink } from '../../src/score/url.js';

const rules = compileLinkRules(defaultScoringModel);

describe('link rules', () => {
  it('makes the first meaningful path segment the topic, skipping locales and generic words', () => {
    expect(rules.link('https://agri.example.com/tractors/x9').topics).toEqual(['tractors']);
    expect(rules.link('https://agri.example.com/en-us/tractors/x9/specs').topics).toEqual(['tractors']);
    expect(rules.link('https://agri.example.com/de/products/2026/combines.html').topics).toEqual(['combines']);
    expect(rules.link('https://agri.example.com/').topics).toEqual([]);
  });

  it('weighs intent pages double and names them', () => {
    const pricing = rules.link('https://agri.example.com/pricing?plan=pro');
    expect([pricing.multiplier, pricing.label, pricing.topics]).toEqual([2, 'pricing', []]);
    expect(rules.link('https://agri.example.com/request/demo').multiplier).toBe(2);
  });

  it('treats footer and careers links as not interest', () => {
    for (const url of ['https://mail.example.com/unsubscribe?u=1', 'https://mail.example.com/manage-preferences', 'https://mail.example.com/view-in-browser/1', 'https://agri.example.com/careers/sales']) {
      expect(rules.link(url)).toMatchObject({ notInterest: true, multiplier: 0, topics: [] });
    }
  });

  it('applies configured rules before the built-in ones, with topics, overrides and multipliers', () => {
    const custom = compileLinkRules(
      resolveScoringModel({
        links: {
          rules: [
            { pattern: 'agri.example.com/pricing/tractors', topics: ['tractors', 'Pricing'], multiplier: 3 },
            { pattern: '/veterinary/*/webinar', weight: 9, topics: ['veterinary'] },
          ],
        },
      }),
    );
    expect(custom.link('https://agri.example.com/pricing/tractors/x9')).toMatchObject({ topics: ['pricing', 'tractors'], multiplier: 3 });
    expect(custom.link('https://other.example.org/veterinary/2026/webinar')).toMatchObject({ override: 9, topics: ['veterinary'] });
    expect(custom.link('https://agri.example.com/pricing').multiplier).toBe(2);
  });

  it('maps campaigns and messages to topics', () => {
    const r = compileLinkRules(resolveScoringModel({ campaigns: [{ match: 'herd health*', topics: ['Veterinary'] }, { match: 'stp-*', topics: ['tractors'], multiplier: 2 }] }));
    expect(r.campaign('Herd health webinar', 'hhw-1')).toEqual({ topics: ['veterinary'], multiplier: 1 });
    expect(r.campaign(undefined, 'stp-2026')).toEqual({ topics: ['tractors'], multiplier: 2 });
    expect(r.campaign('Other', undefined).topics).toEqual([]);
  });
});

describe('patterns', () => {
  it('match prefixes and `*` globs, case-insensitively, without backtracking blow-ups', () => {
    expect(compilePattern('agri.example.com/tractors')('agri.example.com/tractors/x9')).toBe(true);
    expect(compilePattern('*.example.com/*/x9')('agri.example.com/tractors/x9')).toBe(true);
    expect(compilePattern('*/careers')('agri.example.com/about')).toBe(false);
    expect(compilePattern('Herd*')('herd health')).toBe(true);
    const evil = compilePattern(`${'*a'.repeat(30)}*b`);
    expect(evil('a'.repeat(10_000))).toBe(false);
  });

  it('split URLs into a distinct-link key and a host/path target', () => {
    expect(parseLink('HTTPS://Agri.Example.com/Tractors/X9/?a=1#top')).toEqual({
      key: 'https://agri.example.com/Tractors/X9?a=1',
      hostPath: 'agri.example.com/tractors/x9',
      path: '/tractors/x9',
      segments: ['tractors', 'x9'],
    });
  });
});
