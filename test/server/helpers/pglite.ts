/**
 * Fresh, migrated PGlite databases in about a second. Creating a PGlite database runs initdb in WebAssembly (6–8 s
 * on a 2-core machine), so a migrated template directory is made once per PGlite version and migration set, cached
 * in the temp directory, and copied for each test database.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDb } from '../../../server/store/db';
import { loadMigrations, migrate } from '../../../server/store/migrate';
import { Store } from '../../../server/store/store';

const ROOT = join(import.meta.dirname, '../../..');

function templateDir(): string {
  const pgliteVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256').update(pgliteVersion);
  for (const m of loadMigrations()) hash.update(m.name).update(m.sql);
  return join(tmpdir(), `baton-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const building = mkdtempSync(`${dir}-building-`);
  const db = await PGlite.create(building);
  await migrate(pgliteDb(db));
  await db.close();
  try {
    renameSync(building, dir);
  } catch {
    // Another test file built it first: use theirs.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** A copy of the migrated template, ready to open. The caller removes it. */
export async function freshPgliteDir(): Promise<string> {
  const template = await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'baton-pglite-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** An open store on a fresh PGlite database; `close` closes it and removes its files. */
export async function freshPgliteStore(): Promise<{ store: Store; dir: string; close(): Promise<void> }> {
  const dir = await freshPgliteDir();
  const store = await Store.open(pgliteDb(await PGlite.create(dir)));
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
