/**
 * The only way rows change locally. Each write validates the row, then in ONE Dexie transaction writes the row, its
 * per-field clocks and its outbox mutation (SYNC.md's shape: field-level `put` with a clock per field, `append` for
 * decisions and events). A failed validation or write leaves nothing behind.
 */
import type { z } from 'zod';
import {
  rowToSyncFields,
  tableSchemas,
  type AppendTable,
  type RecordTable,
  type TableName,
} from '../domain/tables';
import type { Mutation } from '../sync/shared/protocol';
import { nextMutationId, nextStamp } from './clock';
import { RowNotFoundError, ValidationError, toIssues } from './errors';
import type { BatonDb } from './schema';
import { clientOf, markTriageDirty } from '../triage/store';

/** Every table a write may touch, so nested writes join one transaction. */
export function writeTables(db: BatonDb) {
  return [
    db.clients,
    db.crmLinks,
    db.deals,
    db.handoffs,
    db.stakeholders,
    db.objectives,
    db.templates,
    db.decisions,
    db.events,
    db.outbox,
    db.clocks,
    db.meta,
    db.triageDirty,
  ];
}

/** Run `fn` in one read-write transaction over every table: all its writes land together or not at all. */
export function inWriteTx<T>(db: BatonDb, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', writeTables(db), fn);
}

/** Validate a whole row against its table's schema; returns the parsed row (defaults applied). */
export function validateRow<T extends TableName>(table: T, row: unknown): z.output<(typeof tableSchemas)[T]> {
  const result = tableSchemas[table].safeParse(row);
  if (!result.success) throw new ValidationError(table, toIssues(result.error));
  return result.data as z.output<(typeof tableSchemas)[T]>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function enqueue(db: BatonDb, mutation: Omit<Mutation, 'id'>): Promise<void> {
  const id = await nextMutationId(db);
  await db.outbox.add({ id, mutation: { ...mutation, id } as Mutation, createdAt: Date.now() });
}

/**
 * Create or replace a record row. Only fields that changed get a new clock and go to the outbox, so two people
 * editing different fields of one row both keep their edit.
 */
export async function putRow<T extends RecordTable>(db: BatonDb, table: T, row: unknown): Promise<z.output<(typeof tableSchemas)[T]>> {
  const parsed = validateRow(table, row) as { id: string } & Record<string, unknown>;
  return inWriteTx(db, async () => {
    const tbl = db.table(table);
    const clockId = `${table}/${parsed.id}`;
    const [before, stored] = await Promise.all([tbl.get(parsed.id) as Promise<Record<string, unknown> | undefined>, db.clocks.get(clockId)]);
    const next = rowToSyncFields(table, parsed);
    const prev = before ? rowToSyncFields(table, before) : {};
    // A put on a row that is not here (deleted, or held back as invalid) stamps every field it writes, and unsets
    // the fields the row held that it leaves out: the merge would otherwise revive their old values everywhere but here.
    const held = before ? prev : (stored?.shadow ?? {});
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) if (!(k in prev) || !same(prev[k], v)) changed[k] = v;
    for (const k of Object.keys(held)) if (!(k in next)) changed[k] = null;
    if (Object.keys(changed).length === 0 && before) return parsed as never;
    const stamp = await nextStamp(db);
    const clocks = stored ?? { id: clockId, fields: {} };
    const fields: Record<string, { v: unknown; hlc: string }> = {};
    for (const [k, v] of Object.entries(changed)) {
      fields[k] = { v, hlc: stamp };
      clocks.fields[k] = stamp;
    }
    delete clocks.deleted;
    delete clocks.shadow;
    await tbl.put(parsed);
    await db.clocks.put(clocks);
    await enqueue(db, { op: 'put', table, key: parsed.id, fields } as Omit<Mutation, 'id'>);
    await markTriageDirty(db, [clientOf(table, before), clientOf(table, parsed)]);
    return parsed as never;
  });
}

/** Read a row, apply `change` to a copy, and put it back; throws RowNotFoundError when the row is missing. */
export async function updateRow<T extends RecordTable>(
  db: BatonDb,
  table: T,
  id: string,
  change: (row: z.output<(typeof tableSchemas)[T]>) => z.output<(typeof tableSchemas)[T]> | void,
): Promise<z.output<(typeof tableSchemas)[T]>> {
  return inWriteTx(db, async () => {
    const current = (await db.table(table).get(id)) as z.output<(typeof tableSchemas)[T]> | undefined;
    if (!current) throw new RowNotFoundError(table, id);
    const copy = structuredClone(current);
    const result = change(copy) ?? copy;
    return putRow(db, table, result);
  });
}

/** Delete a record row (a tombstone with its own clock; a later put revives it). */
export async function deleteRow(db: BatonDb, table: RecordTable, id: string): Promise<void> {
  await inWriteTx(db, async () => {
    const stamp = await nextStamp(db);
    const clockId = `${table}/${id}`;
    const clocks = (await db.clocks.get(clockId)) ?? { id: clockId, fields: {} };
    clocks.deleted = stamp;
    const row = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
    if (row) clocks.shadow = rowToSyncFields(table, row);
    await db.table(table).delete(id);
    await db.clocks.put(clocks);
    await enqueue(db, { op: 'delete', table, key: id, hlc: stamp } as Omit<Mutation, 'id'>);
    await markTriageDirty(db, [clientOf(table, row)]);
  });
}

/** Append to an append-only table (decisions, events); an existing id is left as it is. */
export async function appendRow<T extends AppendTable>(db: BatonDb, table: T, row: unknown): Promise<z.output<(typeof tableSchemas)[T]>> {
  const parsed = validateRow(table, row) as { id: string };
  return inWriteTx(db, async () => {
    const tbl = db.table(table);
    if (await tbl.get(parsed.id)) return parsed as never;
    await tbl.add(parsed);
    await enqueue(db, { op: 'append', table, key: parsed.id, record: parsed } as Omit<Mutation, 'id'>);
    await markTriageDirty(db, [clientOf(table, parsed)]);
    return parsed as never;
  });
}
