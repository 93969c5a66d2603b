/**
 * leadrank: the pure core. Schemas, adapters on strings and objects, scoring, allocation, feedback
 * and reports. No `node:` modules, no clock, no randomness, no I/O: it runs unchanged in Node,
 * browsers and edge runtimes.
 */
export * from './model/index.js';
export * from './ingest/index.js';
export * from './score/index.js';
export * from './allocate/index.js';
export * from './feedback/index.js';
export * from './report/index.js';
