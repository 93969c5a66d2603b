import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: the pure core (`leadrank`) and the Node entry (`leadrank/node`), ESM + CJS + types.
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // lodash-es is ESM-only: bundle the few functions used so the CJS build can load them.
    noExternal: ['lodash-es'],
  },
  {
    // The CLI: one ESM file with a shebang, built on `leadrank/node`, and the worker thread it starts
    // for large CSV exports (`leadrank score --threads`).
    entry: { 'cli/main': 'src/cli/main.ts', 'cli/tableWorker': 'src/cli/tableWorker.ts' },
    format: ['esm'],
    // Each file whole, so the worker is found beside main.js (`new URL('./tableWorker.js', import.meta.url)`).
    splitting: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['lodash-es'],
  },
]);
