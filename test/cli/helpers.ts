import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** The scenario exports (fixtures/scenario/exports), the CLI's working directory in these tests. */
export const EXPORTS = new URL('../../fixtures/scenario/exports/', import.meta.url).pathname;
export const AS_OF = '2026-11-23T12:00:00Z';
/** The three event files of the scenario, read the way a user reads them. */
export const EVENT_ARGS = ['sendgrid-webhook.json', 'mailgun-events.json', 'website-activity.csv', '--mapping', 'website-mapping.json', '--timezone', 'Europe/Berlin'];
export const SCENARIO_ARGS = [...EVENT_ARGS, '--contacts', 'contacts.csv', '--config', 'leadrank.json', '--as-of', AS_OF];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output, a fixed clock (2026-11-23T12:00:00Z) and `cwd`.
 *
 * @example
 * const { code, stdout } = await run(['score', ...SCENARIO_ARGS]);
 */
export async function run(argv: readonly string[], options: { cwd?: string; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false, columns: 120 },
    cwd: options.cwd ?? EXPORTS,
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'leadrank-cli-'));
}

/** Every file in a folder (recursively) by relative name → content. */
export function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readTree(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}
