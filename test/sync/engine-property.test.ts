/**
 * Property: several clients (each its own Dexie database and engine) make random edits, deletes and appends and sync
 * at random moments, with answers lost after the server applied a push (so the engine delivers it twice) and old
 * pushes replayed out of order. After everyone syncs twice, every client and the server hold identical rows, and
 * those rows are exactly what the merge rule makes of every edit ever made: no edit lost, none applied twice.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClientId } from '../../lib/db/clock';
import type { BatonDb } from '../../lib/db/schema';
import { appendRow, deleteRow, putRow } from '../../lib/db/writer';
import { syncFieldsToRow, tableSchemas, type TableName } from '../../lib/domain/tables';
import type { FetchLike } from '../../lib/sync/client';
import { applyMutation, materialize, type RowState } from '../../lib/sync/shared/merge';
import type { Mutation } from '../../lib/sync/shared/protocol';
import { event, newClientDb, serverSnapshot, snapshot, sync, T0, type TestServer, startTestServer } from './engine-helpers';

const CLIENTS = 3;
const KEYS = ['k0', 'k1', 'k2'];
const FIELDS = ['name', 'salesOwner', 'csOwner'] as const;

type Op =
  | { kind: 'edit'; who: number; key: string; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'delete'; who: number; key: string }
  | { kind: 'append'; who: number }
  | { kind: 'sync'; who: number; chaos: 'none' | 'lostAnswer' | 'replay' | 'editMidSync' };

const who = fc.integer({ min: 0, max: CLIENTS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, key: fc.constantFrom(...KEYS), field: fc.constantFrom(...FIELDS), value: fc.constantFrom('a', 'b', 'c', 'd') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, key: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('append' as const), who }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), who, chaos: fc.constantFrom('none' as const, 'lostAnswer' as const, 'replay' as const, 'editMidSync' as const) }) },
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

/** The rows the merge rule makes of every mutation ever queued, as Dexie would hold them. */
function model(mutations: Mutation[]): Record<string, unknown[]> {
  const states = new Map<string, { table: TableName; state: RowState }>();
  for (const m of mutations) {
    const id = `${m.table}/${m.key}`;
    states.set(id, { table: m.table, state: applyMutation(states.get(id)?.state, m) });
  }
  const out: Record<string, { id: string }[]> = {};
  for (const [, { table, state }] of states) {
    const plain = materialize(state);
    if (!plain) continue;
    (out[table] ??= []).push(tableSchemas[table].parse(syncFieldsToRow(table, plain)) as { id: string });
  }
  for (const rows of Object.values(out)) rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

describe('many clients, random interleavings, duplicated and replayed deliveries', () => {
  it('every client and the server end with identical rows, no edit lost', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 24 }), async (ops) => {
        run += 1;
        const ws = `prop-${run}-${Math.random().toString(36).slice(2, 8)}`;
        const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => server.token(ws, `p${i}@example.com`, 'member')));
        const dbs: BatonDb[] = Array.from({ length: CLIENTS }, () => newClientDb('prop'));
        const queued: Mutation[] = [];
        const pushed: { clientId: string; body: string; token: string }[] = [];
        let appends = 0;

        const capture = async (db: BatonDb, fn: () => Promise<unknown>) => {
          const before = ((await db.outbox.orderBy(':id').lastKey()) as number | undefined) ?? 0;
          await fn();
          for (const r of await db.outbox.where('id').above(before).toArray()) queued.push(r.mutation);
        };

        for (const op of ops) {
          const db = dbs[op.who]!;
          if (op.kind === 'edit') {
            await capture(db, async () => {
              const row = (await db.clients.get(op.key)) ?? { id: op.key, name: 'new', createdAt: T0 };
              await putRow(db, 'clients', { ...row, [op.field]: op.value });
            });
          } else if (op.kind === 'delete') {
            await capture(db, () => deleteRow(db, 'clients', op.key));
          } else if (op.kind === 'append') {
            await capture(db, () => appendRow(db, 'events', event(`e${appends++}`, 'k0')));
          } else {
            const token = tokens[op.who]!;
            if (op.chaos === 'replay' && pushed.length) {
              // An old push arrives again, late and out of order: the server must skip what it already applied.
              const old = pushed[Math.floor(pushed.length / 2)]!;
              const res = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${old.token}`, 'content-type': 'application/json' }, body: old.body });
              expect([200, 409]).toContain(res.status);
            }
            let lose = op.chaos === 'lostAnswer';
            let editing = op.chaos === 'editMidSync';
            const clientId = await getClientId(db);
            const fetchImpl: FetchLike = async (url, init) => {
              const res = await fetch(url, init);
              if (editing) {
                // The user edits while a request is in flight: that edit is not acknowledged by this answer.
                editing = false;
                await capture(db, async () => {
                  const row = (await db.clients.get('k1')) ?? { id: 'k1', name: 'new', createdAt: T0 };
                  await putRow(db, 'clients', { ...row, csOwner: `mid-${run}` });
                });
              }
              if (url.endsWith('/v1/push')) {
                pushed.push({ clientId, body: String(init.body), token });
                if (lose) {
                  lose = false;
                  await res.arrayBuffer();
                  throw new TypeError('connection reset after the server applied the push');
                }
              }
              return res;
            };
            await sync(db, server.url, token, { fetch: fetchImpl });
          }
        }

        for (let round = 0; round < 2; round++) for (let i = 0; i < CLIENTS; i++) await sync(dbs[i]!, server.url, tokens[i]!);

        const expected = model(queued);
        const first = await snapshot(dbs[0]!);
        for (const db of dbs) expect(await snapshot(db)).toEqual(first);
        expect(await serverSnapshot(server.url, tokens[0]!)).toEqual(first);
        for (const [table, rows] of Object.entries(first)) expect(rows).toEqual(expected[table] ?? []);
        for (const db of dbs) {
          expect(await db.outbox.count()).toBe(0);
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
