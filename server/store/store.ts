/**
 * The only code that writes SQL. Every query names its workspace, so no member reaches another workspace's rows
 * whatever table, key or client id it sends. The store keeps nothing in memory that matters: sequence numbers, last
 * mutation ids and rows live in the database, so several server instances can share one PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { RowState } from '../../lib/sync/shared/merge';
import type { Role, TableName } from '../../lib/sync/shared/protocol';
import type { Db, Sql } from './db';
import { migrate } from './migrate';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface Workspace {
  id: string;
  name: string;
}
/** Who a request is from: the member its token names and that member's workspace. */
export interface AuthContext {
  member: Member;
  workspace: Workspace;
}

export interface RowRef {
  table: TableName;
  key: string;
}
export interface StoredRow extends RowRef {
  state: RowState;
  seq: number;
}

/** `table:key`, unambiguous because table names have no colon. */
export const rowId = (table: string, key: string) => `${table}:${key}`;

/** What a push may do inside its transaction. The workspace is locked from the start until commit. */
export interface PushTx {
  /** The client's last applied mutation id (0 for a new client). */
  readonly lastMutationId: number;
  /** Current states of the given rows, by {@link rowId}; absent rows are missing from the map. */
  loadRows(refs: RowRef[]): Promise<Map<string, RowState>>;
  /** Stores changed rows, each with the next sequence number of the workspace. */
  writeRows(rows: Array<RowRef & { state: RowState }>): Promise<void>;
  /** Records the client's new last applied mutation id. */
  setLastMutationId(id: number): Promise<void>;
}

/** Channel of the NOTIFY sent when a workspace's rows change; the payload is `<workspaceId> <seq>`. */
export const CHANGES_CHANNEL = 'baton_changes';

/** Rows written between two ANALYZEs on PGlite. */
const ANALYZE_EVERY = 20_000;

export class Store {
  private readonly watchers = new Map<string, Set<(seq: number) => void>>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Rows written since the planner's statistics were last refreshed (PGlite only: it has no autovacuum). */
  private written = 0;
  private analyzing: Promise<void> | null = null;

  private constructor(readonly db: Db) {}

  /** Migrates the database and starts listening for changes (from this instance and every other one). */
  static async open(db: Db): Promise<Store> {
    await migrate(db);
    // PostgreSQL's autovacuum keeps the planner's statistics; PGlite has none, and a pull planned on stale ones (a
    // table it thinks empty after a bulk load) walks the wrong index: 2.5–3 times slower.
    if (db.kind === 'pglite') await db.exec('ANALYZE');
    const store = new Store(db);
    store.unlisten = await db.listen(CHANGES_CHANNEL, (payload) => store.dispatch(payload));
    return store;
  }

  private dispatch(payload: string): void {
    const [workspaceId, seq] = payload.split(' ');
    for (const cb of this.watchers.get(workspaceId ?? '') ?? []) cb(Number(seq));
  }

  /** Calls `cb` after every committed change to the workspace's rows, from any server instance. */
  watch(workspaceId: string, cb: (seq: number) => void): () => void {
    let set = this.watchers.get(workspaceId);
    if (!set) this.watchers.set(workspaceId, (set = new Set()));
    set.add(cb);
    return () => {
      set.delete(cb);
      if (set.size === 0) this.watchers.delete(workspaceId);
    };
  }

  async close(): Promise<void> {
    await this.analyzing;
    await this.unlisten?.();
    this.watchers.clear();
    await this.db.close();
  }

  /** The member and workspace of a token's sha256 hash, or null for an unknown or revoked token. */
  async authenticate(tokenHash: string): Promise<AuthContext | null> {
    const rows = await this.db.query<{ mid: string; email: string; mname: string; role: Role; wid: string; wname: string }>(
      `SELECT m.id AS mid, m.email, m.name AS mname, m.role, w.id AS wid, w.name AS wname
         FROM tokens t JOIN members m ON m.id = t.member_id JOIN workspaces w ON w.id = m.workspace_id
        WHERE t.hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    return { member: { id: r.mid, email: r.email, name: r.mname, role: r.role }, workspace: { id: r.wid, name: r.wname } };
  }

  /** Runs `fn` in one transaction that holds the workspace's lock; a throw rolls everything back. */
  async push<T>(auth: AuthContext, clientId: string, fn: (tx: PushTx) => Promise<T>): Promise<T> {
    const workspaceId = auth.workspace.id;
    return this.db.transaction(async (sql) => {
      // NO KEY UPDATE: serializes pushes to this workspace (it conflicts with itself) without blocking inserts that
      // only reference the workspace (new members, tokens).
      const locked = await sql.query<{ seq: number }>('SELECT seq FROM workspaces WHERE id = $1 FOR NO KEY UPDATE', [workspaceId]);
      if (!locked[0]) throw new Error(`Workspace ${workspaceId} vanished during a push`);
      let seq = Number(locked[0].seq);
      const startSeq = seq;
      const client = await sql.query<{ last_mutation_id: number }>(
        'SELECT last_mutation_id FROM sync_clients WHERE workspace_id = $1 AND client_id = $2',
        [workspaceId, clientId],
      );
      const tx: PushTx = {
        lastMutationId: Number(client[0]?.last_mutation_id ?? 0),
        loadRows: (refs) => loadRows(sql, workspaceId, refs),
        async writeRows(rows) {
          if (rows.length === 0) return;
          const seqs = rows.map(() => ++seq);
          await sql.query(
            `INSERT INTO sync_rows (workspace_id, tbl, key, state, seq)
             SELECT $1, t, k, s, q FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS x(t, k, s, q)
             ON CONFLICT (workspace_id, tbl, key) DO UPDATE SET state = excluded.state, seq = excluded.seq`,
            [workspaceId, rows.map((r) => r.table), rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.state)), seqs],
          );
        },
        async setLastMutationId(id) {
          await sql.query(
            `INSERT INTO sync_clients (workspace_id, client_id, member_id, last_mutation_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT (workspace_id, client_id)
             DO UPDATE SET last_mutation_id = excluded.last_mutation_id, member_id = excluded.member_id, updated_at = now()`,
            [workspaceId, clientId, auth.member.id, id],
          );
        },
      };
      const result = await fn(tx);
      if (seq !== startSeq) {
        await sql.query('UPDATE workspaces SET seq = $2 WHERE id = $1', [workspaceId, seq]);
        // Delivered to every listening instance when (and only if) the transaction commits.
        await sql.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${workspaceId} ${seq}`]);
      }
      return { result, rows: seq - startSeq };
    }).then(({ result, rows }) => {
      this.afterWrite(rows);
      return result;
    });
  }

  /** On PGlite, refresh the statistics after every ANALYZE_EVERY rows written (after the commit, one at a time). */
  private afterWrite(rows: number): void {
    if (this.db.kind !== 'pglite') return;
    this.written += rows;
    if (this.written < ANALYZE_EVERY || this.analyzing) return;
    this.written = 0;
    this.analyzing = this.db
      .exec('ANALYZE sync_rows')
      .catch(() => undefined) // statistics are an optimisation; a failure (closing) changes no data
      .finally(() => (this.analyzing = null));
  }

  /** The client's last applied mutation id, then up to `limit` rows changed after `afterSeq`, oldest change first. */
  async pull(
    workspaceId: string,
    clientId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ lastMutationId: number; rows: StoredRow[] }> {
    // Read the id first: every row its mutations touched is then in this or a later page.
    const client = await this.db.query<{ last_mutation_id: number }>(
      'SELECT last_mutation_id FROM sync_clients WHERE workspace_id = $1 AND client_id = $2',
      [workspaceId, clientId],
    );
    const rows = await this.db.query<{ tbl: TableName; key: string; state: string; seq: number }>(
      'SELECT tbl, key, state, seq FROM sync_rows WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [workspaceId, afterSeq, limit],
    );
    return {
      lastMutationId: Number(client[0]?.last_mutation_id ?? 0),
      rows: rows.map((r) => ({ table: r.tbl, key: r.key, state: JSON.parse(r.state) as RowState, seq: Number(r.seq) })),
    };
  }

  /** Number of workspaces (the first run creates one when there is none). */
  async workspaceCount(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM workspaces');
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Revokes tokens: the one with this hash, or every active token of a member (by workspace name and e-mail).
   * Returns how many were revoked; requests with them are refused (401) from then on.
   */
  async revokeTokens(which: { tokenHash: string } | { workspace: string; email: string }): Promise<number> {
    const rows =
      'tokenHash' in which
        ? await this.db.query<{ hash: string }>('UPDATE tokens SET revoked_at = now() WHERE hash = $1 AND revoked_at IS NULL RETURNING hash', [which.tokenHash])
        : await this.db.query<{ hash: string }>(
            `UPDATE tokens SET revoked_at = now()
              WHERE revoked_at IS NULL AND member_id IN (
                SELECT m.id FROM members m JOIN workspaces w ON w.id = m.workspace_id WHERE w.name = $1 AND m.email = $2)
              RETURNING hash`,
            [which.workspace, which.email],
          );
    return rows.length;
  }

  /**
   * Creates the workspace and the member when missing (an existing member gets `role`), and stores a new token's hash
   * for that member.
   */
  async issueToken(
    input: { workspace: string; email: string; name?: string; role: Role },
    tokenHash: string,
  ): Promise<AuthContext> {
    return this.db.transaction(async (sql) => {
      await sql.query('INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        randomUUID(),
        input.workspace,
      ]);
      const [w] = await sql.query<{ id: string; name: string }>('SELECT id, name FROM workspaces WHERE name = $1', [input.workspace]);
      if (!w) throw new Error(`Could not create workspace "${input.workspace}"`);
      const [m] = await sql.query<{ id: string; email: string; name: string; role: Role }>(
        `INSERT INTO members (id, workspace_id, email, name, role) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, email) DO UPDATE SET role = excluded.role
         RETURNING id, email, name, role`,
        [randomUUID(), w.id, input.email, input.name ?? input.email.split('@')[0] ?? input.email, input.role],
      );
      if (!m) throw new Error(`Could not create member "${input.email}"`);
      await sql.query('INSERT INTO tokens (hash, member_id) VALUES ($1, $2)', [tokenHash, m.id]);
      return { member: m, workspace: w };
    });
  }
}

async function loadRows(sql: Sql, workspaceId: string, refs: RowRef[]): Promise<Map<string, RowState>> {
  const found = new Map<string, RowState>();
  if (refs.length === 0) return found;
  const rows = await sql.query<{ tbl: string; key: string; state: string }>(
    `SELECT r.tbl, r.key, r.state FROM sync_rows r
       JOIN unnest($2::text[], $3::text[]) AS x(t, k) ON r.tbl = x.t AND r.key = x.k
      WHERE r.workspace_id = $1`,
    [workspaceId, refs.map((r) => r.table), refs.map((r) => r.key)],
  );
  for (const r of rows) found.set(rowId(r.tbl, r.key), JSON.parse(r.state) as RowState);
  return found;
}
