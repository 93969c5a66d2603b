// The feedback stage's public exports (re-exported by src/index.ts).
export { summarizeOutcomes, CONNECTED_DISPOSITIONS } from './outcomes.js';
export type { SummarizeOutcomesOptions, OutcomeSummary, LastOutcome } from './outcomes.js';
