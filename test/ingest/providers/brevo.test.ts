import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../../src/ingest/parseEvents.js';

const tx = (event: string, extra: Record<string, unknown> = {}) => ({ event, email: 'A@x.com', id: 1, 'message-id': '<m-1@smtp-relay.mailin.fr>', ts_epoch: 1714557600000, ...extra });

describe('the Brevo adapter', () => {
  it('reads one POST body, strips the angle brackets of message-id, and takes ts_epoch in ms or s', () => {
    const r = parseEvents(JSON.stringify(tx('delivered')));
    expect(r.meta.format).toBe('brevo');
    expect(r.events).toMatchObject([{ contact: 'a@x.com', type: 'delivered', at: 1714557600000, message: 'm-1@smtp-relay.mailin.fr' }]);
    expect(parseEvents([tx('delivered', { ts_epoch: 1714557600 })], { format: 'brevo' }).events[0]?.at).toBe(1714557600000);
  });

  it('counts unique_opened and opened sent for the same view once, and flags proxy opens as machine', () => {
    const r = parseEvents([tx('unique_opened'), tx('opened'), tx('unique_proxy_open', { ts_epoch: 1714557700000 })], { format: 'brevo' });
    expect(r.events.map((e) => [e.type, e.machine])).toEqual([['open', undefined], ['open', true]]);
    expect(r.meta.duplicates).toBe(1);
  });

  it('reads the local date in the timezone option, and says so when it had to assume UTC', () => {
    const local = { event: 'click', email: 'a@x.com', date: '2024-05-01 12:00:00', link: 'https://x.com' };
    const paris = parseEvents([local], { format: 'brevo', timezone: 'Europe/Paris' });
    expect(paris.events[0]?.at).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect(paris.meta.notes).toEqual(['times had no zone; read as local time in Europe/Paris']);
    const assumed = parseEvents([local], { format: 'brevo' });
    expect(assumed.events[0]?.at).toBe(Date.parse('2024-05-01T12:00:00Z'));
    expect(assumed.meta.notes.join(' ')).toMatch(/pass the timezone option/);
  });

  it('takes the campaign from the marketing campaign name, else the tags, even a JSON-encoded tag string', () => {
    const r = parseEvents([tx('click', { 'campaign name': 'Spring ', link: 'https://a' }), tx('click', { tag: '["promo","q2"]', link: 'https://b' }), tx('click', { tags: ['t1'], link: 'https://c' })], { format: 'brevo' });
    expect(r.events.map((e) => e.campaign)).toEqual(['Spring', 'promo, q2', 't1']);
  });
});
