import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/ingest/detect.js';
import { parseEvents } from '../../../src/ingest/parseEvents.js';

const mail = (destination: string[]) => ({ messageId: 'm-1', timestamp: '2024-05-01T09:00:00.000Z', destination, tags: { campaign: ['spring'] } });
const open = (destination: string[]) => ({ eventType: 'Open', mail: mail(destination), open: { timestamp: '2024-05-01T10:00:00.000Z', ipAddress: '203.0.113.1', userAgent: 'UA' } });
const sns = (record: unknown, id = 'sns-1') => ({ Type: 'Notification', MessageId: id, TopicArn: 'arn:aws:sns:us-east-1:1:t', Message: JSON.stringify(record) });

describe('the Amazon SES adapter', () => {
  it('reads one SNS HTTP POST body: the SES record inside Message, parsed twice', () => {
    const r = parseEvents(JSON.stringify(sns(open(['Ann@X.com']))));
    expect(r.meta.format).toBe('ses');
    expect(r.events).toMatchObject([{ contact: 'ann@x.com', type: 'open', at: Date.parse('2024-05-01T10:00:00.000Z'), campaign: 'spring', message: 'm-1', ip: '203.0.113.1', userAgent: 'UA' }]);
  });

  it('reads SNS → Lambda events and EventBridge events the same way', () => {
    const lambda = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', Sns: { Type: 'Notification', TopicArn: 'arn', Message: JSON.stringify(open(['a@x.com'])) } }] };
    const bridge = { version: '0', source: 'aws.ses', 'detail-type': 'Email Opened', detail: open(['a@x.com']) };
    for (const input of [lambda, bridge]) {
      expect(detectFormat(JSON.stringify(input)).format).toBe('ses');
      expect(parseEvents(input, { format: 'ses' }).events.map((e) => [e.contact, e.type])).toEqual([['a@x.com', 'open']]);
    }
  });

  it('gives a delivery one event per recipient, and a bounce an id per recipient from feedbackId', () => {
    const delivery = { eventType: 'Delivery', mail: mail(['a@x.com', 'b@x.com']), delivery: { timestamp: '2024-05-01T09:00:01Z', recipients: ['a@x.com', 'b@x.com'] } };
    const bounce = { eventType: 'Bounce', mail: mail(['a@x.com', 'b@x.com']), bounce: { bounceType: 'Transient', feedbackId: 'fb-1', timestamp: '2024-05-01T09:00:02Z', bouncedRecipients: [{ emailAddress: 'a@x.com' }, { emailAddress: 'b@x.com' }] } };
    const r = parseEvents([delivery, bounce, bounce], { format: 'ses' });
    expect(r.events.map((e) => [e.contact, e.type, e.id, e.bounce])).toEqual([
      ['a@x.com', 'delivered', undefined, undefined],
      ['b@x.com', 'delivered', undefined, undefined],
      ['a@x.com', 'bounce', 'fb-1:a@x.com', 'soft'],
      ['b@x.com', 'bounce', 'fb-1:b@x.com', 'soft'],
    ]);
    expect(r.meta.duplicates).toBe(2);
  });

  it('attributes an open of a message sent to several addresses to each of them, and says so in a note', () => {
    const r = parseEvents([open(['a@x.com', 'b@x.com'])], { format: 'ses' });
    expect(r.events.map((e) => e.contact)).toEqual(['a@x.com', 'b@x.com']);
    expect(r.meta.notes.join(' ')).toMatch(/attributed to each of them/);
    expect(parseEvents([open(['a@x.com'])], { format: 'ses' }).meta.notes).toEqual([]);
  });

  it('reads Rendering Failure however it is spelled, and a legacy notificationType bounce', () => {
    const names = ['Rendering Failure', 'RenderingFailure', 'RENDERING_FAILURE'];
    const r = parseEvents(names.map((eventType) => ({ eventType, mail: mail(['a@x.com']), failure: { errorMessage: 'x' } })), { format: 'ses' });
    expect(r.meta.ignored).toEqual({ not_sent: 3 });
    const legacy = { notificationType: 'Bounce', mail: mail(['a@x.com']), bounce: { bounceType: 'Permanent', timestamp: '2016-01-27T14:59:38.237Z', bouncedRecipients: [{ emailAddress: 'a@x.com' }] } };
    expect(parseEvents([legacy], { format: 'ses' }).events).toMatchObject([{ type: 'bounce', bounce: 'hard' }]);
  });

  it('ignores SNS subscription confirmations and rejects an envelope whose Message is not JSON', () => {
    const confirm = { Type: 'SubscriptionConfirmation', TopicArn: 'arn', Message: 'You have chosen to subscribe', SubscribeURL: 'https://sns' };
    const broken = { Type: 'Notification', TopicArn: 'arn', Message: '{"eventType":' };
    const r = parseEvents([confirm, broken], { format: 'ses' });
    expect(r.meta.ignored).toEqual({ subscription_confirmation: 1 });
    expect(r.rejected.map((x) => [x.record, x.code, x.field])).toEqual([[2, 'invalid_envelope', 'Message']]);
  });

  it('counts an unsubscribe only when the subscription record opts out', () => {
    const sub = (unsubscribeAll: boolean, status: string) => ({
      eventType: 'Subscription', mail: mail(['a@x.com']),
      subscription: { timestamp: '2024-05-02T08:00:00Z', newTopicPreferences: { unsubscribeAll, topicSubscriptionStatus: [{ topicName: 't', subscriptionStatus: status }] } },
    });
    const r = parseEvents([sub(true, 'OptIn'), sub(false, 'OptOut'), sub(false, 'OptIn')], { format: 'ses' });
    expect(r.events.map((e) => e.type)).toEqual(['unsubscribe']);
    expect(r.meta.duplicates).toBe(1);
    expect(r.meta.ignored).toEqual({ subscription_opt_in: 1 });
  });
});
