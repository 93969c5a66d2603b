import type { ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials } from '../draft.js';
import { commonEventType, foldEventName } from '../eventTypes.js';
import type { Obj } from '../fields.js';
import { at, compact, flag, isObj, looseKey, own, text } from '../fields.js';
import type { EventMapping } from '../mapping.js';

const CUSTOM_TYPE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The generic reader for any CSV / JSON / NDJSON of events, driven by a column mapping (given or
 * guessed, see `resolveMapping`). Event values go through `mapping.types`, then common spellings
 * (`Opened` → open); any other simple word is kept as a custom type (`reply`), with a run note.
 *
 * @example
 * const adapter = genericAdapter({ contact: 'E-mail Address', type: 'Activity', at: 'When' });
 */
export function genericAdapter(mapping: EventMapping): ProviderAdapter {
  const types = new Map<string, string>();
  for (const [k, v] of Object.entries(mapping.types ?? {})) {
    types.set(k, v);
    types.set(foldEventName(k), v);
  }
  const column = (rec: Obj, name: string | undefined): unknown => (name === undefined ? undefined : read(rec, name));
  const eventTypeOf = (cell: unknown, ctx: RecordContext): { type: string; raw: string } | RecordResult => {
    const raw = mapping.type === undefined ? mapping.defaultType : text(cell) ?? mapping.defaultType;
    if (raw === undefined) return reject('missing_event_type', `${mapping.type ?? 'type'} is empty: no event type`, mapping.type);
    const type = types.get(raw) ?? types.get(foldEventName(raw)) ?? commonEventType(raw) ?? custom(raw, ctx);
    if (type === undefined) {
      const shown = raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
      return reject('unknown_event_type', `${mapping.type ?? 'type'} ${JSON.stringify(shown)} is not an event type; map it with mapping.types`, mapping.type);
    }
    if (type.startsWith('ignored:')) return ignore(type.slice('ignored:'.length));
    return { type, raw };
  };
  const adapter: ProviderAdapter = {
    name: 'generic',
    label: 'Generic CSV / JSON / NDJSON with a column mapping',
    eventTypes: Object.freeze({ ...(mapping.types ?? {}) }),
    detect: () => ({ score: 0, reasons: [] }),
    normalize(rec: unknown, ctx: RecordContext): RecordResult {
      if (!isObj(rec)) return reject('not_an_object', 'is not an object with named fields');
      const typed = eventTypeOf(column(rec, mapping.type), ctx);
      if ('kind' in typed) return typed;
      const { type, raw } = typed;
      const base = essentials(column(rec, mapping.contact), column(rec, mapping.at), ctx, { contact: mapping.contact, at: mapping.at });
      if ('kind' in base) return base;
      const machine = flag(column(rec, mapping.machine));
      return emit(
        compact({
          contact: base.contact,
          type,
          at: base.at,
          campaign: text(column(rec, mapping.campaign)),
          message: text(column(rec, mapping.message)),
          url: text(column(rec, mapping.url)),
          id: text(column(rec, mapping.id)),
          userAgent: text(column(rec, mapping.userAgent)),
          ip: text(column(rec, mapping.ip)),
          machine: machine === true ? true : undefined,
          machineReason: machine === true ? 'provider_flag' : undefined,
          bounce: type === 'bounce' ? bounceClass(column(rec, mapping.bounce), raw) : undefined,
        }),
      );
    },
  };
  GENERIC_PARTS.set(adapter, { mapping, eventTypeOf, bounceOf: bounceClass, read });
  return adapter;
}

/** What a reader needs to apply a generic adapter's rules column by column (see `genericParts`). */
export interface GenericParts {
  mapping: EventMapping;
  /** The type cell's canonical type (and the raw name), or the rejection / ignore of the record. */
  eventTypeOf(cell: unknown, ctx: RecordContext): { type: string; raw: string } | RecordResult;
  /** The bounce class from the bounce cell, else from the raw type name. */
  bounceOf(cell: unknown, rawType: string): 'hard' | 'soft' | undefined;
  /** A column of a record by exact key, loose key or dotted path, as `normalize` reads it. */
  read(rec: Obj, name: string): unknown;
}

const GENERIC_PARTS = new WeakMap<ProviderAdapter, GenericParts>();

/**
 * @internal The mapping and column rules of an adapter made by `genericAdapter`, so that a columnar
 * reader applies exactly the rules `normalize` applies; `undefined` for any other adapter.
 */
export function genericParts(adapter: ProviderAdapter): GenericParts | undefined {
  return GENERIC_PARTS.get(adapter);
}

/** A column by exact own key, else by loose key (`E-mail` = `email`), else a dotted path. */
function read(rec: Obj, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(rec, name)) return rec[name];
  const loose = looseKey(name);
  for (const k of Object.keys(rec)) if (looseKey(k) === loose) return rec[k];
  return name.includes('.') ? at(rec, ...name.split('.')) : undefined;
}

function custom(raw: string, ctx: RecordContext): string | undefined {
  const folded = foldEventName(raw);
  if (!CUSTOM_TYPE.test(folded)) return undefined;
  ctx.note('event types outside the common list were kept as custom types (map them with mapping.types)');
  return folded;
}

function bounceClass(value: unknown, typeName: string): 'hard' | 'soft' | undefined {
  const v = (text(value) ?? typeName).toLowerCase();
  if (/hard|permanent/.test(v)) return 'hard';
  if (/soft|temporary|transient/.test(v)) return 'soft';
  return own({ hard: 'hard', soft: 'soft' } as const, v);
}
