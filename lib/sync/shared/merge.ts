/**
 * The merge rule of SYNC.md, shared by the extension and the server: pure functions on plain values.
 *
 * A row's state is every field's value with the clock of the write that set it, plus the clock of the latest delete:
 *
 * ```
 * RowState = { fields: { <name>: { v, hlc } }, deleted: <hlc> | null }
 * ```
 *
 * - Record tables merge **field by field, last writer wins**: the greater `hlc` stays. Two writes with the same `hlc`
 *   (only a broken client makes them) are ordered by their canonical JSON, so every replica still picks the same one.
 * - A delete is a **tombstone** with its own clock (`deleted`, the greatest delete seen). The row is deleted iff its
 *   tombstone is later than every field clock, so a put after the delete revives the row; fields written before the
 *   delete are kept and come back with it (a concurrent edit and delete: the later one wins, nothing is half-lost).
 * - Append-only rows are written once: {@link applyMutation} ignores an append whose row exists. Their fields carry
 *   {@link APPEND_HLC}, so {@link mergeRow} of two copies of one record is that record. (Two *different* records
 *   under one key are a client bug, keys being fresh ids; they still merge deterministically, field by field.)
 *
 * `mergeRow` is commutative, associative and idempotent (a join on a semilattice): applying the same mutations in any
 * order, any number of times, gives the same state. `test/sync/shared/merge.test.ts` checks this with generated histories.
 *
 * Nothing here mutates its arguments; a function that changes nothing returns its input object, so callers can tell
 * "unchanged" by identity.
 */
import type { Fields, FieldValue, Mutation } from './protocol';

export type FieldState = FieldValue;

export interface RowState {
  /** Each field's current value and the clock of the write that set it. */
  fields: Fields;
  /** Clock of the latest delete, or null if never deleted. */
  deleted: string | null;
}

/** The clock every field of an append-only row carries: before any real write, equal for all appends. */
export const APPEND_HLC = '0000000000000-0000-append';

const hasOwn = Object.prototype.hasOwnProperty;
const own = <T>(obj: Record<string, T>, key: string): T | undefined => (hasOwn.call(obj, key) ? obj[key] : undefined);

/** JSON with object keys sorted: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The field write that wins: greater clock, then greater canonical value. Returns `a` on a tie of both. */
function winner(a: FieldState, b: FieldState): FieldState {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? a : b;
  if (a.v === b.v) return a;
  return canonicalJson(b.v) > canonicalJson(a.v) ? b : a;
}

function laterClock(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/**
 * Join two states of one row. Commutative, associative, idempotent. Returns `a` itself when `b` adds nothing.
 */
export function mergeRow(a: RowState, b: RowState): RowState {
  if (a === b) return a;
  const deleted = laterClock(a.deleted, b.deleted);
  let fields: Fields | null = null;
  for (const name in b.fields) {
    if (!hasOwn.call(b.fields, name)) continue;
    const fb = b.fields[name]!;
    const fa = own(a.fields, name);
    const w = fa === undefined ? fb : winner(fa, fb);
    if (w !== fa) {
      fields ??= { ...a.fields };
      // Plain assignment, except for the one name whose assignment would set the prototype instead.
      if (name === '__proto__') Object.defineProperty(fields, name, { value: w, enumerable: true, writable: true, configurable: true });
      else fields[name] = w;
    }
  }
  if (fields === null && deleted === a.deleted) return a;
  return { fields: fields ?? a.fields, deleted };
}

/** The state a single mutation describes on its own (for an append: the record at {@link APPEND_HLC}). */
export function stateOf(mutation: Mutation): RowState {
  switch (mutation.op) {
    case 'put':
      return { fields: mutation.fields, deleted: null };
    case 'delete':
      return { fields: {}, deleted: mutation.hlc };
    case 'append':
      return {
        fields: Object.fromEntries(Object.entries(mutation.record).map(([k, v]) => [k, { v, hlc: APPEND_HLC }])),
        deleted: null,
      };
  }
}

/**
 * Apply one mutation to a row's state (`undefined`: the row does not exist yet). An append to an existing row is
 * ignored; put and delete merge by {@link mergeRow}. Returns `state` itself when nothing changes.
 */
export function applyMutation(state: RowState | undefined, mutation: Mutation): RowState {
  if (mutation.op === 'append' && state !== undefined) return state;
  const next = stateOf(mutation);
  return state === undefined ? next : mergeRow(state, next);
}

/** A row is deleted iff its tombstone is later than every field clock. */
export function isDeleted(state: RowState): boolean {
  if (state.deleted === null) return false;
  for (const f of Object.values(state.fields)) if (f.hlc >= state.deleted) return false;
  return true;
}

/** The row as plain values (`{ <name>: v }`), or null when it is deleted. Field names stay sync field names. */
export function materialize(state: RowState): Record<string, unknown> | null {
  if (isDeleted(state)) return null;
  return Object.fromEntries(Object.entries(state.fields).map(([k, f]) => [k, f.v]));
}

/** The greatest clock in a row (fields and tombstone), for folding remote clocks into the local HLC. */
export function maxClock(state: RowState): string | null {
  let max = state.deleted;
  for (const f of Object.values(state.fields)) if (f.hlc !== APPEND_HLC && (max === null || f.hlc > max)) max = f.hlc;
  return max;
}
