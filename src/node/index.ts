/** leadrank/node: files and streams, on top of the pure core. */
export * from '../index.js';
