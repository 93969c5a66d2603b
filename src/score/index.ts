// The score stage's public exports (re-exported by src/index.ts).
export { ScoringModelSchema, LinkRuleSchema, CampaignRuleSchema, FitRuleSchema, FIT_OPERATORS } from './schema.js';
export type { ScoringModel, ScoringModelInput, LinkRule, CampaignRule, FitRule } from './schema.js';
export { defaultScoringModel, resolveScoringModel } from './resolve.js';
export type { ResolveScoringModelOptions } from './resolve.js';
export { scoreContacts } from './scoreContacts.js';
export { createScorer, restoreScorer } from './createScorer.js';
export type { Scorer, ScorerJson, ScoreOptions } from './scorer.js';
export { classifyMachineEvents } from './classifyMachineEvents.js';
export type { ClassifyMachineOptions } from './classifyMachineEvents.js';
export { contactFeatures } from './contactFeatures.js';
export type { ContactFeatures } from './contactFeatures.js';
export { compareScoredContacts } from './rank.js';
export type { RankedFields } from './rank.js';
export { MACHINE_REASONS } from './machine.js';
