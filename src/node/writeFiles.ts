import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NamedFile, StreamedFile } from '../report/files.js';
import { LeadrankError } from '../model/errors.js';

/**
 * Writes named files (as the report functions return them) into a folder, creating it. Returns the
 * paths written, in order. A file name with a path separator is refused, and a file that cannot be
 * written is a `LeadrankError` naming it (the files before it stay written). A {@link StreamedFile} is
 * written piece by piece as its parts are made, so it is never one string in memory.
 *
 * @example
 * await writeFiles('lists', callListsToCsv(allocation)) //=> ['lists/call-lists.csv', …]
 */
export async function writeFiles(dir: string, files: readonly (NamedFile | StreamedFile)[]): Promise<string[]> {
  for (const f of files) {
    if (/[\\/]/.test(f.name) || f.name === '' || f.name === '.' || f.name === '..') {
      throw new LeadrankError([{ code: 'invalid_file_name', field: 'name', message: `must be a plain file name (got ${JSON.stringify(f.name)})` }]);
    }
  }
  await makeDir(dir);
  const written: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    await writeOneFile(path, 'content' in f ? f.content : f.parts);
    written.push(path);
  }
  return written;
}

/**
 * Writes one file, whole or piece by piece, creating its folder when asked; any failure is a
 * `LeadrankError` that names the folder or the file (what every command that writes uses).
 *
 * @example
 * await writeOneFile('/work/out/ranked.csv', csv, { createDir: true })
 */
export async function writeOneFile(path: string, content: string | Iterable<string>, options: { createDir?: boolean } = {}): Promise<void> {
  if (options.createDir === true) await makeDir(dirname(path));
  try {
    if (typeof content === 'string') await writeFile(path, content);
    else await pipeline(Readable.from(batched(content), { objectMode: false }), createWriteStream(path));
  } catch (error) {
    if (error instanceof LeadrankError) throw error;
    throw new LeadrankError([{ code: 'unwritable_file', file: path, message: `cannot be written: ${reasonOf(error)}` }]);
  }
}

async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new LeadrankError([{ code: 'unwritable_dir', file: dir, message: `cannot be created: ${reasonOf(error)}` }]);
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Bytes per write: pieces are joined up to this size, so a million small pieces are a few dozen writes. */
const WRITE_SIZE = 1 << 20;

function* batched(parts: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= WRITE_SIZE) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}
