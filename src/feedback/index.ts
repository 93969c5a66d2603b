// The feedback stage's public exports (re-exported by src/index.ts).
export { summarizeOutcomes, CONNECTED_DISPOSITIONS } from './outcomes.js';
export type { SummarizeOutcomesOptions, OutcomeSummary, LastOutcome } from './outcomes.js';
export { FEEDBACK_DEFAULTS } from './defaults.js';
export { callHistories, reachedStages, FUNNEL_STAGES } from './callHistory.js';
export type { CallHistory, CallHistories, FunnelRules, FunnelStage } from './callHistory.js';
export { buildSegments } from './segments.js';
export type { BuildSegmentsOptions, Segment, SegmentMember, SegmentExclusion, SegmentsResult } from './segments.js';
export { SegmentConditionSchema, SegmentRuleSchema, SegmentsConfigSchema, DEFAULT_SEGMENT_RULES, SEGMENT_FLAGS } from './segmentRules.js';
export type { SegmentCondition, SegmentRule, SegmentRuleInput, SegmentsConfig, SegmentsConfigInput, SegmentFlag } from './segmentRules.js';
export { assembleCampaignReport } from './campaignReport.js';
export type { CampaignReport, CampaignReportRow, CampaignReportNotes, CampaignReportParts, LinkReport, TopicReport } from './campaignReport.js';
export type { EmailStats, HumanMachine } from './campaignStats.js';
export type { FunnelCounts } from './funnel.js';
export type { CampaignRates } from './rates.js';
export type { RepFollowUp } from './repFollowUp.js';
