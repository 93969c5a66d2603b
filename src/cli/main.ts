import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHelp } from './args.js';
import { parseCommandArgs } from './args.js';
import { calibrateCommand } from './calibrate.js';
import type { Command, CommandContext } from './context.js';
import { detectCommand } from './detect.js';
import { EXIT, UsageError, describeError } from './exitCodes.js';
import { initCommand } from './init.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { listsCommand } from './lists.js';
import { reportCommand } from './report.js';
import { scoreCommand } from './score.js';
import { segmentsCommand } from './segments.js';

export type { CliIo, CliStream } from './io.js';
export { EXIT } from './exitCodes.js';

/** The commands, in the order `leadrank --help` lists them. */
export const COMMANDS: readonly Command[] = [listsCommand, scoreCommand, reportCommand, segmentsCommand, calibrateCommand, detectCommand, initCommand];

const VERSION = '0.1.0';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'leadrank: turn e-mail engagement exports into scored, explained call lists for sales reps.',
    '',
    'Usage: leadrank <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `leadrank <command> --help` for its options and an example.',
    '',
    'Exit codes: 0 success, 1 usage or configuration error (the message says what to fix),',
    '            2 too many rejected records (--max-rejected).',
    '',
    'Example:',
    '  leadrank lists sendgrid.json mailchimp.json --reps reps.csv --contacts contacts.csv --out-dir lists/',
    '',
  ].join('\n');
}

/**
 * Runs the CLI: `argv` without the node and script paths. Returns the exit code (0 ok, 1 usage or
 * configuration error, 2 data errors past `--max-rejected`); never throws, never calls `process.exit`.
 * Errors show no stack trace unless `--debug`.
 *
 * @example
 * const code = await main(['score', 'events.ndjson', '--as-of', '2026-11-23'], { cwd: '/work', now: () => new Date(0) });
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...processIo(), ...io };
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      full.stdout.write(target ? helpOf(target) : topHelp());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      full.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) {
      throw new UsageError(`unknown command ${JSON.stringify(name)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
    const args = parseCommandArgs(command.name, command.options, rest);
    if (args.values['help'] === true) {
      full.stdout.write(helpOf(command));
      return EXIT.ok;
    }
    const quiet = args.values['quiet'] === true;
    const ctx: CommandContext = { io: full, args, quiet, info: (line) => void (quiet ? undefined : full.stderr.write(`${line}\n`)) };
    return await command.run(ctx);
  } catch (error) {
    const { code, message } = describeError(error, debug);
    full.stderr.write(`${message}\n`);
    return code;
  }
}

function helpOf(c: Command): string {
  return renderHelp({ usage: c.usage, description: c.description, options: c.options, examples: c.examples });
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
