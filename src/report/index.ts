// The report stage's public exports (re-exported by src/index.ts).
export {};
export { renderCampaignReportMarkdown } from './campaignReportMarkdown.js';
export { renderCampaignReportJson } from './campaignReportJson.js';
export { renderSegmentsMarkdown } from './segmentsMarkdown.js';
export { renderSegmentsJson } from './segmentsJson.js';
export { callListsToCsv, CALL_LIST_COLUMNS } from './callListsCsv.js';
export type { NamedFile, StreamedFile } from './files.js';
export { allocationToJson } from './allocationJson.js';
export { allocationToMarkdown } from './allocationMarkdown.js';
export { safeCell, toSafeCsv } from './csvSafe.js';
export { renderCampaignReportCsv, renderRepFollowUpCsv, CAMPAIGN_REPORT_COLUMNS, REP_FOLLOW_UP_COLUMNS } from './campaignReportCsv.js';
export { renderSegmentsCsv, SEGMENT_COLUMNS } from './segmentsCsv.js';
