import { parseArgs } from 'node:util';
import { UsageError } from './exitCodes.js';

/** One option of a command, as node:util `parseArgs` takes it, plus the text `--help` shows. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** What to write after the flag in help, e.g. `FILE`. */
  value?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpecs = Object.freeze({
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
  quiet: { type: 'boolean', short: 'q', description: 'Print nothing on stderr but errors (no progress, no summary).' },
  debug: { type: 'boolean', description: 'Show stack traces on errors.' },
});

/** Options of commands that read event files. */
export const EVENT_OPTIONS: OptionSpecs = Object.freeze({
  'input-format': { type: 'string', value: 'NAME', description: 'Format of the event files: auto (default), sendgrid, mailchimp, mailgun, ses, leadrank, csv, json, ndjson.' },
  mapping: { type: 'string', value: 'FILE', description: 'Column mapping (JSON) for event files no provider reader recognises, e.g. {"contact":"E-mail","type":"Activity","at":"When"}.' },
  timezone: { type: 'string', value: 'ZONE', description: 'IANA time zone for times written without one (e.g. Europe/Berlin). Default: UTC, with a note.' },
  rejected: { type: 'string', value: 'FILE', description: 'Write every rejected record (file, record, code, field, message, raw) to this CSV.' },
  'max-rejected': { type: 'string', value: 'N|P%', description: 'Fail with exit code 2 when more than N records (or P percent of all records) are rejected.' },
});

/** Options of commands that score. */
export const SCORING_OPTIONS: OptionSpecs = Object.freeze({
  contacts: { type: 'string', value: 'FILE', description: 'CRM contacts export (CSV/JSON; HubSpot, Salesforce, Act! headers).' },
  config: { type: 'string', short: 'c', value: 'FILE', description: 'leadrank.json (scoring, allocation, segments); see `leadrank init`.' },
  'as-of': { type: 'string', value: 'TIME', description: 'The moment to score for (ISO date or time). Default: now; the value used is printed.' },
});

/** The parsed command line: option values by name and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments with node:util `parseArgs` (strict). Unknown options and missing
 * values become a {@link UsageError} that names the command.
 *
 * @example
 * parseCommandArgs('score', { top: { type: 'string', description: '' } }, ['events.csv', '--top', '10'])
 * //=> { values: { top: '10' }, positionals: ['events.csv'] }
 */
export function parseCommandArgs(command: string, specs: OptionSpecs, argv: readonly string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(specs)) {
    options[name] = { type: s.type, ...(s.short === undefined ? {} : { short: s.short }), ...(s.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(text.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'), command);
  }
}

/**
 * A string option's value, or undefined.
 *
 * @example
 * stringOption({ values: { out: 'x.csv' }, positionals: [] }, 'out') //=> 'x.csv'
 */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A required string option, or a {@link UsageError} saying what it is for.
 *
 * @example
 * requireOption(args, 'reps', 'lists', 'the sales reps file (CSV or JSON)')
 */
export function requireOption(args: ParsedArgs, name: string, command: string, what: string): string {
  const v = stringOption(args, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required: ${what}`, command);
  return v;
}

/**
 * A whole-number option (≥ `min`), or a {@link UsageError}.
 *
 * @example
 * intOption(args, 'top', 'score', 1) //=> 10
 */
export function intOption(args: ParsedArgs, name: string, command: string, min = 0): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min} (got ${JSON.stringify(v)})`, command);
  return n;
}

/**
 * An option restricted to a few values, or a {@link UsageError} listing them.
 *
 * @example
 * choiceOption(args, 'format', 'lists', ['csv', 'json', 'md'], 'csv') //=> 'csv'
 */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, command: string, choices: readonly T[], fallback: T): T {
  const v = stringOption(args, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(v)})`, command);
  return v as T;
}

/**
 * The help text of a command: usage, description, options and examples.
 *
 * @example
 * renderHelp({ usage: 'leadrank init [--out FILE]', description: 'Writes a starter config.', options: specs, examples: ['leadrank init'] })
 */
export function renderHelp(help: { usage: string; description: string; options: OptionSpecs; examples: readonly string[] }): string {
  const rows = Object.entries(help.options).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.value ? ` ${s.value}` : ''}`;
    return [flag, s.description] as const;
  });
  const width = Math.min(32, Math.max(...rows.map(([f]) => f.length)) + 2);
  const lines = rows.map(([f, d]) => (f.length + 2 > width ? `  ${f}\n  ${' '.repeat(width)}${d}` : `  ${f.padEnd(width)}${d}`));
  return [`Usage: ${help.usage}`, '', help.description, '', 'Options:', ...lines, '', 'Examples:', ...help.examples.map((e) => `  ${e}`), ''].join('\n');
}
