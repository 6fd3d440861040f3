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
  stakeholderSchema,
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
