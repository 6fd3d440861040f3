/**
 * The one Dexie schema module: every table of DOMAIN.md, plus `crmLinks`, the sync `outbox`, per-row field `clocks`
 * and `meta`. A shipped `version(n)` is never edited: add `version(n + 1)` with an upgrade.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  Client,
  CrmLink,
  Deal,
  Decision,
  Handoff,
  HandoffTemplate,
  LifecycleEvent,
  Objective,
  Stakeholder,
} from '../domain/schemas';
import type { Mutation } from '../sync/shared/protocol';
import type { TriageSummary } from '../triage/summary';

/** One pending mutation, kept until the server acknowledges its id. */
export interface OutboxRow {
  /** The mutation id (per install, rising by exactly 1). */
  id: number;
  mutation: Mutation;
  createdAt: number;
}

/** Per-field clocks of one row, so remote edits merge field by field (`lib/sync/shared/merge.ts`). */
export interface ClockRow {
  /** `<table>/<key>` */
  id: string;
  fields: Record<string, string>;
  /** Tombstone clock when the row was deleted. */
  deleted?: string;
  /**
   * The sync field values of a row that is not in its table (deleted, or merged into something not yet valid), so
   * a later put that revives or completes it merges with what was there, as the server's merge does.
   */
  shadow?: Record<string, unknown>;
}

/**
 * A share of the triage's per-client summaries (`lib/triage/store.ts`): every client whose id hashes to
 * `bucket`, as the JSON text of a `TriageSummary[]`. Sixteen texts read in a few milliseconds where 5,000 rows
 * take a hundred or more.
 */
export interface TriageBucketRow {
  bucket: number;
  summaries: string;
}

/**
 * One client's summary rebuilt since its bucket was written (null: the client is gone). It overrides the bucket's,
 * so a refresh of a few clients writes a few small rows instead of rewriting buckets; they are folded into the
 * buckets now and then.
 */
export interface TriageRecentRow {
  clientId: string;
  summary: TriageSummary | null;
}

/** A client whose triage summary must be rebuilt: one of its rows changed since. */
export interface TriageDirtyRow {
  clientId: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type BatonDb = Dexie & {
  clients: EntityTable<Client, 'id'>;
  crmLinks: EntityTable<CrmLink, 'id'>;
  deals: EntityTable<Deal, 'id'>;
  handoffs: EntityTable<Handoff, 'id'>;
  stakeholders: EntityTable<Stakeholder, 'id'>;
  objectives: EntityTable<Objective, 'id'>;
  templates: EntityTable<HandoffTemplate, 'id'>;
  decisions: EntityTable<Decision, 'id'>;
  events: EntityTable<LifecycleEvent, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  clocks: EntityTable<ClockRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  /** Local only, never synced or exported: the triage's per-client summaries, derived from the tables above. */
  triage: EntityTable<TriageBucketRow, 'bucket'>;
  triageRecent: EntityTable<TriageRecentRow, 'clientId'>;
  triageDirty: EntityTable<TriageDirtyRow, 'clientId'>;
};

export const DB_NAME = 'baton';

/** Open (lazily) a Baton database; tests pass a fresh name each. */
export function createDb(name = DB_NAME): BatonDb {
  const db = new Dexie(name) as BatonDb;
  db.version(1).stores({
    clients: 'id, name',
    crmLinks: 'id, clientId, dealId',
    deals: 'id, clientId',
    handoffs: 'id, clientId, dealId, status, kind',
    stakeholders: 'id, clientId',
    objectives: 'id, clientId',
    templates: 'id',
    decisions: 'id, clientId, decidedAt, reopens',
    events: 'id, clientId, [clientId+name], name, at',
    outbox: 'id',
    clocks: 'id',
    meta: 'key',
  });
  // The triage's summaries start empty and unversioned: the first refresh (`refreshTriage`) builds them all.
  db.version(2)
    .stores({
      triage: 'bucket',
      triageRecent: 'clientId',
      triageDirty: 'clientId',
    })
    // Links made before `recordId` existed: the record id is the last part of their key (`crmLinkKey`).
    .upgrade((tx) =>
      tx
        .table('crmLinks')
        .toCollection()
        .modify((l: { id: string; recordId?: string }) => {
          l.recordId ??= l.id.slice(l.id.lastIndexOf(':') + 1);
        }),
    );
  return db;
}
