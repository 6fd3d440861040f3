import type { z } from 'zod';

/** One problem with a value, with the path to it (`values.success_criteria.criteria[0].target`). */
export interface Issue {
  path: string;
  message: string;
}

/** Turn zod issues into path + message pairs a person can act on. */
export function toIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    let path = prefix;
    for (const p of i.path) path += typeof p === 'number' ? `[${p}]` : path ? `.${String(p)}` : String(p);
    return { path: path || '(root)', message: i.message };
  });
}

/** A write was refused because the row is not valid; nothing was written. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    readonly table: string,
    readonly issues: Issue[],
  ) {
    super(`Cannot save to ${table}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/** A write named a row that does not exist. */
export class RowNotFoundError extends Error {
  override name = 'RowNotFoundError';
  constructor(table: string, key: string) {
    super(`No ${table} row with id "${key}"`);
  }
}

/**
 * An action that the row's current state does not allow (accepting a draft, rejecting with no reason). Not named
 * like a DOMException (InvalidStateError…): Dexie would turn such errors into its own.
 */
export class ActionNotAllowedError extends Error {
  override name = 'ActionNotAllowedError';
}
