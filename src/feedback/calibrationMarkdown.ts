import type { CalibrationResult } from './calibrate.js';

/**
 * Renders a calibration as Markdown for the person who decides whether to adopt it: how many contacts
 * it learned from, the ranking quality (AUC) of the current and the calibrated points on held-out and
 * training contacts, and the points per feature, biggest first. Says plainly when the calibrated
 * points do not rank held-out contacts better.
 *
 * @param result - the output of `calibrateWeights`
 * @returns Markdown text ending in a newline
 * @example
 * renderCalibrationMarkdown(cal).split('\n')[0] //=> '# Calibration'
 */
export function renderCalibrationMarkdown(result: CalibrationResult): string {
  const out = ['# Calibration', ''];
  const labels = result.labels === 'won_lost' ? 'won against lost' : 'interested, meeting or won against not interested or lost';
  const at = result.featuresAt === 'first_call' ? "as of each contact's first call" : `as of ${new Date(result.asOf).toISOString()}`;
  out.push(`As of ${new Date(result.asOf).toISOString()}. Labels: ${labels}. Features ${at}.`, '');
  const c = result.counts;
  out.push('| contacts | positive | negative |', '| --- | ---: | ---: |');
  out.push(`| training | ${c.train.positive} | ${c.train.negative} |`, `| held out | ${c.holdout.positive} | ${c.holdout.negative} |`, '');
  out.push(`Also: ${c.unlabelled} contacts with calls but no label, ${c.withoutEvents} labelled contacts without events, ${c.outcomesAfterAsOf} outcomes after the as-of time left out.`, '');
  const auc = (v: number | null): string => (v === null ? '—' : v.toFixed(4));
  out.push('| ranking quality (AUC) | current points | calibrated points |', '| --- | ---: | ---: |');
  out.push(`| held-out contacts | ${auc(result.holdoutAuc.before)} | ${auc(result.holdoutAuc.after)} |`);
  out.push(`| training contacts | ${auc(result.trainAuc.before)} | ${auc(result.trainAuc.after)} |`, '');
  const { before, after } = result.holdoutAuc;
  if (before === null || after === null) out.push('The held-out part lacks a class, so the calibration could not be checked on contacts it did not see.', '');
  else if (after <= before) out.push('**The calibrated points do not rank held-out contacts better than the current ones: keep the current model.**', '');
  if (!result.converged) out.push(`The fit stopped after ${result.iterations} steps without converging; treat the points with care.`, '');
  out.push('## Points per feature', '');
  out.push('| feature | current | calibrated | status |', '| --- | ---: | ---: | --- |');
  const rows = result.features
    .filter((f) => f.name !== 'fixed')
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of rows) out.push(`| ${f.name} | ${f.defaultPoints} | ${f.points} | ${f.status.replace('_', ' ')} |`);
  out.push('', 'Adopt it by merging `config` into the scoring config (`weights.events`, `weights.topics`).', '');
  return out.join('\n');
}
