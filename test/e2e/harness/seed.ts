/**
 * Fill the extension's IndexedDB in the real browser, fast: rows go in through the raw IndexedDB API from an
 * extension page, in big batches (one JSON string and one transaction per batch), not through Dexie and the outbox. So seeded rows are
 * "already synced" data: no outbox mutations, no field clocks, and the triage's summaries marked for a rebuild. About 190,000 rows (5,000 clients, 50,000 decisions) take a few seconds.
 *
 * ```ts
 * const page = await baton.openExtensionPage('popup.html');   // any extension page that opens the database
 * await seedExtensionDb(page, generatePortfolio({ clients: 5000 }).tables);
 * await page.reload();                                        // pages read the rows from here on
 * ```
 *
 * The page must be an extension page (same origin as the database) that opens it with Dexie (popup, panel,
 * dashboard all do on load), so the schema exists before rows are written; `seedExtensionDb` waits for that.
 */
import type { Page } from 'playwright-core';
import { TRIAGE_VERSION_KEY } from '../../../lib/triage/store';
import type { TableName } from '../../../lib/domain/tables';

export interface SeedOptions {
  /** Rows per `page.evaluate` round trip and transaction (default 5,000). */
  batch?: number;
  /** Database name (default `baton`, `DB_NAME` in lib/db/schema.ts). */
  dbName?: string;
  /** Clear each table before writing to it (default false). */
  clear?: boolean;
}

/** Wait until the page's Dexie has created the database with `stores`, then return its object store names. */
async function waitForSchema(page: Page, dbName: string, stores: string[]): Promise<void> {
  await page.waitForFunction(
    async ({ dbName, stores }) => {
      const list = await indexedDB.databases();
      if (!list.some((d) => d.name === dbName && (d.version ?? 0) > 0)) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const ok = stores.every((s) => db.objectStoreNames.contains(s));
      db.close();
      return ok;
    },
    { dbName, stores },
    { timeout: 15_000, polling: 50 },
  );
}

/** Write `rows` (table name → rows) into the extension's database from `page`. Returns the rows written per table. */
export async function seedExtensionDb(
  page: Page,
  rows: Partial<Record<TableName, readonly object[]>>,
  options: SeedOptions = {},
): Promise<Partial<Record<TableName, number>>> {
  const dbName = options.dbName ?? 'baton';
  const batch = options.batch ?? 5000;
  const tables = (Object.keys(rows) as TableName[]).filter((t) => (rows[t]?.length ?? 0) > 0 || options.clear);
  await waitForSchema(page, dbName, tables);
  const written: Partial<Record<TableName, number>> = {};
  for (const table of tables) {
    const list = rows[table] ?? [];
    // Rows travel as one JSON string per batch: Playwright's structured argument serialisation walks every value
    // and is about 100 times slower than JSON.stringify + JSON.parse for rows like these.
    if (options.clear) await page.evaluate(writeBatch, { dbName, table, json: '[]', clear: true });
    for (let i = 0; i < list.length; i += batch) {
      await page.evaluate(writeBatch, { dbName, table, json: JSON.stringify(list.slice(i, i + batch)), clear: false });
    }
    written[table] = list.length;
  }
  // Seeded rows went around the writer, which keeps the triage's per-client summaries: forget the summaries'
  // version, as an upgrade would, so the next refresh (the dashboard's, on open) rebuilds them from these rows.
  if (tables.length) await page.evaluate(writeBatch, { dbName, table: 'meta', json: '[]', clear: false, remove: [TRIAGE_VERSION_KEY] });
  return written;
}

interface Batch {
  dbName: string;
  table: string;
  json: string;
  clear: boolean;
  /** Keys to delete. */
  remove?: string[];
}

/** Runs in the page: one read-write transaction that puts every row (clearing the store first, or deleting keys, if asked). */
async function writeBatch({ dbName, table, json, clear, remove = [] }: Batch): Promise<void> {
  const rows = JSON.parse(json) as object[];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(table, 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore(table);
      if (clear) store.clear();
      for (const key of remove) store.delete(key);
      for (const row of rows) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error(`seeding ${table} aborted`));
    });
  } finally {
    db.close();
  }
}
