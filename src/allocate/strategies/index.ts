import { solveGreedy } from './greedy.js';
import { solveOptimal } from './optimal.js';
import type { AssignmentStrategy } from './problem.js';
import { solveRoundRobin } from './roundRobin.js';

/** The built-in strategies by name. Pass a function as `strategy` to plug in your own. */
export const STRATEGIES: Readonly<Record<'optimal' | 'round-robin' | 'greedy', AssignmentStrategy>> = Object.freeze({
  optimal: solveOptimal,
  'round-robin': solveRoundRobin,
  greedy: solveGreedy,
});

export type StrategyName = keyof typeof STRATEGIES;
export { solveOptimal, solveRoundRobin, solveGreedy };
export { buildProblem, assignmentValue } from './problem.js';
export type { AssignmentProblem, AssignmentVector, AssignmentStrategy } from './problem.js';
