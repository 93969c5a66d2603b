// The ingest stage's public exports (re-exported by src/index.ts).
export type { ProviderAdapter, EventDraft, DetectSample, Detection, RecordContext, RecordResult, ContainerKind } from './adapter.js';
export { emit, ignore, reject } from './adapter.js';
export type { IngestInput } from './container.js';
export type { IngestResult, IngestMeta, Rejection, FormatDetection } from './result.js';
export { parseEvents } from './parseEvents.js';
export type { ParseEventsOptions } from './parseEvents.js';
export { detectFormat } from './detect.js';
export type { EventMapping } from './mapping.js';
export { guessMapping } from './mapping.js';
export { canonicalEmail } from './emails.js';
export type { EmailResult } from './emails.js';
export { parseTimestamp } from './timestamps.js';
export type { TimestampOptions, TimestampResult } from './timestamps.js';
export { PROVIDERS } from './providers/index.js';
export { genericAdapter } from './providers/generic.js';
