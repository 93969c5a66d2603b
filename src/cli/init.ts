import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ALLOCATE_DEFAULTS } from '../allocate/defaults.js';
import { SegmentsConfigSchema } from '../feedback/segmentRules.js';
import { writeOneFile } from '../node/writeFiles.js';
import { defaultScoringModel } from '../score/resolve.js';
import { COMMON_OPTIONS, stringOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { UsageError } from './exitCodes.js';
import { shownPath } from './output.js';

/** Where `init` points `$schema`: the schema shipped in the installed package. */
export const SCHEMA_REFERENCE = './node_modules/leadrank/dist/leadrank.schema.json';

/**
 * The starter config: every default of scoring, allocation and segments spelled out, and `$schema`.
 *
 * @example
 * starterConfig().allocation.cooldownDays //=> 7
 */
export function starterConfig(schema = SCHEMA_REFERENCE) {
  const { strategy, noTerritoryPolicy, expertise, ownership, ownerFactor, minScore, cooldownDays, fairness, businessHours, reasons } = ALLOCATE_DEFAULTS;
  return {
    $schema: schema,
    scoring: defaultScoringModel,
    allocation: { strategy, territories: {}, noTerritoryPolicy, expertise, ownership, ownerFactor, minScore, cooldownDays, fairness, businessHours, reasons },
    segments: SegmentsConfigSchema.parse({}),
  };
}

/** `leadrank init`: writes leadrank.json with every default. */
export const initCommand: Command = {
  name: 'init',
  summary: 'Write a starter leadrank.json with every default spelled out',
  usage: 'leadrank init [--out FILE] [--force]',
  description:
    'Writes a config with every default of scoring, allocation and segments, and a $schema reference so editors\n' +
    'autocomplete and check it. Change what you need, delete the rest: missing fields take their defaults.',
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Where to write it (default leadrank.json).' },
    force: { type: 'boolean', description: 'Overwrite an existing file.' },
    schema: { type: 'string', value: 'REF', description: `The $schema reference (default ${SCHEMA_REFERENCE}).` },
    ...COMMON_OPTIONS,
  },
  examples: ['leadrank init', 'leadrank init --out config/leadrank.json --force'],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.positionals.length > 0) throw new UsageError(`init takes no files (got ${ctx.args.positionals.join(' ')}); use --out FILE`, 'init');
  const path = resolve(ctx.io.cwd, stringOption(ctx.args, 'out') ?? 'leadrank.json');
  const exists = await access(path).then(() => true, () => false);
  if (exists && ctx.args.values['force'] !== true) {
    throw new UsageError(`${shownPath(path, ctx.io.cwd)} already exists: pass --force to overwrite it, or --out another file`, 'init');
  }
  await writeOneFile(path, `${JSON.stringify(starterConfig(stringOption(ctx.args, 'schema')), null, 2)}\n`, { createDir: true });
  ctx.info(`Wrote ${shownPath(path, ctx.io.cwd)}: every default spelled out; pass it with --config.`);
  return 0;
}
