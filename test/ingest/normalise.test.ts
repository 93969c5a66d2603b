import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalEmail, EMAIL_PATTERN } from '../../src/ingest/emails.js';
import { parseEvents } from '../../src/ingest/parseEvents.js';
import { parseTimestamp } from '../../src/ingest/timestamps.js';
import { FIXTURES } from './fixtures.js';

const utc = (iso: string): number => Date.parse(iso);

describe('parseTimestamp reads real-world time shapes', () => {
  const table: [string, unknown, string | undefined, string][] = [
    ['SendGrid unix seconds', 1513299569, undefined, '2017-12-15T00:59:29.000Z'],
    ['Mailgun float seconds', 1534108637.153125, undefined, '2018-08-12T21:17:17.153Z'],
    ['SparkPost seconds as a string', '1460989507', undefined, '2016-04-18T14:25:07.000Z'],
    ['HubSpot / Brevo epoch ms', 1550596005797, undefined, '2019-02-19T17:06:45.797Z'],
    ['epoch microseconds', 1550596005797123, undefined, '2019-02-19T17:06:45.797Z'],
    ['SES ISO with Z and ms', '2017-08-09T22:00:19.652Z', undefined, '2017-08-09T22:00:19.652Z'],
    ['Postmark 7 fraction digits', '2017-10-25T15:21:11.9065619Z', undefined, '2017-10-25T15:21:11.906Z'],
    ['Postmark offset', '2021-02-21T12:34:52-04:00', undefined, '2021-02-21T16:34:52.000Z'],
    ['Mailchimp +00:00', '2016-10-06T14:27:40+00:00', undefined, '2016-10-06T14:27:40.000Z'],
    ['SES legacy space and +0000', '2018-10-08T14:05:45 +0000', undefined, '2018-10-08T14:05:45.000Z'],
    ['Salesforce +0100 without colon', '2024-01-05T13:22:10.000+0100', undefined, '2024-01-05T12:22:10.000Z'],
    ['RFC 2822', 'Tue, 01 Jul 2003 10:52:37 +0200', undefined, '2003-07-01T08:52:37.000Z'],
    ['RFC 2822 named zone', '01 Jul 2003 10:52:37 EDT', undefined, '2003-07-01T14:52:37.000Z'],
    ['local time, no zone given: UTC', '2024-05-01 10:00:00', undefined, '2024-05-01T10:00:00.000Z'],
    ['local time in Berlin (summer)', '2024-05-01 10:00:00', 'Europe/Berlin', '2024-05-01T08:00:00.000Z'],
    ['local time in Berlin (winter)', '2024-01-15 10:00', 'Europe/Berlin', '2024-01-15T09:00:00.000Z'],
    ['DST gap New York: 02:30 does not exist, read as 03:30 EDT', '2024-03-10 02:30:00', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['DST overlap New York: 01:30 happens twice, the earlier (EDT)', '2024-11-03 01:30:00', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['DST gap Berlin', '2024-03-31 02:30', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    ['DST overlap Berlin: the earlier (CEST)', '2024-10-27 02:30', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['just after the Berlin overlap', '2024-10-27 03:00', 'Europe/Berlin', '2024-10-27T02:00:00.000Z'],
    ['US month-first with PM', '1/5/2024 1:30 PM', undefined, '2024-01-05T13:30:00.000Z'],
    ['day-first when the first number is over 12', '25/12/2024 08:00', undefined, '2024-12-25T08:00:00.000Z'],
    ['German dotted date', '31.10.2026 09:00', 'Europe/Berlin', '2026-10-31T08:00:00.000Z'],
    ['date only', '2024-05-01', undefined, '2024-05-01T00:00:00.000Z'],
    ['Lord Howe half-hour DST', '2024-01-01 12:00', 'Australia/Lord_Howe', '2024-01-01T01:00:00.000Z'],
  ];
  for (const [what, value, timezone, expected] of table) {
    it(`reads ${what}`, () => {
      const r = parseTimestamp(value, { timezone });
      expect(r.ok && new Date(r.at).toISOString()).toBe(expected);
    });
  }

  it('says when a time had no zone', () => {
    expect(parseTimestamp('2024-05-01 10:00:00')).toMatchObject({ ok: true, zoned: false });
    expect(parseTimestamp('2024-05-01T10:00:00Z')).toMatchObject({ ok: true, zoned: true });
  });

  const bad: unknown[] = ['', null, undefined, 'yesterday', '2024-02-30', '2024-13-01', '31/31/2024', 0, -5, 1e20, Number.NaN, {}, [], 'x'.repeat(10_000_000), '1'.repeat(100)];
  for (const value of bad) {
    it(`rejects ${typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : String(value)} with a code`, () => {
      const r = parseTimestamp(value);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toMatch(/^(missing|invalid)_timestamp$/);
    });
  }

  it('rejects instants outside 1990–2200 as implausible', () => {
    expect(parseTimestamp('1970-01-01T00:00:00Z').ok).toBe(false);
    expect(utc('2024-01-01')).toBeGreaterThan(0);
  });
});

describe('canonicalEmail', () => {
  it("checks with zod's own e-mail pattern (a copy, so reading loads no zod): the same source and flags", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });

  const good: [string, string][] = [
    ['  Ann.Lee@Example.COM ', 'ann.lee@example.com'],
    ['"Ann Lee" <Ann@Example.com>', 'ann@example.com'],
    ['Ann Lee <ann@example.com>', 'ann@example.com'],
    ['mailto:bob@example.org', 'bob@example.org'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ];
  for (const [input, out] of good) it(`canonicalises ${JSON.stringify(input)}`, () => expect(canonicalEmail(input)).toEqual({ ok: true, email: out }));

  const bad: [unknown, string][] = [
    ['', 'missing_email'],
    [undefined, 'missing_email'],
    ['not an address', 'invalid_email'],
    ['a@b', 'invalid_email'],
    ['a@@b.com', 'invalid_email'],
    ['.a@b.com', 'invalid_email'],
    ['a..b@c.com', 'invalid_email'],
    [42, 'invalid_email'],
    [`${'a'.repeat(300)}@x.com`, 'invalid_email'],
    [`${'a'.repeat(10_000_000)}@x.com`, 'invalid_email'],
  ];
  for (const [input, code] of bad) {
    it(`rejects ${typeof input === 'string' ? JSON.stringify(input.slice(0, 20)) : String(input)} as ${code}`, () => {
      expect(canonicalEmail(input)).toMatchObject({ ok: false, code });
    });
  }
});

describe("leadrank's canonical events", () => {
  const scenario = join(FIXTURES, 'scenario', 'events.ndjson');
  it.runIf(existsSync(scenario))('round-trip: the scenario events read back unchanged', () => {
    const text = readFileSync(scenario, 'utf8');
    const original = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    const r = parseEvents(text);
    expect(r.meta.format).toBe('leadrank');
    expect(r.rejected).toEqual([]);
    const strip = (e: Record<string, unknown>): string => JSON.stringify({ ...e, source: undefined });
    expect(r.events.map((e) => strip(e)).sort()).toEqual(original.map(strip).sort().filter((v, i, a) => a.indexOf(v) === i));
    const again = parseEvents(r.events.map((e) => JSON.stringify(e)).join('\n'));
    expect(again.events.map((e) => strip(e))).toEqual(r.events.map((e) => strip(e)));
  });
});
