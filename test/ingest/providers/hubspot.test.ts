import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/ingest/detect.js';
import { parseEvents } from '../../../src/ingest/parseEvents.js';

const ev = (type: string, id: string, extra: Record<string, unknown> = {}) => ({ type, id, created: 1714557600000, recipient: 'A@x.com', portalId: 1, emailCampaignId: 42, sentBy: { id: 'sent-1', created: 1714554000000 }, ...extra });

describe('the HubSpot adapter', () => {
  it('marks filtered opens and clicks as machine traffic from the provider flag, and nothing else', () => {
    const r = parseEvents({ events: [ev('OPEN', 'o', { filteredEvent: true }), ev('CLICK', 'c', { filteredEvent: false, url: 'https://x.com' }), ev('DELIVERED', 'd', { filteredEvent: true })], hasMore: false });
    expect(r.meta.format).toBe('hubspot');
    const byType = Object.fromEntries(r.events.map((e) => [e.type, [e.machine, e.machineReason]]));
    expect(byType).toEqual({ delivered: [undefined, undefined], open: [true, 'provider_flag'], click: [undefined, undefined] });
  });

  it('collapses the same event on overlapping pages by id and created, and keys every event to its send', () => {
    const page = { events: [ev('OPEN', 'o1'), ev('SENT', 'sent-1', { created: 1714554000000 })], hasMore: true, offset: 'abc' };
    const r = parseEvents([page, page]);
    expect(r.meta).toMatchObject({ records: 4, events: 2, duplicates: 2 });
    expect(r.events.map((e) => [e.type, e.message, e.campaign])).toEqual([['sent', 'sent-1', '42'], ['open', 'sent-1', '42']]);
  });

  it('detects a plain array of events without the page envelope', () => {
    expect(detectFormat(JSON.stringify([ev('OPEN', 'o1'), ev('CLICK', 'c1')])).format).toBe('hubspot');
  });

  it('classes bounces by category and ignores queued, dropped and deferred events', () => {
    const r = parseEvents(
      [ev('BOUNCE', 'b1', { category: 'UNKNOWN_USER' }), ev('BOUNCE', 'b2', { category: 'MAILBOX_FULL' }), ev('BOUNCE', 'b3', { category: 'UNCATEGORIZED' }), ev('PROCESSED', 'p'), ev('DROPPED', 'x'), ev('DEFERRED', 'y')],
      { format: 'hubspot' },
    );
    expect(r.events.map((e) => e.bounce)).toEqual(['hard', 'soft', undefined]);
    expect(r.meta.ignored).toEqual({ deferred: 1, not_sent: 1, queued: 1 });
  });
});
