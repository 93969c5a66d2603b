// The report stage's public exports (re-exported by src/index.ts).
export {};
export { renderCampaignReportMarkdown } from './campaignReportMarkdown.js';
export { renderCampaignReportJson } from './campaignReportJson.js';
export { renderSegmentsMarkdown } from './segmentsMarkdown.js';
export { renderSegmentsJson } from './segmentsJson.js';
