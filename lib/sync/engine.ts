/**
 * The sync engine: one run drains the outbox to the server in id order, then pulls by cursor until the server has
 * nothing more, merging pulled rows field by field into Dexie. Everything it needs is injected (db, fetch, clock,
 * sleep, random), so tests run it in node against a real server, and the background only adds triggers and a lock.
 *
 * What it guarantees:
 * - nothing is lost: an outbox row is deleted only after the server acknowledged its id (push answer, 409's
 *   lastMutationId, or a pull's lastMutationId); a stopped run leaves the outbox and cursor as they were;
 * - a pulled page, its cursor and the outbox rows it acknowledges are written in one transaction;
 * - network errors, 5xx and 429 are retried with exponential backoff and jitter (Retry-After respected), and what the
 *   run could not do is left for the next run;
 * - the outcome is written to the persisted status (`./status`) in plain words.
 */
import { renewClientId, getClientId } from '../db/clock';
import { applyRemoteChanges } from '../db/remote';
import type { BatonDb, OutboxRow } from '../db/schema';
import { inWriteTx } from '../db/writer';
import { abortableSleep, backoffMs, DEFAULT_RETRY, type RetryPolicy } from './backoff';
import { SyncClient, type FetchLike } from './client';
import {
  SyncError,
  SyncForbiddenError,
  SyncInvalidMutationError,
  SyncMutationGapError,
  SyncNetworkError,
  SyncPayloadTooLargeError,
  SyncProtocolError,
  SyncResponseError,
  SyncRetryableError,
  SyncTimeoutError,
  SyncUnauthorizedError,
  isRetryable,
} from './errors';
import { MAX_BODY_BYTES, MAX_MUTATIONS_PER_PUSH, type Issue, type Mutation } from './shared/protocol';
import { SENTENCES, readSyncStatus, writeSyncStatus, type AttentionCode, type StoredSyncStatus } from './status';

const CURSOR = 'sync.cursor';
const BINDING = 'sync.binding';

export interface SyncEngineOptions {
  db: BatonDb;
  serverUrl: string;
  token: string;
  /**
   * What the server-side identity of this install depends on (server URL and workspace id). When it changes, the
   * install takes a new client id and renumbers its outbox, and pulls from the beginning. Default: `serverUrl`.
   */
  binding?: string;
  fetch?: FetchLike;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Mutations per push, at most 500. */
  batchSize?: number;
  /** Serialized bytes per push, under the server's 1 MiB limit. */
  maxBatchBytes?: number;
  /** Rows per pull page, at most 5000. */
  pullLimit?: number;
  /** Called after each acknowledged push and each applied pull page (tests stop the engine from here). */
  onProgress?: (event: SyncProgress) => void;
}

export type SyncProgress =
  | { phase: 'pushed'; mutations: number; lastMutationId: number }
  | { phase: 'pulled'; changes: number; more: boolean };

export type SyncRunResult =
  | { outcome: 'synced'; pushed: number; pulled: number }
  | { outcome: 'offline'; pushed: number; pulled: number; reason: string }
  | { outcome: 'attention'; pushed: number; pulled: number; code: AttentionCode; reason: string }
  | { outcome: 'aborted'; pushed: number; pulled: number };

/** A problem that needs the user: ends pushing (and, if blocking, the whole run) with a sentence. */
class AttentionError extends Error {
  override name = 'AttentionError';
  constructor(
    readonly code: AttentionCode,
    message: string,
  ) {
    super(message);
  }
}

/** One engine per run or per worker life; `dispose()` stops a run at its next step, leaving nothing half-written. */
export class SyncEngine {
  readonly #opts: SyncEngineOptions;
  readonly #client: SyncClient;
  readonly #abort = new AbortController();
  readonly #retry: RetryPolicy;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  #pushed = 0;
  #pulled = 0;

  constructor(options: SyncEngineOptions) {
    this.#opts = options;
    this.#client = new SyncClient({ serverUrl: options.serverUrl, token: options.token, fetch: options.fetch });
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#random = options.random ?? Math.random;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Stop: the current request is aborted and no further write happens. */
  dispose(): void {
    this.#abort.abort(new DOMException('The sync engine was stopped', 'AbortError'));
  }

  /** One full sync: push everything pending, then pull until `more` is false. Never throws for sync failures. */
  async run(): Promise<SyncRunResult> {
    const { db } = this.#opts;
    this.#pushed = 0;
    this.#pulled = 0;
    const before = await readSyncStatus(db);
    try {
      this.#check();
      await this.#bind();
      const clientId = await getClientId(db);
      // A quiet pull every minute should not flash "Syncing…": say so only when there is something to send.
      if ((await db.outbox.count()) > 0 || before.state !== 'synced') {
        await writeSyncStatus(db, { state: 'syncing', since: this.#now() });
      }
      let pushProblem: AttentionError | null = null;
      try {
        await this.#push(clientId);
      } catch (err) {
        const problem = this.#attentionFor(err);
        if (!problem || problem.code === 'unauthorized' || problem.code === 'protocol') throw problem ?? err;
        pushProblem = problem; // the push is stuck, but pulling still brings in everyone else's edits
      }
      await this.#pull(clientId);
      if (pushProblem) throw pushProblem;
      const at = this.#now();
      await writeSyncStatus(db, { state: 'synced', at });
      return { outcome: 'synced', pushed: this.#pushed, pulled: this.#pulled };
    } catch (err) {
      return this.#finish(err, before);
    }
  }

  async #finish(err: unknown, before: StoredSyncStatus): Promise<SyncRunResult> {
    const { db } = this.#opts;
    const counts = { pushed: this.#pushed, pulled: this.#pulled };
    if (this.#abort.signal.aborted) {
      // Put back what was shown before this run: a stopped run is not news. (A worker stopped outright cannot do
      // this; its "syncing" goes stale and reads as the last sync, see `describeSyncStatus`.)
      await writeSyncStatus(db, before).catch(() => {});
      return { outcome: 'aborted', ...counts };
    }
    const problem = err instanceof AttentionError ? err : this.#attentionFor(err);
    if (problem) {
      await writeSyncStatus(db, { state: 'attention', since: this.#now(), code: problem.code, reason: problem.message });
      return { outcome: 'attention', ...counts, code: problem.code, reason: problem.message };
    }
    if (err instanceof SyncNetworkError || err instanceof SyncTimeoutError || err instanceof SyncRetryableError) {
      const reason = offlineReason(err);
      await writeSyncStatus(db, { state: 'offline', since: this.#now(), reason });
      return { outcome: 'offline', ...counts, reason };
    }
    throw err;
  }

  /** Map a request error to a "needs attention" problem, or null when it is not one. */
  #attentionFor(err: unknown): AttentionError | null {
    if (err instanceof AttentionError) return err;
    if (err instanceof SyncUnauthorizedError) return new AttentionError('unauthorized', SENTENCES.unauthorized);
    if (err instanceof SyncProtocolError) return new AttentionError('protocol', SENTENCES.protocol);
    if (err instanceof SyncResponseError) {
      return new AttentionError('bad_response', `The sync server gave an answer Baton does not understand. Check the server URL in Settings. (${err.message})`);
    }
    if (err instanceof SyncError && !isRetryable(err) && !(err instanceof SyncMutationGapError)) {
      return new AttentionError('bad_response', `The sync server refused a request: ${err.message}.`);
    }
    return null;
  }

  #check(): void {
    this.#abort.signal.throwIfAborted();
  }

  /** A new server or workspace has never seen this install's mutation ids: start a new identity there. */
  async #bind(): Promise<void> {
    const { db } = this.#opts;
    const binding = this.#opts.binding ?? this.#opts.serverUrl;
    const current = (await db.meta.get(BINDING))?.value;
    if (current === binding) return;
    if (current !== undefined) {
      await renewClientId(db);
      await db.meta.delete(CURSOR);
    }
    await db.meta.put({ key: BINDING, value: binding });
  }

  async #push(clientId: string): Promise<void> {
    const { db } = this.#opts;
    let size = Math.min(this.#opts.batchSize ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH);
    const maxBytes = this.#opts.maxBatchBytes ?? MAX_BODY_BYTES - 64 * 1024;
    let stalls = 0;
    for (;;) {
      this.#check();
      const rows = await db.outbox.orderBy(':id').limit(size).toArray();
      if (rows.length === 0) return;
      const batch = contiguousWithin(rows, maxBytes);
      if (batch.length === 0) {
        throw new AttentionError('too_large', `Change #${rows[0]!.id} to ${describeMutation(rows[0]!.mutation)} is larger than the sync server accepts (1 MiB).`);
      }
      let acked: number;
      try {
        acked = (await this.#retrying(() => this.#client.push(clientId, batch.map((r) => r.mutation), this.#abort.signal))).lastMutationId;
      } catch (err) {
        if (err instanceof SyncMutationGapError) {
          await this.#repairGap(err.lastMutationId);
          if (++stalls > 3) throw new AttentionError('outbox_gap', `The sync server keeps asking for change #${err.lastMutationId + 1}, which Baton already sent.`);
          continue;
        }
        if (err instanceof SyncPayloadTooLargeError && batch.length > 1) {
          size = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        if (err instanceof SyncPayloadTooLargeError) {
          throw new AttentionError('too_large', `Change #${batch[0]!.id} to ${describeMutation(batch[0]!.mutation)} is larger than the sync server accepts.`);
        }
        if (err instanceof SyncInvalidMutationError) throw this.#invalid(err, batch);
        if (err instanceof SyncForbiddenError) throw await this.#forbidden(err, batch);
        throw err;
      }
      this.#check();
      const deleted = await ackThrough(db, acked);
      this.#pushed += deleted;
      this.#opts.onProgress?.({ phase: 'pushed', mutations: batch.length, lastMutationId: acked });
      if (acked < batch[batch.length - 1]!.id) {
        // The server applied less than it was sent without saying why: do not loop on it.
        if (++stalls > 3) throw new AttentionError('bad_response', `The sync server acknowledged changes up to #${acked} only, not #${batch[batch.length - 1]!.id}.`);
      } else stalls = 0;
    }
  }

  /**
   * `409 mutation_gap`: the server has applied up to `last` and wants `last + 1`. Rows up to `last` are acknowledged;
   * the next push starts from the outbox's head. If the head is past `last + 1`, rows were lost locally: a bug that a
   * retry cannot fix.
   */
  async #repairGap(last: number): Promise<void> {
    const { db } = this.#opts;
    this.#pushed += await ackThrough(db, last);
    const head = await db.outbox.orderBy(':id').first();
    if (head && head.id > last + 1) throw new AttentionError('outbox_gap', SENTENCES.outboxGap(last + 1, head.id));
  }

  #invalid(err: SyncInvalidMutationError, batch: OutboxRow[]): AttentionError {
    const row = batch.find((r) => r.id === err.mutationId);
    const what = row ? `change #${row.id} to ${describeMutation(row.mutation)}` : 'a change';
    return new AttentionError('invalid_mutation', `The sync server refused ${what}: ${describeIssues(err.issues)}.`);
  }

  /** 403: the server's reason says what was refused (`viewer_read_only`, `templates_admin_only`); `/v1/me` the role. */
  async #forbidden(err: SyncForbiddenError, batch: OutboxRow[]): Promise<AttentionError> {
    let role: string | undefined;
    try {
      role = (await this.#client.me(this.#abort.signal)).member.role;
    } catch {
      // The sentence works without the role.
    }
    const templates = err.reason === 'templates_admin_only' || (role !== undefined && role !== 'viewer' && batch.some((r) => r.mutation.table === 'templates'));
    if (templates) {
      return new AttentionError('forbidden', `Only admins can change hand-over templates in this workspace${role ? ` (you are ${role})` : ''}.`);
    }
    return new AttentionError('forbidden', SENTENCES.forbidden(role));
  }

  async #pull(clientId: string): Promise<void> {
    const { db } = this.#opts;
    let cursor = ((await db.meta.get(CURSOR))?.value as string | undefined) ?? null;
    for (;;) {
      this.#check();
      const page = await this.#retrying(() => this.#client.pull(clientId, cursor, this.#opts.pullLimit ?? 2000, this.#abort.signal));
      this.#check();
      await inWriteTx(db, async () => {
        await applyRemoteChanges(db, page.changes);
        await db.meta.put({ key: CURSOR, value: page.cursor });
        this.#pushed += await ackThrough(db, page.lastMutationId);
      });
      this.#pulled += page.changes.length;
      cursor = page.cursor;
      this.#opts.onProgress?.({ phase: 'pulled', changes: page.changes.length, more: page.more });
      if (!page.more) return;
    }
  }

  async #retrying<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        this.#check();
        if (!isRetryable(err) || attempt + 1 >= this.#retry.attempts) throw err;
        const after = err instanceof SyncRetryableError ? err.retryAfterMs : undefined;
        if (after !== undefined && after > this.#retry.maxRetryAfterMs) throw err;
        const wait = Math.max(after ?? 0, backoffMs(attempt, this.#retry, this.#random));
        await this.#sleep(wait, this.#abort.signal);
      }
    }
  }
}

/** Delete outbox rows the server acknowledged (ids ≤ `last`); returns how many. */
async function ackThrough(db: BatonDb, last: number): Promise<number> {
  if (last < 1) return 0;
  return db.outbox.where('id').belowOrEqual(last).delete();
}

const encoder = new TextEncoder();

/** The longest prefix of `rows` whose ids rise by exactly 1 and whose mutations fit in `maxBytes`. */
function contiguousWithin(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  const out: OutboxRow[] = [];
  let bytes = 64;
  for (const row of rows) {
    if (out.length && row.id !== out[out.length - 1]!.id + 1) break;
    bytes += encoder.encode(JSON.stringify(row.mutation)).length + 1;
    if (bytes > maxBytes) break;
    out.push(row);
  }
  return out;
}

function describeMutation(m: Mutation): string {
  return `${m.table} "${m.key}"`;
}

/** `fields › values.goal › v: Expected number` → `field values.goal: Expected number`. */
function describeIssues(issues: Issue[]): string {
  if (issues.length === 0) return 'no reason given';
  return issues
    .slice(0, 3)
    .map((i) => {
      const [head, name] = i.path;
      if ((head === 'fields' || head === 'record') && name !== undefined) return `field ${String(name)}: ${i.message}`;
      return i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message;
    })
    .join('; ');
}

function offlineReason(err: SyncError): string {
  if (err instanceof SyncRetryableError) {
    return err.status === 429 ? 'The sync server is busy; Baton will try again shortly.' : `The sync server is having trouble (${err.status}); Baton will try again shortly.`;
  }
  return 'The sync server cannot be reached.';
}
