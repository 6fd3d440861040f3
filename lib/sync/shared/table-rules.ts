/**
 * The real {@link TableRules}: the domain's table schemas, with its sync field names (`values.<key>`,
 * `signatures.<role>`, `null` = unset for optional fields) as `lib/domain/tables.ts` defines them.
 */
import type { z } from 'zod';
import { syncFieldSchema, tableSchemas } from '../../domain/tables';
import type { RecordTable } from './protocol';
import type { TableRules } from './validate';

/**
 * `syncFieldSchema` builds a new (nullable) schema on every call, and building zod schemas is costly: a 500-put push
 * asks for thousands. Known fields are cached; the cache is bounded, since split-field part names come from clients.
 */
const cache = new Map<string, z.ZodType | undefined>();
const CACHE_LIMIT = 5000;

export const domainTableRules: TableRules = {
  fieldSchema(table: RecordTable, field: string) {
    const id = `${table}:${field}`;
    if (cache.has(id)) return cache.get(id);
    const schema = syncFieldSchema(table, field);
    if (cache.size < CACHE_LIMIT) cache.set(id, schema);
    return schema;
  },
  recordSchema: (table) => tableSchemas[table],
};
