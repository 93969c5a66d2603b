// The allocate stage's public exports (re-exported by src/index.ts).
export { allocateCalls } from './allocateCalls.js';
export type { AllocateOptions } from './options.js';
export { ALLOCATE_DEFAULTS } from './defaults.js';
export { STRATEGIES, solveOptimal, solveRoundRobin, solveGreedy, buildProblem, assignmentValue } from './strategies/index.js';
export type { AssignmentProblem, AssignmentVector, AssignmentStrategy, StrategyName } from './strategies/index.js';
export { matchTerritories, matchRule, matchPostal } from './territory.js';
export type { TerritoryDefinitions } from './territory.js';
export { suggestCallWindow } from './callWindow.js';
export { repAvailability } from './availability.js';
export type { RepAvailability } from './availability.js';
export type {
  Allocation,
  AllocationStats,
  AssignmentWhy,
  CallEntry,
  CallList,
  CallWindow,
  EntryDetails,
  ExpertiseMatch,
  LeadLike,
  RepLike,
  RepStats,
  UnassignedLead,
  UnassignedReason,
} from './types.js';
