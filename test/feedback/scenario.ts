import { readFileSync } from 'node:fs';
import type { CallOutcomeInput } from '../../src/model/outcome.js';
import { scenario } from '../score/scenario.js';

/** The shared scenario plus its call outcomes (fixtures/scenario/outcomes.json). */
export const feedbackScenario = {
  ...scenario,
  outcomes: JSON.parse(readFileSync(new URL('../../fixtures/scenario/outcomes.json', import.meta.url), 'utf8')) as CallOutcomeInput[],
};
