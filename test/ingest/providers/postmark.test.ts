import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../../src/ingest/parseEvents.js';

const open = (ReceivedAt: string) => ({ RecordType: 'Open', MessageID: 'm-1', MessageStream: 'outbound', Recipient: 'a@x.com', ReceivedAt, Geo: { IP: '198.51.100.1' }, UserAgent: 'UA' });
const bounce = (Type: string, ID: number) => ({ RecordType: 'Bounce', ID, Type, Email: 'b@x.com', BouncedAt: '2024-05-01T09:00:00Z', MessageID: `m-${ID}` });

describe('the Postmark adapter', () => {
  it('reads one webhook POST body and takes the IP from Geo', () => {
    const r = parseEvents(JSON.stringify(open('2024-05-01T10:00:00Z')));
    expect(r.meta.format).toBe('postmark');
    expect(r.events).toMatchObject([{ contact: 'a@x.com', type: 'open', message: 'm-1', ip: '198.51.100.1', userAgent: 'UA' }]);
  });

  it('reads 7 fraction digits and offsets to the same instant, so a retry in another zone is a duplicate', () => {
    const r = parseEvents([open('2017-10-25T15:21:11.9065619Z'), open('2017-10-25T11:21:11.906-04:00')], { format: 'postmark' });
    expect(r.events.map((e) => e.at)).toEqual([Date.parse('2017-10-25T15:21:11.906Z')]);
    expect(r.meta.duplicates).toBe(1);
  });

  it('classes bounce Types as hard, soft, an unsubscribe, not a bounce, or not sent', () => {
    const r = parseEvents(
      [bounce('HardBounce', 1), bounce('SoftBounce', 2), bounce('DnsError', 3), bounce('Unknown', 4), bounce('Unsubscribe', 5), bounce('AutoResponder', 6), bounce('SMTPApiError', 7)],
      { format: 'postmark' },
    );
    expect(r.events.map((e) => [e.id, e.type, e.bounce])).toEqual([
      ['Bounce:1', 'bounce', 'hard'], ['Bounce:2', 'bounce', 'soft'], ['Bounce:3', 'bounce', 'soft'], ['Bounce:4', 'bounce', undefined], ['Bounce:5', 'unsubscribe', undefined],
    ]);
    expect(r.meta.ignored).toEqual({ not_a_bounce: 1, not_sent: 1 });
  });

  it('types records without RecordType by their keys, as older payloads need', () => {
    const r = parseEvents([{ MessageID: 'm', Recipient: 'a@x.com', DeliveredAt: '2024-05-01T09:00:00Z' }, { OriginalLink: 'https://x.com/a', Recipient: 'a@x.com', ReceivedAt: '2024-05-01T09:01:00Z' }], { format: 'postmark' });
    expect(r.events.map((e) => [e.type, e.url])).toEqual([['delivered', undefined], ['click', 'https://x.com/a']]);
  });

  it('counts a SubscriptionChange as an unsubscribe only when the recipient asked, and a reactivation as resubscribe', () => {
    const change = (SuppressSending: unknown, SuppressionReason: string | null, Origin: string) => ({ RecordType: 'SubscriptionChange', Recipient: 'a@x.com', ChangedAt: '2024-05-02T10:00:00Z', SuppressSending, SuppressionReason, Origin });
    const r = parseEvents(
      [change(true, 'ManualSuppression', 'Recipient'), change(true, 'HardBounce', 'Recipient'), change(true, 'ManualSuppression', 'Customer'), change(false, null, 'Customer'), change('maybe', null, 'Admin')],
      { format: 'postmark' },
    );
    expect(r.events.map((e) => e.type).sort()).toEqual(['resubscribe', 'unsubscribe']);
    expect(r.meta.ignored).toEqual({ suppressed: 2 });
    expect(r.rejected.map((x) => [x.code, x.field])).toEqual([['invalid_value', 'SuppressSending']]);
  });
});
