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
  const whole = parts(value, '', depth);
  let any = false;
  for (const part of whole) {
    any = true;
    yield part;
  }
  if (!any) yield 'undefined'; // as the template literal writes JSON.stringify(undefined)
  yield '\n';
}

/** The pieces of one value; none when JSON.stringify would leave it out (undefined, a function). */
function* parts(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth <= 0 || !opened(value)) {
    const json = JSON.stringify(value, null, 2) as string | undefined;
    if (json !== undefined) yield indented(json, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i += 1) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      let any = false;
      for (const part of parts(value[i], inner, depth - 1)) {
        any = true;
        yield part;
      }
      if (!any) yield 'null';
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  let open = false;
  for (const k of Object.keys(record)) {
    const key = `${open ? ',\n' : '{\n'}${inner}${JSON.stringify(k)}: `;
    let first = true;
    for (const part of parts(record[k], inner, depth - 1)) {
      if (first) {
        yield key;
        open = true;
        first = false;
      }
      yield part;
    }
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
