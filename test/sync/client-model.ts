/**
 * A minimal in-memory sync client for property tests: local rows as merge states, an outbox of mutations with ids
 * rising by one, a pull cursor. It follows SYNC.md the way the real engine must: apply locally and queue in one
 * step, drop outbox rows only when the server acknowledged them, merge pulled rows with `mergeRow`.
 */
import { createHlc, receive, tick, type HlcState } from '../../lib/sync/shared/hlc';
import { applyMutation, maxClock, mergeRow, type RowState } from '../../lib/sync/shared/merge';
import type { Change, Fields, Mutation, RecordTable } from '../../lib/sync/shared/protocol';

export const rowKey = (table: string, key: string) => `${table}:${key}`;

export class ModelClient {
  readonly rows = new Map<string, RowState>();
  outbox: Mutation[] = [];
  cursor: string | null = null;
  private nextId = 1;
  private readonly clock: HlcState;

  constructor(readonly id: string) {
    this.clock = createHlc(id);
  }

  private queue(m: Mutation): Mutation {
    const k = rowKey(m.table, m.key);
    this.rows.set(k, applyMutation(this.rows.get(k), m));
    this.outbox.push(m);
    return m;
  }

  put(table: RecordTable, key: string, values: Record<string, unknown>, now: number): Mutation {
    const fields: Fields = {};
    for (const [f, v] of Object.entries(values)) fields[f] = { v: v as never, hlc: tick(this.clock, now) };
    return this.queue({ id: this.nextId++, op: 'put', table, key, fields });
  }

  delete(table: RecordTable, key: string, now: number): Mutation {
    return this.queue({ id: this.nextId++, op: 'delete', table, key, hlc: tick(this.clock, now) });
  }

  append(table: 'decisions' | 'events', key: string, record: Record<string, unknown>): Mutation {
    return this.queue({ id: this.nextId++, op: 'append', table, key, record: record as never });
  }

  /** The next push: up to 500 outbox mutations, optionally (a buggy resend) without the first `skip`. */
  pushBody(skip = 0) {
    return { protocol: 1, clientId: this.id, mutations: this.outbox.slice(skip, skip + 500) };
  }

  /** Drops what the server acknowledged (after 200, or after 409 which also names the server's last id). */
  acknowledge(lastMutationId: number): void {
    this.outbox = this.outbox.filter((m) => m.id > lastMutationId);
  }

  pullBody(limit: number) {
    return { protocol: 1, clientId: this.id, cursor: this.cursor, limit };
  }

  /** Merges a pull answer; answers may arrive late or twice, which merging makes harmless. */
  onPull(answer: { cursor: string; lastMutationId: number; changes: Change[] }, now: number): void {
    for (const c of answer.changes) {
      const k = rowKey(c.table, c.key);
      const remote: RowState = { fields: c.fields, deleted: c.deleted };
      const local = this.rows.get(k);
      this.rows.set(k, local ? mergeRow(local, remote) : remote);
      const clock = maxClock(remote);
      if (clock) receive(this.clock, clock, now);
    }
    this.cursor = answer.cursor;
    this.acknowledge(answer.lastMutationId);
  }
}
