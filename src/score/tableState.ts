// What scoring and classification from an EventTable share: a contact's reducer state built from its
// rows, and the pass that collects each campaign's clicked links (the evidence of a machine rule).
import type { EventTable } from '../ingest/eventTable.js';
import type { scorerInternals } from './scorer.js';
import { hitInfo, kindsOf, type HitInfo } from './evaluate.js';
import type { MachineContext } from './machine.js';
import { newContactState, type ContactState, type Hit } from './state.js';

/** The links each campaign's people clicked up to `asOf` (the evidence of the all-links-clicked rule), into `s.campaignLinks` as `add` collects them. */
export function collectLinkEvidence(table: EventTable, s: ReturnType<typeof scorerInternals>): void {
  // Per type id (a name with a bounce class): whether it is a click.
  const isClick = table.types.map((t) => t === 'click');
  if (!isClick.includes(true)) return;
  // Per string id: the link key of a URL, the set of a campaign (or message); per pair, whether it is in.
  const linkKeys: (string | undefined)[] = [];
  const sets: (Set<string> | undefined)[] = [];
  const added = new Set<number>();
  const width = table.strings.length;
  for (let c = 0; c < table.contacts.length; c++) {
    const first = table.firstRow(c);
    for (let r = first; r < first + table.rowCount(c); r++) {
      if (!isClick[table.typeOf(r)]) continue;
      const url = table.urlOf(r);
      if (url < 0 || table.atOf(r) > s.asOf) continue;
      const campaign = table.campaignOf(r);
      const ck = campaign >= 0 ? campaign : table.messageOf(r);
      if (ck < 0) continue;
      const pair = ck * width + url;
      if (added.has(pair)) continue;
      added.add(pair);
      let set = sets[ck];
      if (set === undefined) {
        const name = table.strings[ck]!;
        set = s.campaignLinks.get(name);
        if (set === undefined) s.campaignLinks.set(name, (set = new Set()));
        sets[ck] = set;
      }
      set.add((linkKeys[url] ??= s.ctx.rules.link(table.strings[url]!).key));
    }
  }
}

/**
 * The {@link HitInfo} of a table's rows under one scorer, worked out once per distinct row of ids
 * (type, message, campaign, URL): a million rows have a few hundred. Its repeat-key ids are its
 * own, never reset, so a hit's key is the same for every contact.
 */
export class TableHitInfos {
  private readonly byIds = new Map<number | string, HitInfo>();
  private readonly kinds: ReturnType<typeof kindsOf>;
  private readonly ids = new Map<string, number>();
  /** Ids per part of a numeric key: the four ids fit an exact number while the strings are fewer than this. */
  private readonly width: number;

  constructor(
    table: EventTable,
    private readonly ctx: MachineContext,
  ) {
    this.kinds = kindsOf(ctx);
    this.width = table.strings.length + 1;
  }

  /** The info of `hit`, which a row of type id `type` and string ids `message`, `campaign`, `url` (-1 for none) made. */
  of(hit: Hit, type: number, message: number, campaign: number, url: number): HitInfo {
    const w = this.width;
    const key = w < 1 << 15 ? ((type * w + message + 1) * w + campaign + 1) * w + url + 1 : `${type},${message},${campaign},${url}`;
    let info = this.byIds.get(key);
    if (info === undefined) this.byIds.set(key, (info = hitInfo(hit, this.ctx, this.kinds, this.ids)));
    return info;
  }
}

/**
 * The reducer state `createScorer().add` would build from the rows of contact `contact` (with
 * `refs`, each hit's `ref` is its row's position among them; with `infos`, each hit carries its
 * {@link HitInfo}).
 */
export function tableContactState(table: EventTable, contact: number, asOf: number, refs = false, infos?: TableHitInfos): ContactState {
  const st = newContactState();
  const { types, strings } = table;
  // `sent` and `delivered` counted here, then put in `counts` (whose readers sort the types).
  let sent = 0;
  let delivered = 0;
  const first = table.firstRow(contact);
  const count = table.rowCount(contact);
  for (let k = 0; k < count; k++) {
    const r = first + k;
    const at = table.atOf(r);
    if (at > asOf) {
      st.future++;
      continue;
    }
    const typeId = table.typeOf(r);
    const type = types[typeId]!;
    const m = table.messageOf(r);
    const c = table.campaignOf(r);
    const message = m < 0 ? undefined : strings[m];
    const campaign = c < 0 ? undefined : strings[c];
    if (type === 'sent' || type === 'delivered') {
      if (type === 'sent') sent++;
      else delivered++;
      const key = message ?? campaign;
      if (key !== undefined) {
        const prev = st.delivered.get(key);
        if (prev === undefined || at < prev) st.delivered.set(key, at);
      }
      continue;
    }
    const u = table.urlOf(r);
    const hit: Hit = {
      at,
      type,
      message,
      campaign,
      url: u < 0 ? undefined : strings[u],
      pre: undefined,
      bounce: type === 'bounce' ? (table.bounceOfType(typeId) === 2 ? 'soft' : 'hard') : undefined,
      ref: refs ? k : -1,
      info: undefined,
    };
    if (infos !== undefined) hit.info = infos.of(hit, typeId, m, c, u);
    st.hits.push(hit);
  }
  if (sent > 0) st.counts.set('sent', sent);
  if (delivered > 0) st.counts.set('delivered', delivered);
  return st;
}
