import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NamedFile } from '../report/callListsCsv.js';
import { LeadrankError } from '../model/errors.js';

/**
 * Writes named files (as the report functions return them) into a folder, creating it. Returns the
 * paths written, in order. A file name with a path separator is refused.
 *
 * @example
 * await writeFiles('lists', callListsToCsv(allocation)) //=> ['lists/call-lists.csv', …]
 */
export async function writeFiles(dir: string, files: readonly NamedFile[]): Promise<string[]> {
  for (const f of files) {
    if (/[\\/]/.test(f.name) || f.name === '' || f.name === '.' || f.name === '..') {
      throw new LeadrankError([{ code: 'invalid_file_name', field: 'name', message: `must be a plain file name (got ${JSON.stringify(f.name)})` }]);
    }
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unwritable_dir', file: dir, message: `cannot be created: ${why}` }]);
  }
  const written: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    await writeFile(path, f.content);
    written.push(path);
  }
  return written;
}
