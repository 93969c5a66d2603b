/**
 * The reducer's state: per contact, the events the score needs in a compact form (no ids, no user
 * agents, no IPs), plus per-message delivery times and per-campaign link sets, so that machine
 * classification can run at finalize with all the evidence, whatever the partition of the input.
 */

import type { HitInfo } from './evaluate.js';

/** One event kept for scoring: everything except `sent` and `delivered`. */
export interface Hit {
  at: number;
  type: string;
  message: string | undefined;
  campaign: string | undefined;
  url: string | undefined;
  /** Classified as machine on arrival: provider flag, Apple MPP or bot user agent. */
  pre: string | undefined;
  bounce: 'hard' | 'soft' | undefined;
  /** Index of the input event (only for `classifyMachineEvents`; never serialized). */
  ref: number;
  /** What its type, bounce, message, campaign and URL give under the scorer's model, when known already (a table's rows; never serialized). */
  info?: HitInfo | undefined;
}

/** What the scorer keeps about one contact. */
export interface ContactState {
  hits: Hit[];
  /** Events per type that are not hits (`sent`, `delivered`). */
  counts: Map<string, number>;
  /** Events after `asOf`: not counted, reported. */
  future: number;
  /** Earliest `sent`/`delivered` per message key. */
  delivered: Map<string, number>;
}

/** The key machine and repeat rules group by: the message id, else the campaign. */
export const messageKey = (h: { message?: string | undefined; campaign?: string | undefined }): string | undefined =>
  h.message ?? h.campaign;

/** The key the "every link clicked" rule collects a send's links by: the campaign, else the message. */
export const campaignKey = (h: { message?: string | undefined; campaign?: string | undefined }): string | undefined =>
  h.campaign ?? h.message;

export function newContactState(): ContactState {
  return { hits: [], counts: new Map(), future: 0, delivered: new Map() };
}

const cmpStr = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/** A total order on hits (time, type, message, campaign, url, machine reason, bounce). */
export function compareHits(a: Hit, b: Hit): number {
  return (
    a.at - b.at ||
    cmpStr(a.type, b.type) ||
    cmpStr(a.message, b.message) ||
    cmpStr(a.campaign, b.campaign) ||
    cmpStr(a.url, b.url) ||
    cmpStr(a.pre, b.pre) ||
    cmpStr(a.bounce, b.bounce)
  );
}

/** Compares strings by UTF-16 code units (locale-independent). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A hit as JSON: `[at, type, message, campaign, url, pre, bounce]`, `null` for absent fields. */
export type HitJson = [number, string, string | null, string | null, string | null, string | null, 'hard' | 'soft' | null];

export function hitToJson(h: Hit): HitJson {
  return [h.at, h.type, h.message ?? null, h.campaign ?? null, h.url ?? null, h.pre ?? null, h.bounce ?? null];
}

export function hitFromJson(j: HitJson): Hit {
  return {
    at: j[0],
    type: j[1],
    message: j[2] ?? undefined,
    campaign: j[3] ?? undefined,
    url: j[4] ?? undefined,
    pre: j[5] ?? undefined,
    bounce: j[6] ?? undefined,
    ref: -1,
  };
}
