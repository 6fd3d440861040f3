/**
 * What the in-page panel may ask of the database, by name. The panel iframe lives in a third-party context where
 * browsers block its own storage (Chromium blocks it, Firefox partitions it), so it reaches the one database of the
 * extension origin through the background (`server.ts`). Only the reads and repository writes listed here cross.
 */
import type { CrmRef } from '../../domain/schemas';
import { loadClientBundle, loadRecordContext } from '../queries';
import { createClientForRecord, linkRecord, recordDealStage } from '../repos/clients';
import { logDecision } from '../repos/decisions';
import {
  acceptHandoff,
  ensureHandoff,
  markIncompleteAtClose,
  recordDealWon,
  rejectHandoff,
  setHandoffOwners,
  setHandoffValue,
  submitHandoff,
} from '../repos/handoffs';
import { editObjective, ensureObjective, markObjectiveReviewed, signObjective } from '../repos/objectives';
import { removeStakeholder, saveStakeholder } from '../repos/stakeholders';
import type { BatonDb } from '../schema';
import { loadSyncStatus } from '../../sync/status';

/** Live reads: each is re-run (and its answer re-sent) whenever the rows behind it change. */
export const queries = {
  recordContext: (db: BatonDb, ref: CrmRef) => loadRecordContext(db, ref),
  /** A record's context and, when linked, its client's bundle: one round trip on every navigation. */
  recordView: async (db: BatonDb, ref: CrmRef) => {
    const context = await loadRecordContext(db, ref);
    return { context, bundle: context.client ? await loadClientBundle(db, context.client.id) : null };
  },
  clientBundle: (db: BatonDb, clientId: string) => loadClientBundle(db, clientId),
  /** The sync status line's facts (the panel describes them with `describeSyncStatus`). */
  syncStatus: (db: BatonDb) => loadSyncStatus(db),
  /** Names only: enough to pick a client to link a record to. */
  clientNames: async (db: BatonDb) => (await db.clients.orderBy('name').toArray()).map((c) => ({ id: c.id, name: c.name })),
};

/** Writes: repository calls, each one transaction. */
export const ops = {
  createClientForRecord,
  linkRecord,
  recordDealStage,
  ensureHandoff,
  setHandoffValue,
  setHandoffOwners,
  submitHandoff,
  acceptHandoff,
  rejectHandoff,
  markIncompleteAtClose,
  recordDealWon,
  ensureObjective,
  editObjective,
  signObjective,
  markObjectiveReviewed,
  saveStakeholder,
  removeStakeholder,
  logDecision,
};

export type Queries = typeof queries;
export type Ops = typeof ops;
export type QueryName = keyof Queries;
export type OpName = keyof Ops;

type Rest<F> = F extends (db: BatonDb, ...args: infer A) => unknown ? A : never;
/** The arguments of a query or op, without the database. */
export type ArgsOf<F> = Rest<F>;
