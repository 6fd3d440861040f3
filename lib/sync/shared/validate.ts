/**
 * Validates one pushed mutation: first its shape (lib/sync/shared/protocol.ts), then its content against the table's
 * domain schema. The server runs this on every mutation of a push before applying any of them (a batch is atomic);
 * the extension may run it before queueing an edit, so a bad edit fails where it was made.
 *
 * The table schemas are injected ({@link TableRules}) so tests can pass a small map; `table-rules.ts` builds the real
 * one from `lib/domain/tables.ts`.
 */
import type { z } from 'zod';
import {
  MutationSchema,
  toIssues,
  type AppendTable,
  type Issue,
  type Mutation,
  type RecordTable,
} from './protocol';

/** What a mutation's content must satisfy, per table. */
export interface TableRules {
  /** The schema of one put field's value, or `undefined` when the table has no such field. */
  fieldSchema(table: RecordTable, field: string): z.ZodType | undefined;
  /** The schema of a whole appended record. */
  recordSchema(table: AppendTable): z.ZodType;
}

/** Rules from plain object schemas: a put field is checked with `schema.shape[field]`, an append with the schema. */
export function rulesFromSchemas(schemas: Record<string, z.ZodObject>): TableRules {
  return {
    fieldSchema(table, field) {
      const schema = Object.hasOwn(schemas, table) ? schemas[table] : undefined;
      if (!schema || !Object.hasOwn(schema.shape, field)) return undefined;
      return (schema.shape as Record<string, z.ZodType>)[field];
    },
    recordSchema(table) {
      const schema = Object.hasOwn(schemas, table) ? schemas[table] : undefined;
      if (!schema) throw new Error(`No schema for append-only table "${table}"`);
      return schema;
    },
  };
}

export type MutationCheck =
  | { ok: true; mutation: Mutation }
  | { ok: false; mutationId: number | null; issues: Issue[] };

/** Check one raw mutation from a request. Never throws; the issues name paths and problems, never values. */
export function validateMutation(raw: unknown, rules: TableRules): MutationCheck {
  const parsed = MutationSchema.safeParse(raw);
  const rawId = (raw as { id?: unknown } | null)?.id;
  const mutationId = typeof rawId === 'number' && Number.isFinite(rawId) ? rawId : null;
  if (!parsed.success) return { ok: false, mutationId, issues: toIssues(parsed.error) };
  const m = parsed.data;
  const issues: Issue[] = [];
  if (m.op === 'put') {
    for (const [field, { v }] of Object.entries(m.fields)) {
      const schema = rules.fieldSchema(m.table, field);
      if (!schema) {
        issues.push({ path: ['fields', field], message: `Unknown field "${field}" for table ${m.table}` });
        continue;
      }
      const r = schema.safeParse(v);
      if (!r.success) for (const i of toIssues(r.error)) issues.push({ path: ['fields', field, 'v', ...i.path], message: i.message });
      if (field === 'id' && v !== m.key) issues.push({ path: ['fields', 'id', 'v'], message: 'The id field must equal the key' });
    }
  } else if (m.op === 'append') {
    const r = rules.recordSchema(m.table).safeParse(m.record);
    if (!r.success) for (const i of toIssues(r.error)) issues.push({ path: ['record', ...i.path], message: i.message });
    if (m.record.id !== m.key) issues.push({ path: ['record', 'id'], message: 'The record id must equal the key' });
  }
  return issues.length ? { ok: false, mutationId: m.id, issues } : { ok: true, mutation: m };
}
