import type { OptionSpecs, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** What a command gets: the surroundings, its parsed arguments, and a way to tell the user things. */
export interface CommandContext {
  io: CliIo;
  args: ParsedArgs;
  quiet: boolean;
  /** A line on stderr, unless `--quiet`. */
  info(line: string): void;
}

/** A CLI command: its name, one-line summary, options, help and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description: string;
  options: OptionSpecs;
  examples: readonly string[];
  /** Runs the command and returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}
