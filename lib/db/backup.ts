/**
 * Export the whole local database as one JSON file, import it back, and delete everything.
 *
 * The file is a versioned envelope whose top-level keys are the synced tables, so an import error names the row the
 * way a person finds it in the file: `stakeholders[12].stance: expected one of "pro", "neutral", "against"`.
 * An import is validated completely before anything is written; an invalid file changes nothing. A valid one is
 * written in ONE transaction, each row through the same rules as a local write (`putRow`/`appendRow` in
 * `writer.ts`): only changed fields get a new clock and an outbox mutation, appended rows that exist are left alone,
 * so an import syncs like edits made by hand. It is the bulk form of those two functions, because going row by row
 * through them costs several round trips per row and a portfolio backup holds tens of thousands of rows.
 */
import { z } from 'zod';
import { APPEND_TABLES, RECORD_TABLES, rowToSyncFields, tableSchemas, type TableName } from '../domain/tables';
import { describeIssues, type PathIssue } from '../domain/zod-issues';
import type { Mutation } from '../sync/shared/protocol';
import { nextMutationId, nextStamp } from './clock';
import type { BatonDb, ClockRow, OutboxRow } from './schema';
import { clientOf, markTriageDirty } from '../triage/store';
import { inWriteTx } from './writer';

export const BACKUP_FORMAT = 'baton-backup';
export const BACKUP_VERSION = 1;
/** Every table a backup carries: the synced ones. The outbox, clocks and meta belong to this install only. */
export const BACKUP_TABLES = [...RECORD_TABLES, ...APPEND_TABLES] as const satisfies readonly TableName[];

const tableArrays = Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(tableSchemas[t]).default([])])) as {
  [T in (typeof BACKUP_TABLES)[number]]: z.ZodDefault<z.ZodArray<(typeof tableSchemas)[T]>>;
};

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int().nonnegative(),
  ...tableArrays,
});
export type Backup = z.output<typeof backupSchema>;

/** The file could not be imported; `issues` names each problem's path. Nothing was written. */
export class BackupImportError extends Error {
  override readonly name = 'BackupImportError';
  constructor(readonly issues: PathIssue[]) {
    const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    super(`Cannot import this file: ${shown.join('; ')}${more}`);
  }
}

/** Everything in the synced tables, read in one transaction so the file is a consistent snapshot. */
export async function exportBackup(db: BatonDb, now = Date.now()): Promise<Backup> {
  const tables = BACKUP_TABLES.map((t) => db.table(t));
  return db.transaction('r', tables, async () => {
    const rows = await Promise.all(tables.map((t) => t.toArray()));
    const out: Record<string, unknown> = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now };
    BACKUP_TABLES.forEach((t, i) => (out[t] = rows[i]));
    return out as Backup;
  });
}

/** The backup as the text of a `.json` file. */
export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup);
}

/**
 * Parse and validate a backup file's text. Throws `BackupImportError` naming every problem's path: malformed JSON,
 * not a Baton backup, a newer version, invalid rows, or one id used twice in a table.
 */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BackupImportError([{ path: '', message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupImportError([{ path: 'format', message: `not a Baton backup (expected "format": "${BACKUP_FORMAT}")` }]);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupImportError([{ path: 'version', message: `made by a newer Baton (version ${version}); update Baton to import it` }]);
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) throw new BackupImportError(describeIssues(parsed.error.issues, data));
  const issues: PathIssue[] = [];
  for (const t of BACKUP_TABLES) {
    const seen = new Map<string, number>();
    (parsed.data[t] as { id: string }[]).forEach((row, i) => {
      const first = seen.get(row.id);
      if (first === undefined) seen.set(row.id, i);
      else issues.push({ path: `${t}[${i}].id`, message: `the same id as ${t}[${first}]` });
    });
  }
  if (issues.length) throw new BackupImportError(issues);
  return parsed.data;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<(typeof BACKUP_TABLES)[number], ImportCounts>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Write a validated backup in one transaction: record rows merged field by field like `putRow` (one clock stamp for
 * the whole import; rows in the database that the file lacks are kept), append-only rows added like `appendRow`.
 * Every change gets its outbox mutation with consecutive ids.
 */
export async function importBackup(db: BatonDb, backup: Backup): Promise<ImportSummary> {
  return inWriteTx(db, async () => {
    const summary = {} as ImportSummary;
    const stamp = await nextStamp(db);
    const mutations: Omit<Mutation, 'id'>[] = [];
    const clocks: ClockRow[] = [];
    const touched: (string | undefined)[] = [];
    for (const table of RECORD_TABLES) {
      const rows = backup[table] as ({ id: string } & Record<string, unknown>)[];
      const counts = (summary[table] = { added: 0, updated: 0, unchanged: 0 });
      if (!rows.length) continue;
      const tbl = db.table(table);
      const ids = rows.map((r) => r.id);
      const [before, clockRows] = await Promise.all([
        tbl.bulkGet(ids) as Promise<(Record<string, unknown> | undefined)[]>,
        db.clocks.bulkGet(ids.map((id) => `${table}/${id}`)),
      ]);
      const changedRows: unknown[] = [];
      rows.forEach((row, i) => {
        const prevRow = before[i];
        const next = rowToSyncFields(table, row);
        const prev = prevRow ? rowToSyncFields(table, prevRow) : {};
        const changed: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(next)) if (!(k in prev) || !same(prev[k], v)) changed[k] = v;
        // As in `putRow`: a row deleted here is re-created without reviving the fields the file leaves out.
        for (const k of Object.keys(prevRow ? prev : (clockRows[i]?.shadow ?? {}))) if (!(k in next)) changed[k] = null;
        if (prevRow && Object.keys(changed).length === 0) {
          counts.unchanged++;
          return;
        }
        if (prevRow) counts.updated++;
        else counts.added++;
        const clock: ClockRow = clockRows[i] ?? { id: `${table}/${row.id}`, fields: {} };
        const fields: Record<string, { v: unknown; hlc: string }> = {};
        for (const [k, v] of Object.entries(changed)) {
          fields[k] = { v, hlc: stamp };
          clock.fields[k] = stamp;
        }
        delete clock.deleted;
        delete clock.shadow;
        clocks.push(clock);
        changedRows.push(row);
        touched.push(clientOf(table, prevRow), clientOf(table, row));
        mutations.push({ op: 'put', table, key: row.id, fields } as Omit<Mutation, 'id'>);
      });
      if (changedRows.length) await tbl.bulkPut(changedRows);
    }
    for (const table of APPEND_TABLES) {
      const rows = backup[table] as { id: string }[];
      const counts = (summary[table] = { added: 0, updated: 0, unchanged: 0 });
      if (!rows.length) continue;
      const tbl = db.table(table);
      const existing = await tbl.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((_, i) => existing[i] === undefined);
      counts.added = fresh.length;
      counts.unchanged = rows.length - fresh.length;
      if (fresh.length) await tbl.bulkAdd(fresh);
      for (const r of fresh) {
        mutations.push({ op: 'append', table, key: r.id, record: r } as Omit<Mutation, 'id'>);
        touched.push(clientOf(table, r));
      }
    }
    if (clocks.length) await db.clocks.bulkPut(clocks);
    await markTriageDirty(db, touched);
    if (mutations.length) {
      // One block of consecutive ids, so the next local write follows on with no gap the server would refuse.
      const firstId = await nextMutationId(db, mutations.length);
      const createdAt = Date.now();
      const outbox: OutboxRow[] = mutations.map((m, i) => ({ id: firstId + i, mutation: { ...m, id: firstId + i } as Mutation, createdAt }));
      await db.outbox.bulkAdd(outbox);
    }
    return summary;
  });
}

/** Every table of the local database (rows, outbox, clocks and sync state), emptied in one transaction. */
export async function deleteAllLocalData(db: BatonDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

/** The phrase a person types to confirm "delete all local data". */
export const DELETE_CONFIRMATION = 'delete';
