/**
 * Safe reads from untrusted records: own keys only (never the prototype chain, so `__proto__`,
 * `constructor` and friends are plain data), no mutation, no recursion.
 */

/** A plain object with string keys (arrays and null are not records). */
export type Obj = Readonly<Record<string, unknown>>;

/**
 * True for a non-null, non-array object.
 *
 * @example
 * isObj({ a: 1 }) //=> true
 */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of the first own key of `obj` among `keys` that is present and not `null`/`''`.
 *
 * @example
 * pick({ email: '', recipient: 'a@x.com' }, 'email', 'recipient') //=> 'a@x.com'
 */
export function pick(obj: unknown, ...keys: string[]): unknown {
  if (!isObj(obj)) return undefined;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const v = obj[key];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/**
 * Follows a path of own keys, e.g. `at(rec, 'client-info', 'bot')`.
 *
 * @example
 * at({ a: { b: 1 } }, 'a', 'b') //=> 1
 */
export function at(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (!isObj(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/**
 * A value as a trimmed non-empty string (numbers are written in decimal), or `undefined`.
 *
 * @example
 * text(42) //=> '42'
 */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * A boolean from `true/false`, `yes/no`, `y/n`, `1/0`, `on/off` (any case), or `undefined`.
 *
 * @example
 * flag('Yes') //=> true
 */
export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'on', 't', 'ja', 'oui', 'si', 'sí'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'off', 'f', 'nein', 'non'].includes(v)) return false;
  return undefined;
}

/**
 * Keeps only the defined properties, so optional fields stay absent (exactOptionalPropertyTypes).
 *
 * @example
 * compact({ a: 1, b: undefined }) //=> { a: 1 }
 */
export function compact<T extends object>(obj: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

/**
 * A key normalised for header matching: lower case, letters and digits only (`E-mail Address` → `emailaddress`).
 *
 * @example
 * looseKey(' First Name ') //=> 'firstname'
 */
export function looseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * `table[key]` for own keys only, so `__proto__` or `constructor` never reach the prototype.
 *
 * @example
 * own({ open: 'open' }, '__proto__') //=> undefined
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
