import type { z } from 'zod';

/** Where a problem was found: any of file, row (1-based data row or array index) and field. */
export interface IssueLocation {
  file?: string;
  row?: number;
  field?: string;
}

/** One problem with an input, as data. */
export interface LeadrankIssue extends IssueLocation {
  /** A snake_case code, stable across versions (e.g. `invalid_value`, `missing_column`). */
  code: string;
  /** A sentence a person can act on. */
  message: string;
}

/** Formats a location as `reps.csv row 4: capacity` (parts that are unknown are left out). */
export function formatLocation(loc: IssueLocation): string {
  const parts: string[] = [];
  if (loc.file !== undefined) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  const head = parts.join(' ');
  if (loc.field === undefined) return head;
  return head ? `${head}: ${loc.field}` : loc.field;
}

/**
 * The one error class leadrank throws, for misuse: wrong options, an unreadable config, a column
 * that the whole file lacks. Bad data rows are never thrown; they are returned as rejections.
 *
 * @example
 * throw new LeadrankError([{ code: 'invalid_value', file: 'reps.csv', row: 4, field: 'capacity',
 *   message: 'must be a whole number ≥ 0 (got "ten")' }]);
 * //=> Error: leadrank: reps.csv row 4: capacity must be a whole number ≥ 0 (got "ten")
 */
export class LeadrankError extends Error {
  override readonly name = 'LeadrankError';
  readonly issues: readonly [LeadrankIssue, ...LeadrankIssue[]];

  constructor(issues: readonly [LeadrankIssue, ...LeadrankIssue[]] | string, code = 'invalid_usage') {
    const list: [LeadrankIssue, ...LeadrankIssue[]] =
      typeof issues === 'string' ? [{ code, message: issues }] : [...issues];
    super(`leadrank: ${list.map(describeIssue).join('; ')}`);
    this.issues = list;
  }
}

function describeIssue(issue: LeadrankIssue): string {
  const where = formatLocation(issue);
  return where ? `${where} ${issue.message}` : issue.message;
}

/** Shows a value in an error message, shortened, as `"ten"` or `12`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Turns zod issues into leadrank issues that name the field and the value that was given. */
export function issuesFromZod(error: z.ZodError, input: unknown, loc: IssueLocation = {}): [LeadrankIssue, ...LeadrankIssue[]] {
  const out = error.issues.map((issue): LeadrankIssue => {
    const path = issue.path.map(String);
    const field = [loc.field, ...path].filter((p) => p !== undefined && p !== '').join('.') || undefined;
    const value = valueAt(input, issue.path);
    const message = `${issue.message} (got ${showValue(value)})`;
    return { ...loc, ...(field === undefined ? {} : { field }), code: zodCode(issue.code), message };
  });
  return out.length > 0
    ? (out as [LeadrankIssue, ...LeadrankIssue[]])
    : [{ ...loc, code: 'invalid_value', message: error.message }];
}

function zodCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Parses `input` with `schema` and returns the typed value, or throws a {@link LeadrankError}
 * whose message names the file, row, field and value.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, loc: IssueLocation = {}): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new LeadrankError(issuesFromZod(result.error, input, loc));
}
