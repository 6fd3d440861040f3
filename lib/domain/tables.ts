/**
 * The synced tables and the schema of each, keyed by the names SYNC.md uses. The server validates pushed fields
 * against these, and the extension validates pulled rows and imports with them.
 */
import type { z } from 'zod';
import {
  clientSchema,
  crmLinkSchema,
  dealSchema,
  decisionSchema,
  eventSchema,
  handoffSchema,
  handoffTemplateSchema,
  objectiveSchema,
  fieldValueSchema,
  signatureSchema,
  SIGNER_ROLES,
  stakeholderSchema,
  type Signature,
} from './schemas';

export const RECORD_TABLES = ['clients', 'crmLinks', 'deals', 'handoffs', 'stakeholders', 'objectives', 'templates'] as const;
export const APPEND_TABLES = ['decisions', 'events'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
export type AppendTable = (typeof APPEND_TABLES)[number];
export type TableName = RecordTable | AppendTable;

/**
 * One object schema per table. A single field is checked with `shape[field]`; a whole row with the schema itself
 * (zod 4 keeps row-level refinements, such as a template's unique field keys, on the object schema).
 */
export const tableSchemas = {
  clients: clientSchema,
  crmLinks: crmLinkSchema,
  deals: dealSchema,
  handoffs: handoffSchema,
  stakeholders: stakeholderSchema,
  objectives: objectiveSchema,
  templates: handoffTemplateSchema,
  decisions: decisionSchema,
  events: eventSchema,
} satisfies Record<TableName, z.ZodObject>;

/**
 * Sync field names. Most fields sync whole, but two hold independent parts that different people edit at once: a
 * hand-over's payload values (the rep fills one field while the CSM's rejection touches another) and an objective's
 * signatures (three sponsors sign separately). Those are split into one sync field per part, `values.<key>` and
 * `signatures.<role>`, so field-level last-writer-wins never drops a concurrent edit. A part whose value is `null`
 * is absent; a plain field whose value is `null` is unset.
 */
interface SplitField {
  split(value: unknown): Record<string, unknown>;
  join(parts: Record<string, unknown>): unknown;
  part: z.ZodType;
}

const splitFields: Partial<Record<TableName, Record<string, SplitField>>> = {
  handoffs: {
    values: {
      split: (v) => ({ ...(v as Record<string, unknown>) }),
      join: (parts) => Object.fromEntries(Object.entries(parts).filter(([, x]) => x != null)),
      part: fieldValueSchema,
    },
  },
  objectives: {
    signatures: {
      split: (v) => Object.fromEntries((v as Signature[]).map((s) => [s.role, s])),
      join: (parts) =>
        Object.values(parts)
          .filter((x): x is Signature => x != null)
          .sort((a, b) => SIGNER_ROLES.indexOf(a.role) - SIGNER_ROLES.indexOf(b.role)),
      part: signatureSchema,
    },
  },
};

/** Turn a row into its sync fields (`values.<key>` etc. for split fields). */
export function rowToSyncFields(table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  const splits = splitFields[table] ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value === undefined) continue;
    const s = splits[name];
    if (s) for (const [part, v] of Object.entries(s.split(value))) out[`${name}.${part}`] = v;
    else out[name] = value;
  }
  return out;
}

/** Turn sync fields back into a row; `null` plain fields are dropped (unset), split fields are re-assembled. */
export function syncFieldsToRow(table: TableName, fields: Record<string, unknown>): Record<string, unknown> {
  const splits = splitFields[table] ?? {};
  const row: Record<string, unknown> = {};
  const parts: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(splits)) parts[name] = {};
  for (const [name, value] of Object.entries(fields)) {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    if (dot > 0 && splits[head]) parts[head]![name.slice(dot + 1)] = value;
    else if (value !== null && value !== undefined) row[name] = value;
  }
  for (const [name, s] of Object.entries(splits)) row[name] = s.join(parts[name]!);
  return row;
}

/**
 * The schema one sync field's value must satisfy, or `undefined` when the table has no such field.
 * `null` is accepted for optional fields (unset) and for split parts (removed).
 */
export function syncFieldSchema(table: TableName, field: string): z.ZodType | undefined {
  const dot = field.indexOf('.');
  if (dot > 0) {
    const s = splitFields[table]?.[field.slice(0, dot)];
    const part = field.slice(dot + 1);
    if (!s || part.length === 0 || part.length > 64) return undefined;
    return s.part.nullable();
  }
  if (splitFields[table]?.[field]) return undefined;
  const shape = tableSchemas[table].shape as Record<string, z.ZodType>;
  const schema = shape[field];
  if (!schema) return undefined;
  return schema.safeParse(undefined).success ? schema.nullable() : schema;
}
