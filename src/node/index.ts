/** leadrank/node: files and streams, on top of the pure core. */
export * from '../index.js';
export { readEvents } from './readEvents.js';
export type { ReadEventsOptions, ReadProgress } from './readEvents.js';
export { readContacts, readReps, readOutcomes } from './readTables.js';
export { writeFiles } from './writeFiles.js';
export { writeCallLists, callListFiles } from './writeCallLists.js';
export type { CallListFormat } from './writeCallLists.js';
export { writeSegments, segmentFiles } from './writeSegments.js';
export type { SegmentsFormat } from './writeSegments.js';
export { writeCampaignReport, campaignReportFiles } from './writeCampaignReport.js';
