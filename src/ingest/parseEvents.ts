import { LeadrankError } from '../model/errors.js';
import type { ProviderAdapter } from './adapter.js';
import { createCollector } from './collector.js';
import type { Container, IngestInput } from './container.js';
import { readContainer } from './container.js';
import { detectContainer, detectSample, sampleKeys } from './detect.js';
import type { EventMapping } from './mapping.js';
import { resolveMapping } from './mapping.js';
import { genericAdapter } from './providers/generic.js';
import { PROVIDERS } from './providers/index.js';
import { leadrank } from './providers/leadrank.js';
import type { FormatDetection, IngestResult } from './result.js';
import { isTimeZone } from './zones.js';

/** Options of {@link parseEvents}. */
export interface ParseEventsOptions {
  /**
   * `auto` (detect the provider), a provider name (`sendgrid`, `mailchimp`, `mailgun`, `leadrank`, …),
   * or `csv` / `json` / `ndjson` / `generic` for the generic reader with `mapping` (or guessed columns).
   * @default 'auto'
   */
  format?: string;
  /** Columns for the generic reader; with `format: 'auto'` it selects the generic reader. */
  mapping?: EventMapping;
  /** IANA zone for times written without a zone (Mailchimp CSV, Brevo `date`, …). @default UTC, with a note */
  timezone?: string;
}

const GENERIC = ['csv', 'json', 'ndjson', 'generic'];

/**
 * Reads email-engagement events from a provider export or webhook body (text, UTF-8 bytes, or
 * already-parsed objects) into canonical events. Never throws on a bad record: it becomes a rejection
 * with a code; `meta` accounts for every record. Throws `LeadrankError` only for misuse (unknown
 * format or time zone, a mapped column the file lacks, a shape no reader recognises).
 *
 * @example
 * const { events, rejected, meta } = parseEvents(sendgridBody);
 * meta.format //=> 'sendgrid'
 */
export function parseEvents(input: IngestInput, options: ParseEventsOptions = {}): IngestResult {
  const format = checkOptions(options);
  const hint = format === 'csv' || format === 'json' || format === 'ndjson' ? format : undefined;
  const container = readContainer(input, hint);
  const { adapter, detection } = chooseAdapter(container, options);
  const collector = createCollector(adapter, { container: container.kind, timezone: options.timezone, detection });
  for (const item of container.items) collector.add(item);
  return collector.finish();
}

/**
 * Validates the options and returns the format name (`auto` when absent).
 *
 * @example
 * checkOptions({ format: 'sendgrid' }) //=> 'sendgrid'
 */
export function checkOptions(options: ParseEventsOptions, file?: string): string {
  const format = options.format ?? 'auto';
  const known = ['auto', ...PROVIDERS.map((p) => p.name), leadrank.name, ...GENERIC];
  const where = file === undefined ? {} : { file };
  if (!known.includes(format)) {
    throw new LeadrankError([{ code: 'unknown_format', ...where, field: 'format', message: `must be one of ${known.join(', ')} (got ${JSON.stringify(format)})` }]);
  }
  if (options.timezone !== undefined && !isTimeZone(options.timezone)) {
    throw new LeadrankError([{ code: 'invalid_timezone', ...where, field: 'timezone', message: `must be an IANA time zone such as "Europe/Berlin" (got ${JSON.stringify(options.timezone)})` }]);
  }
  return format;
}

/**
 * The adapter for a container under `options` (detecting it for `auto`), and how it was chosen.
 *
 * @example
 * chooseAdapter(readContainer(text), { format: 'auto' }).adapter.name //=> 'sendgrid'
 */
export function chooseAdapter(
  container: Container,
  options: ParseEventsOptions,
  file?: string,
): { adapter: ProviderAdapter; detection?: FormatDetection } {
  const format = options.format ?? 'auto';
  const keys = (): string[] => sampleKeys(detectSample(container));
  if (GENERIC.includes(format) || (format === 'auto' && options.mapping !== undefined)) {
    return { adapter: genericAdapter(resolveMapping(options.mapping, keys(), file)) };
  }
  if (format !== 'auto') {
    const named = [...PROVIDERS, leadrank].find((p) => p.name === format);
    if (named !== undefined) return { adapter: named };
  }
  const detection = detectContainer(container, file);
  const named = [...PROVIDERS, leadrank].find((p) => p.name === detection.format);
  return { adapter: named ?? genericAdapter(resolveMapping(undefined, keys(), file)), detection };
}
