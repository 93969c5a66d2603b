/** One output file: a name and its text. The Node layer writes them; the core never touches files. */
export interface NamedFile {
  name: string;
  content: string;
}

/**
 * An output file whose text comes in pieces, made as they are read: a million-row `allocation.json`
 * or `unassigned.csv` is written without ever being one string. `parts` is read once.
 */
export interface StreamedFile {
  name: string;
  parts: Iterable<string>;
}

/** A file as one string: the pieces of a {@link StreamedFile} joined, a {@link NamedFile} as it is. */
export function wholeFile(file: NamedFile | StreamedFile): NamedFile {
  if ('content' in file) return file;
  let content = '';
  for (const part of file.parts) content += part;
  return { name: file.name, content };
}
