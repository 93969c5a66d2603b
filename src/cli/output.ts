import { extname, relative, resolve } from 'node:path';
import { writeOneFile } from '../node/writeFiles.js';
import type { CommandContext } from './context.js';

/**
 * Writes `content` to `--out` (creating its folder) or, without one, to stdout. Returns the path written.
 *
 * @example
 * await writeOutput(ctx, 'ranked.csv', csv) //=> '/work/ranked.csv'
 */
export async function writeOutput(ctx: CommandContext, out: string | undefined, content: string): Promise<string | undefined> {
  if (out === undefined || out === '-') {
    ctx.io.stdout.write(content);
    return undefined;
  }
  const path = resolve(ctx.io.cwd, out);
  await writeOneFile(path, content, { createDir: true });
  return path;
}

/**
 * The output format: `--format`, else the `--out` file's extension, else `fallback`.
 *
 * @example
 * formatFromOut(undefined, 'ranked.json', ['text', 'json', 'csv', 'md'], 'text') //=> 'json'
 */
export function formatFromOut<T extends string>(given: T | undefined, out: string | undefined, choices: readonly T[], fallback: T): T {
  if (given !== undefined) return given;
  const ext = out === undefined ? '' : extname(out).slice(1).toLowerCase();
  const byExt = (ext === 'markdown' ? 'md' : ext) as T;
  return choices.includes(byExt) ? byExt : fallback;
}

/**
 * A path as the user sees it: relative to the working directory when inside it.
 *
 * @example
 * shownPath('/work/lists/a.csv', '/work') //=> 'lists/a.csv'
 */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !resolve(rel).startsWith('..') ? rel : path;
}

/**
 * "Wrote N files to dir/" and the file names, for the summary.
 *
 * @example
 * wroteLines(['/w/lists/a.csv', '/w/lists/b.csv'], '/w/lists', '/w') //=> ['Wrote 2 files to lists/: a.csv, b.csv']
 */
export function wroteLines(paths: readonly string[], dir: string, cwd: string): string[] {
  const names = paths.map((p) => relative(dir, p));
  return [`Wrote ${paths.length} file${paths.length === 1 ? '' : 's'} to ${shownPath(dir, cwd)}/: ${names.join(', ')}`];
}
