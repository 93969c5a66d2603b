/** leadrank/node: files and streams, on top of the pure core. */
export * from '../index.js';
export { readEvents } from './readEvents.js';
export type { ReadEventsOptions, ReadProgress } from './readEvents.js';
export { readContacts, readReps, readOutcomes } from './readTables.js';
