import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/ingest/detect.js';
import { parseEvents } from '../../../src/ingest/parseEvents.js';

const ev = (type: string, extra: Record<string, unknown> = {}) => ({ type, event_id: `e-${type}-${String(extra.bounce_class ?? '')}`, timestamp: '1714557600', rcpt_to: 'a@x.com', raw_rcpt_to: 'A@X.com', message_id: 'm-1', ...extra });

describe('the SparkPost adapter', () => {
  it('ignores the empty webhook test POST and counts it', () => {
    const r = parseEvents('[{"msys":{}}]');
    expect(r.meta).toMatchObject({ format: 'sparkpost', records: 1, events: 0, ignored: { webhook_test: 1 } });
  });

  it('reads unix seconds as a string or number and ISO times with an offset to the same instant', () => {
    const r = parseEvents([ev('open', { timestamp: '1714557600' }), ev('open', { timestamp: 1714557600 }), ev('open', { timestamp: '2024-05-01T12:00:00.000+02:00' })], { format: 'sparkpost' });
    expect(r.events.map((e) => e.at)).toEqual([1714557600000]);
    expect(r.meta.duplicates).toBe(2);
  });

  it('classes bounces by bounce_class and ignores admin and subscribe classes', () => {
    const r = parseEvents(['10', '22', '51', '1', '25', '80'].map((c) => ({ msys: { message_event: ev('bounce', { bounce_class: c }) } })), { format: 'sparkpost' });
    expect(Object.fromEntries(r.events.map((e) => [e.id, e.bounce]))).toEqual({ 'e-bounce-10': 'hard', 'e-bounce-22': 'soft', 'e-bounce-51': 'soft', 'e-bounce-1': undefined });
    expect(r.meta.ignored).toEqual({ suppressed: 2 });
  });

  it('decides by the inner type, not the class key, and falls back to raw_rcpt_to', () => {
    const r = parseEvents([{ msys: { message_event: ev('click', { rcpt_to: undefined, target_link_url: 'https://x.com/a' }) } }], { format: 'sparkpost' });
    expect(r.events).toMatchObject([{ contact: 'a@x.com', type: 'click', url: 'https://x.com/a', id: 'e-click-' }]);
  });

  it('detects flat Events API records given as NDJSON', () => {
    const ndjson = [ev('delivery'), ev('open')].map((e) => JSON.stringify(e)).join('\n');
    expect(detectFormat(ndjson).format).toBe('sparkpost');
    expect(parseEvents(ndjson).events.map((e) => e.type)).toEqual(['delivered', 'open']);
  });
});
