/**
 * Merging pulled rows into the local database, field by field, with the same rule the server runs
 * (`lib/sync/shared/merge.ts`). Local edits not yet pushed already carry their clocks, so a pull that overlaps them
 * loses nothing. Rows are validated before they are written; a row that does not validate is kept only as clocks
 * (so a later change can complete it) and reported.
 */
import { rowToSyncFields, syncFieldsToRow, tableSchemas, type TableName } from '../domain/tables';
import { APPEND_HLC, materialize, maxClock, mergeRow, type RowState } from '../sync/shared/merge';
import type { Change, Fields } from '../sync/shared/protocol';
import { observeStamps } from './clock';
import type { BatonDb, ClockRow } from './schema';
import { clientOf, markTriageDirty } from '../triage/store';

export interface ApplyResult {
  applied: number;
  /** Rows that merged into something invalid: kept as clocks only. */
  invalid: { table: TableName; key: string; message: string }[];
}

function localState(table: TableName, row: Record<string, unknown> | undefined, clocks: ClockRow | undefined): RowState {
  const fields: Fields = {};
  const values = row ? rowToSyncFields(table, row) : clocks?.shadow;
  if (values) {
    for (const [name, v] of Object.entries(values)) {
      const hlc = clocks?.fields[name] ?? APPEND_HLC;
      fields[name] = { v: v as never, hlc };
    }
  }
  // Fields unset locally (null) still hold their clock: keep it so an older remote value does not come back.
  if (clocks) for (const [name, hlc] of Object.entries(clocks.fields)) if (!(name in fields)) fields[name] = { v: null, hlc };
  return { fields, deleted: clocks?.deleted ?? null };
}

/** Merge a batch of pulled changes in one transaction. */
export async function applyRemoteChanges(db: BatonDb, changes: Change[]): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, invalid: [] };
  if (changes.length === 0) return result;
  const byTable = new Map<TableName, Change[]>();
  for (const c of changes) {
    const list = byTable.get(c.table) ?? [];
    list.push(c);
    byTable.set(c.table, list);
  }
  const stamps: string[] = [];
  // Clients whose rows this batch changes (before and after): their triage summaries are rebuilt later.
  const touched: (string | undefined)[] = [];
  await db.transaction('rw', [...[...byTable.keys()].map((t) => db.table(t)), db.clocks, db.meta, db.triageDirty], async () => {
    for (const [table, list] of byTable) {
      const tbl = db.table(table);
      const keys = list.map((c) => c.key);
      const append = table === 'decisions' || table === 'events';
      const [rows, clocks] = await Promise.all([
        tbl.bulkGet(keys) as Promise<(Record<string, unknown> | undefined)[]>,
        append ? Promise.resolve([] as (ClockRow | undefined)[]) : db.clocks.bulkGet(keys.map((k) => `${table}/${k}`)),
      ]);
      const putRows: Record<string, unknown>[] = [];
      const deleteKeys: string[] = [];
      const putClocks: ClockRow[] = [];
      list.forEach((change, i) => {
        if (append) {
          if (rows[i]) return;
          const row = materialize({ fields: change.fields, deleted: null });
          const parsed = row && tableSchemas[table].safeParse(row);
          if (parsed?.success) {
            putRows.push(parsed.data as Record<string, unknown>);
            touched.push(clientOf(table, parsed.data));
            result.applied++;
          } else result.invalid.push({ table, key: change.key, message: parsed ? parsed.error.message : 'empty row' });
          return;
        }
        const local = localState(table, rows[i], clocks[i]);
        const merged = mergeRow(local, { fields: change.fields, deleted: change.deleted });
        const top = maxClock(merged);
        if (top) stamps.push(top);
        if (merged === local && rows[i]) return;
        const clockRow: ClockRow = {
          id: `${table}/${change.key}`,
          fields: Object.fromEntries(Object.entries(merged.fields).map(([k, f]) => [k, f.hlc])),
          ...(merged.deleted ? { deleted: merged.deleted } : {}),
        };
        putClocks.push(clockRow);
        touched.push(clientOf(table, rows[i]));
        const plain = materialize(merged);
        const shadow = () => (clockRow.shadow = Object.fromEntries(Object.entries(merged.fields).map(([k, f]) => [k, f.v])));
        if (plain === null) {
          shadow();
          if (rows[i]) deleteKeys.push(change.key);
          result.applied++;
          return;
        }
        const parsed = tableSchemas[table].safeParse(syncFieldsToRow(table, plain));
        if (parsed.success) {
          putRows.push(parsed.data as Record<string, unknown>);
          touched.push(clientOf(table, parsed.data));
          result.applied++;
        } else {
          shadow();
          if (rows[i]) deleteKeys.push(change.key);
          result.invalid.push({ table, key: change.key, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
        }
      });
      if (putRows.length) await tbl.bulkPut(putRows);
      if (deleteKeys.length) await tbl.bulkDelete(deleteKeys);
      if (putClocks.length) await db.clocks.bulkPut(putClocks);
    }
    await observeStamps(db, stamps);
    await markTriageDirty(db, touched);
  });
  return result;
}
