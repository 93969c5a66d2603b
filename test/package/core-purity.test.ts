import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The core (`leadrank`) must run unchanged in browsers and edge runtimes: no `node:` modules, no
// clock, no randomness, no environment. Bundling it for the browser platform proves the first; a scan
// of the bundle (our code only, dependencies excluded) proves the rest.
describe('the core entry', () => {
  it('bundles for the browser with no node: module and reads no clock, randomness or environment', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      // Dependencies are checked by their own platform fields; we scan only our own code.
      packages: 'external',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.startsWith('src/node/') || f.startsWith('src/cli/'))).toBe(false);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.filter((p) => p.startsWith('node:') || ['fs', 'path', 'zlib', 'stream', 'os'].includes(p))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(|process\.env|crypto\.getRandomValues/);
  });
});
