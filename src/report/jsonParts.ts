/**
 * Pretty JSON in pieces: the same bytes as `` `${JSON.stringify(value, null, 2)}\n` ``, made while
 * they are written. Arrays and plain objects down to `depth` levels are opened here, one piece per
 * element; below that each element is one `JSON.stringify` call. A 60 MB allocation is thus never one
 * string, nor held as a tree of partial strings.
 *
 * Values are what JSON.stringify accepts; an object with a `toJSON` method is left whole to
 * JSON.stringify, which calls it with `''` as its key rather than the property name.
 *
 * @example
 * [...prettyJsonParts({ a: [1, 2] }, 2)].join('') === `${JSON.stringify({ a: [1, 2] }, null, 2)}\n` //=> true
 */
export function* prettyJsonParts(value: unknown, depth: number): Generator<string> {
  yield* partsOf(value, '', depth) ?? ['undefined']; // as the template literal writes JSON.stringify(undefined)
  yield '\n';
}

/** The pieces of one value, or `undefined` when JSON.stringify leaves it out (undefined, a function). */
function partsOf(value: unknown, indent: string, depth: number): Iterable<string> | undefined {
  if (depth > 0 && opened(value)) return Array.isArray(value) ? arrayParts(value, indent, depth) : objectParts(value as Record<string, unknown>, indent, depth);
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined ? undefined : [indented(json, indent)];
}

function* arrayParts(values: readonly unknown[], indent: string, depth: number): Generator<string> {
  if (values.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  for (let i = 0; i < values.length; i += 1) {
    yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
    yield* partsOf(values[i], inner, depth - 1) ?? ['null'];
  }
  yield `\n${indent}]`;
}

function* objectParts(record: Record<string, unknown>, indent: string, depth: number): Generator<string> {
  const inner = `${indent}  `;
  let open = false;
  for (const k of Object.keys(record)) {
    const parts = partsOf(record[k], inner, depth - 1);
    if (parts === undefined) continue;
    yield `${open ? ',\n' : '{\n'}${inner}${JSON.stringify(k)}: `;
    open = true;
    yield* parts;
  }
  yield open ? `\n${indent}}` : '{}';
}

/** Arrays and plain objects without toJSON are opened; anything else is left to JSON.stringify. */
function opened(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** JSON text has no raw line breaks inside strings, so every `\n` starts a line to indent. */
function indented(json: string, indent: string): string {
  return indent === '' || !json.includes('\n') ? json : json.replace(/\n/g, `\n${indent}`);
}
