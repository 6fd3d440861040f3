/**
 * Everything a page may ask of the database, by name: live reads (`queries`) and writes (`ops`, repository calls,
 * each one transaction). Pages reach them only through the data hooks (`lib/hooks/data.tsx`), which run them on
 * the database itself on extension pages and through the background's port in the in-page panel
 * (`lib/data/port/`), whose frame may not open storage on a CRM site. Only the names in `PANEL_QUERIES` and
 * `PANEL_OPS` cross the port.
 *
 * Each entry loads its function on first use (a dynamic `import()`), so a page's first bundle carries none of the
 * code behind the names it does not call: the popup opens without the queue's rules, the triage without backups.
 */
import type { BatonDb } from '../db/schema';

export const queries = {
  /** A record's link, client and deal (all null while the record is not linked). */
  recordContext: () => import('../db/queries').then((m) => m.loadRecordContext),
  /** A record's context and, when linked, its client's bundle: one round trip on every navigation. */
  recordView: () => import('../db/queries').then((m) => m.loadRecordView),
  /** Everything about one client (the panel, the client page, the one-pager). */
  clientBundle: () => import('../db/queries').then((m) => m.loadClientBundle),
  /** Names only: enough to pick a client to link a record to. */
  clientNames: () => import('../db/queries').then((m) => m.loadClientNames),
  /** The link of one CRM record, or null. */
  recordLink: () => import('../db/queries').then((m) => m.loadRecordLink),
  /** The sync status line's facts (pages describe them with `describeSyncStatus`). */
  syncStatus: () => import('../sync/status').then((m) => m.loadSyncStatus),
  /** Every client's id, name and CRM ids, for the popup's search. */
  searchableClients: () => import('../search/query').then((m) => m.loadSearchableClients),
  /** One client's stakeholders and recent decisions with their circulations, for the decision form. */
  clientDecisionContext: () => import('../decisions/context').then((m) => m.loadClientDecisionContext),
  /** My queue and the links of its clients. */
  myQueue: () => import('../queue/query').then((m) => m.loadMyQueue),
  /** The dashboard's metrics. */
  metrics: () => import('../metrics/query').then((m) => m.loadMetrics),
  /** The workspace's hand-over templates (the defaults until an admin saved some). */
  templates: () => import('../db/repos/templates').then((m) => m.getTemplates),
  /** The triage from its kept summaries, or "stale" while some client changed since they were built. */
  triage: () => import('../triage/store').then((m) => m.readTriage),
};

export const ops = {
  createClientForRecord: () => import('../db/repos/clients').then((m) => m.createClientForRecord),
  linkRecord: () => import('../db/repos/clients').then((m) => m.linkRecord),
  recordDealStage: () => import('../db/repos/clients').then((m) => m.recordDealStage),
  ensureHandoff: () => import('../db/repos/handoffs').then((m) => m.ensureHandoff),
  setHandoffValue: () => import('../db/repos/handoffs').then((m) => m.setHandoffValue),
  setHandoffOwners: () => import('../db/repos/handoffs').then((m) => m.setHandoffOwners),
  submitHandoff: () => import('../db/repos/handoffs').then((m) => m.submitHandoff),
  acceptHandoff: () => import('../db/repos/handoffs').then((m) => m.acceptHandoff),
  rejectHandoff: () => import('../db/repos/handoffs').then((m) => m.rejectHandoff),
  markIncompleteAtClose: () => import('../db/repos/handoffs').then((m) => m.markIncompleteAtClose),
  recordDealWon: () => import('../db/repos/handoffs').then((m) => m.recordDealWon),
  ensureObjective: () => import('../db/repos/objectives').then((m) => m.ensureObjective),
  editObjective: () => import('../db/repos/objectives').then((m) => m.editObjective),
  signObjective: () => import('../db/repos/objectives').then((m) => m.signObjective),
  markObjectiveReviewed: () => import('../db/repos/objectives').then((m) => m.markObjectiveReviewed),
  saveStakeholder: () => import('../db/repos/stakeholders').then((m) => m.saveStakeholder),
  removeStakeholder: () => import('../db/repos/stakeholders').then((m) => m.removeStakeholder),
  logDecision: () => import('../db/repos/decisions').then((m) => m.logDecision),
  reopenDecision: () => import('../db/repos/decisions').then((m) => m.reopenDecision),
  markCirculated: () => import('../db/repos/decisions').then((m) => m.markCirculated),
  addEvent: () => import('../db/repos/events').then((m) => m.addEvent),
  saveTemplates: () => import('../db/repos/templates').then((m) => m.saveTemplates),
  resetTemplates: () => import('../db/repos/templates').then((m) => m.resetTemplates),
  exportBackup: () => import('../db/backup').then((m) => m.exportBackup),
  importBackup: () => import('../db/backup').then((m) => m.importBackup),
  deleteAllLocalData: () => import('../db/backup').then((m) => m.deleteAllLocalData),
  /** Rebuild the summaries of the clients changed since the last visit and read the triage, in one transaction. */
  openTriage: () => import('../triage/store').then((m) => m.openTriage),
  refreshTriage: () => import('../triage/store').then((m) => m.refreshTriage),
};

/** A registry entry: a loader for a function of the database and its arguments. */
type Entry = () => Promise<(db: BatonDb, ...args: never[]) => unknown>;
// Every entry has that shape (checked here rather than with `satisfies`, which would widen the inferred functions).
type Registry<T extends Record<string, Entry>> = T;

export type Queries = Registry<typeof queries>;
export type Ops = Registry<typeof ops>;
export type QueryName = keyof Queries;
export type OpName = keyof Ops;

/** The function behind a registry entry. */
export type FnOf<E> = E extends () => Promise<infer F> ? F : never;
type Fn = (...args: never[]) => unknown;
type DropFirst<T extends readonly unknown[]> = T extends readonly [unknown, ...infer R] ? R : never;
/** Its arguments after the database. */
export type ArgsOf<E> = DropFirst<Parameters<Extract<FnOf<E>, Fn>>>;
/** What it resolves to. */
export type ResultOf<E> = Awaited<ReturnType<Extract<FnOf<E>, Fn>>>;

/** The reads the in-page panel may run through the background's port. */
export const PANEL_QUERIES: ReadonlySet<QueryName> = new Set<QueryName>(['recordContext', 'recordView', 'clientBundle', 'clientNames', 'syncStatus']);

/** The writes the in-page panel may run through the port: the panel's own actions, nothing that exports or deletes. */
export const PANEL_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'createClientForRecord',
  'linkRecord',
  'recordDealStage',
  'ensureHandoff',
  'setHandoffValue',
  'setHandoffOwners',
  'submitHandoff',
  'acceptHandoff',
  'rejectHandoff',
  'markIncompleteAtClose',
  'recordDealWon',
  'ensureObjective',
  'editObjective',
  'signObjective',
  'markObjectiveReviewed',
  'saveStakeholder',
  'removeStakeholder',
  'logDecision',
]);
