/**
 * The smallest database interface the store needs, with two implementations that run the same SQL:
 * PGlite (embedded PostgreSQL in WebAssembly) and a `pg` pool on a PostgreSQL server.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs one statement with `$n` parameters and returns its rows. */
export interface Sql {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Sql {
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows). */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for every NOTIFY on `channel`, from any connection (any server instance on PostgreSQL). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/** PGlite: one in-process connection; its transactions are serialized by PGlite itself. */
export function pgliteDb(db: PGlite): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      ),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => db.close(),
  };
}

/** Opens PGlite with its data under `dataDir` (created if missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  // Loaded only when used: a server on PostgreSQL never pays for the WebAssembly build.
  const { PGlite } = await import('@electric-sql/pglite');
  return pgliteDb(dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir));
}

/** A `pg` pool on a PostgreSQL server; LISTEN runs on its own connection, reconnecting after errors. */
export function postgresDb(connectionString: string, options: { max?: number } = {}): Db {
  // int8 (sequence numbers, mutation ids) as JS numbers: they stay far below 2^53.
  const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) };
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types: types as pg.CustomTypesConfig });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do but not crash.
  });
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      let client: pg.Client | null = null;
      let stopped = false;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        c.on('notification', (n) => {
          if (n.channel === channel) onPayload(n.payload ?? '');
        });
        c.on('error', () => {
          listeners.delete(c);
          void c.end().catch(() => undefined);
          if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
        });
        await c.connect();
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        client = c;
        listeners.add(c);
      };
      await connect();
      return async () => {
        stopped = true;
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => undefined);
        }
      };
    },
    async close() {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}
