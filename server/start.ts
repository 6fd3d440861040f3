/**
 * Opens the store (PGlite under `dataDir`, or PostgreSQL at `databaseUrl`) and serves the app on a port. Used by
 * `server/main.ts` and by tests that want a real HTTP server in-process.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app';
import { openPglite, postgresDb, type Db } from './store/db';
import { Store } from './store/store';

export interface StoreConfig {
  /** PostgreSQL connection string; when set, `dataDir` is ignored. */
  databaseUrl?: string;
  /** PGlite data directory; when neither is set, PGlite runs in memory. */
  dataDir?: string;
}

/** Opens and migrates the configured database. */
export async function openStore(config: StoreConfig): Promise<Store> {
  let db: Db;
  if (config.databaseUrl) db = postgresDb(config.databaseUrl);
  else {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir);
  }
  try {
    return await Store.open(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

export interface ServerOptions extends StoreConfig, Omit<AppOptions, 'store'> {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** An already open store (tests); otherwise one is opened from `databaseUrl`/`dataDir`. */
  store?: Store;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Graceful stop: no new requests, in-flight ones answered, streams ended, then the database closed. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = options.store ?? (await openStore(options));
  const { app, drain } = createApp({ ...options, store });
  const host = options.host ?? '0.0.0.0';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`,
    port,
    store,
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await drain();
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        await Promise.race([stopped, new Promise((r) => setTimeout(r, 2000).unref())]);
        if ('closeAllConnections' in server) server.closeAllConnections();
        await store.close();
      })();
      return closed;
    },
  };
}
