import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/memory.js';

describe('collectGarbage (the CLI workers, between the read, the dedupe and the scoring)', () => {
  it('frees ArrayBuffers no longer referenced, at once, without a command-line flag', () => {
    const before = process.memoryUsage().arrayBuffers;
    let chunks: Uint8Array[] | undefined = Array.from({ length: 64 }, () => new Uint8Array(1 << 20).fill(1));
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThan(60 << 20);
    chunks.length = 0;
    chunks = undefined;
    collectGarbage();
    collectGarbage(); // a second call reuses what the first found
    // V8 sweeps freed ArrayBuffers on a background thread: they are gone once it has run (at most 5 s
    // here, however loaded the machine; without the collection they stay, as nothing else allocates).
    const started = Date.now();
    return new Promise<void>((done) => {
      const look = (): void => {
        const held = process.memoryUsage().arrayBuffers - before;
        if (held < 16 << 20 || Date.now() - started > 5000) {
          expect(held).toBeLessThan(16 << 20);
          done();
        } else setTimeout(look, 20);
      };
      look();
    });
  });
});
