import type { Rep } from '../model/rep.js';
import { RepSchema } from '../model/rep.js';
import type { IngestInput } from './container.js';
import { isObj, text } from './fields.js';
import type { Rejection } from './result.js';
import type { RowResult, TableMeta } from './tables.js';
import { aliasMap, collectRows, resolveColumns, splitList, tableRows, zodRejection } from './tables.js';

/** Rep columns per field, matched whatever their case and spacing. @default see the source table */
export const REP_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  id: ['Rep ID', 'Rep', 'User ID', 'Owner ID', 'Username'],
  name: ['Full Name', 'Rep Name'],
  email: ['E-mail', 'Email Address'],
  territories: ['Territory', 'Territories', 'Regions', 'Sales Territory'],
  expertise: ['Skills', 'Topics', 'Products', 'Expertise Areas'],
  capacity: ['Daily Capacity', 'Calls', 'Max Calls', 'Calls Per Day', 'Call Capacity'],
  weight: ['Share'],
  timezone: ['Time Zone', 'TZ'],
  workingDays: ['Working Days', 'Days', 'Work Days'],
  workingHours: ['Working Hours', 'Hours', 'Work Hours'],
  start: ['Start', 'Work Start', 'Start Time'],
  end: ['End', 'Work End', 'End Time'],
  outOfOffice: ['Out of Office', 'OOO', 'Vacation', 'Absent', 'Away'],
});
const ALIASES = aliasMap(REP_COLUMNS);
const DAYS: Readonly<Record<string, number>> = Object.freeze({ mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7, mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6, so: 7 });

/**
 * Reads sales reps from CSV / JSON / NDJSON. In a CSV cell, territories, expertise, working days
 * (`Mon;Tue` or `1|2|3`) and out-of-office dates (`2026-11-20`, or a range `2026-11-20..2026-11-24`)
 * are lists separated by `;` or `|`; working hours are `09:00-17:00` or Start/End columns. A rep
 * without an id takes its e-mail or name. Bad rows are rejections naming row and field.
 *
 * @example
 * parseReps('id,territories,capacity\nrep-1,US South;US West,25').reps[0].territories //=> ['US South', 'US West']
 */
export function parseReps(input: IngestInput): { reps: Rep[]; rejected: Rejection[]; meta: TableMeta } {
  const { kind, rows } = tableRows(input);
  const { values, rejected, meta } = collectRows(kind, rows, (row) => buildRep(row));
  return { reps: values, rejected, meta };
}

function buildRep(row: unknown): RowResult<Rep> {
  if (!isObj(row)) return { ok: false, code: 'not_an_object', message: 'is not a row of named columns' };
  const cols = resolveColumns(Object.keys(row), ALIASES);
  const columnOf = (field: string): string => [...cols].find(([, f]) => f === field)?.[0] ?? field;
  const v: Record<string, unknown> = {};
  for (const [name, field] of cols) {
    const value = row[name];
    if (value !== undefined && value !== null && value !== '') v[field] = value;
  }
  const out: Record<string, unknown> = {};
  const id = text(v.id) ?? text(v.email) ?? text(v.name);
  if (id === undefined) return { ok: false, code: 'missing_id', message: 'has no id, e-mail or name', field: columnOf('id') };
  out.id = id;
  for (const f of ['name', 'email', 'timezone'] as const) if (text(v[f]) !== undefined) out[f] = text(v[f]);
  if (v.territories !== undefined) out.territories = Array.isArray(v.territories) ? v.territories : splitList(v.territories);
  if (v.expertise !== undefined) out.expertise = splitList(v.expertise);
  for (const f of ['capacity', 'weight'] as const) {
    if (v[f] === undefined) continue;
    const n = typeof v[f] === 'number' ? v[f] : Number(String(v[f]).trim());
    if (!Number.isFinite(n)) return { ok: false, code: 'invalid_value', message: `${columnOf(f)} must be a number (got ${JSON.stringify(String(v[f]))})`, field: columnOf(f) };
    out[f] = n;
  }
  if (v.workingDays !== undefined) {
    const days = splitList(v.workingDays).map((d) => (/^\d$/.test(d) ? Number(d) : DAYS[d.toLowerCase().slice(0, 3)] ?? DAYS[d.toLowerCase().slice(0, 2)] ?? Number.NaN));
    if (days.some((d) => !Number.isInteger(d))) return { ok: false, code: 'invalid_value', message: `${columnOf('workingDays')} must list weekdays (Mon;Tue or 1|2) (got ${JSON.stringify(String(v.workingDays))})`, field: columnOf('workingDays') };
    out.workingDays = days;
  }
  const hours = typeof v.workingHours === 'string' ? /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(v.workingHours) : null;
  if (hours) out.workingHours = { start: hours[1]!.padStart(5, '0'), end: hours[2]!.padStart(5, '0') };
  else if (isObj(v.workingHours)) out.workingHours = v.workingHours;
  else if (v.workingHours !== undefined) return { ok: false, code: 'invalid_value', message: `${columnOf('workingHours')} must be HH:MM-HH:MM (got ${JSON.stringify(String(v.workingHours))})`, field: columnOf('workingHours') };
  else if (v.start !== undefined || v.end !== undefined) out.workingHours = { start: text(v.start) ?? '09:00', end: text(v.end) ?? '17:00' };
  if (v.outOfOffice !== undefined) {
    out.outOfOffice = Array.isArray(v.outOfOffice)
      ? v.outOfOffice
      : splitList(v.outOfOffice).map((d) => {
          const range = /^(\S+)\s*(?:\.\.|\/|–| to )\s*(\S+)$/.exec(d);
          return range ? { from: range[1], to: range[2] } : d;
        });
  }
  const parsed = RepSchema.safeParse(out);
  return parsed.success ? { ok: true, value: parsed.data } : zodRejection(parsed.error, out, columnOf);
}
