import { describe, expect, it } from 'vitest';
import { TableExchange } from '../../src/cli/tableThreads.js';
import type { RankedFields } from '../../src/score/rank.js';

const key = (contact: string, score: number, lastEngagement?: number): RankedFields => ({ contact, score, lastEngagement });

describe('TableExchange (where the threads meet)', () => {
  it('tells each part how many of its best are in the overall top N, once every part has posted', async () => {
    const exchange = new TableExchange(3, 4);
    // Each part's best in ranking order: score desc, last engagement desc (none last), contact asc.
    const a = exchange.best(0, [key('a1@x.io', 9), key('a2@x.io', 5, 20), key('a3@x.io', 5)]);
    const b = exchange.best(1, [key('b1@x.io', 7), key('b2@x.io', 5, 10), key('b3@x.io', 1)]);
    let settled = false;
    void a.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // part 2 has not posted
    const c = exchange.best(2, []);
    // Overall: a1 (9), b1 (7), a2 (5, last 20), b2 (5, last 10) | a3 (5, none), b3.
    expect(await Promise.all([a, b, c])).toEqual([2, 2, 0]);
  });

  it('breaks ties on the address and keeps every key when the top is larger than all', async () => {
    const tie = new TableExchange(2, 1);
    const [x, y] = await Promise.all([tie.best(0, [key('b@x.io', 3, 5)]), tie.best(1, [key('a@x.io', 3, 5)])]);
    expect([x, y]).toEqual([0, 1]);
    const all = new TableExchange(2); // no top: every key
    expect(await Promise.all([all.best(0, [key('a@x.io', 1), key('c@x.io', 0)]), all.best(1, [key('b@x.io', 2)])])).toEqual([2, 1]);
  });

  it('rejects every wait, the rows traded and the best compared, when a part fails', async () => {
    const exchange = new TableExchange(2, 10);
    const best = exchange.best(0, [key('a@x.io', 1)]);
    const inbox = exchange.inbox(1);
    const failure = new Error('part 1 stopped');
    exchange.fail(failure);
    await expect(best).rejects.toBe(failure);
    await expect(inbox).rejects.toBe(failure);
    await expect(exchange.best(1, [])).rejects.toBe(failure); // and every later wait
  });
});
