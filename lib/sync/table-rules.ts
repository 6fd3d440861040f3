/**
 * The real {@link TableRules}: the domain's table schemas, with its sync field names (`values.<key>`,
 * `signatures.<role>`, `null` = unset for optional fields) as `lib/domain/tables.ts` defines them.
 */
import { syncFieldSchema, tableSchemas } from '../domain/tables';
import type { TableRules } from './validate';

export const domainTableRules: TableRules = {
  fieldSchema: (table, field) => syncFieldSchema(table, field),
  recordSchema: (table) => tableSchemas[table],
};
