/**
 * Many clients against the real server (in-process, on PGlite): random interleavings of edits, pushes and pulls,
 * requests delivered late, out of order, twice, or with their answers lost. However it goes, once everyone has
 * pushed and pulled, every client and the server hold the same rows, and each row is the merge of every edit ever
 * made (no edit lost).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyMutation, materialize, type RowState } from '../../lib/sync/shared/merge';
import type { Mutation } from '../../lib/sync/shared/protocol';
import { rulesFromSchemas } from '../../lib/sync/shared/validate';
import { createApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/tokens';
import { freshPgliteStore } from '../server/helpers/pglite';
import { ModelClient, rowKey } from './client-model';

const rules = rulesFromSchemas({
  clients: z.object({ id: z.string(), name: z.string(), stage: z.string(), size: z.number() }),
  decisions: z.object({ id: z.string(), title: z.string() }),
});

type Step =
  | { kind: 'edit'; c: number; key: number; values: Record<string, unknown> }
  | { kind: 'delete'; c: number; key: number }
  | { kind: 'append'; c: number }
  | { kind: 'push'; c: number; skip: number }
  | { kind: 'pull'; c: number; limit: number }
  | { kind: 'deliver'; pick: number; twice: boolean; loseAnswer: boolean }
  | { kind: 'wait'; ms: number };

const CLIENTS = 3;
const client = fc.nat({ max: CLIENTS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), c: client, key: fc.nat({ max: 3 }), values: fc.record({ name: fc.constantFrom('Acme', 'Beta', 'Gamma'), stage: fc.constantFrom('new', 'won'), size: fc.nat({ max: 9 }) }, { requiredKeys: [] }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), c: client, key: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('append' as const), c: client }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), c: client, skip: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), c: client, limit: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), twice: fc.boolean(), loseAnswer: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5 }) }) },
);

describe('clients and the server converge', () => {
  let fresh: Awaited<ReturnType<typeof freshPgliteStore>>;
  beforeAll(async () => {
    fresh = await freshPgliteStore();
  }, 60_000);
  afterAll(async () => fresh?.close());

  it('ends with identical rows everywhere, each the merge of every edit, whatever the network did', async () => {
    let run = 0;
    const app = createApp({ store: fresh.store, rules, log: () => undefined, rateLimit: { max: 1e9, windowMs: 1000 } }).app;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 45 }), async (steps) => {
        const workspace = `conv-${++run}`;
        const clients = Array.from({ length: CLIENTS }, (_, i) => new ModelClient(`client-${i}`));
        const tokens: string[] = [];
        for (const c of clients) {
          const token = generateToken();
          await fresh.store.issueToken({ workspace, email: `${c.id}@example.com`, role: 'member' }, hashToken(token));
          tokens.push(token);
        }
        const post = async (c: number, path: string, body: unknown) => {
          const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${tokens[c]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: res.status, body: (await res.json()) as any };
        };
        const every: Mutation[] = [];
        let now = 1_700_000_000_000;
        let appends = 0;
        type Flight = { c: number; path: '/v1/push' | '/v1/pull'; body: unknown };
        const inFlight: Flight[] = [];

        const answer = (f: Flight, r: { status: number; body: any }) => {
          const c = clients[f.c]!;
          if (f.path === '/v1/push') {
            expect([200, 409]).toContain(r.status);
            c.acknowledge(r.body.lastMutationId);
          } else {
            expect(r.status).toBe(200);
            c.onPull(r.body, now);
          }
        };
        const deliver = async (f: Flight, twice: boolean, loseAnswer: boolean) => {
          const r = await post(f.c, f.path, f.body);
          if (twice) await post(f.c, f.path, f.body);
          if (!loseAnswer) answer(f, r);
        };

        for (const s of steps) {
          now += 1;
          switch (s.kind) {
            case 'edit':
              if (Object.keys(s.values).length) every.push(clients[s.c]!.put('clients', `k${s.key}`, s.values, now));
              break;
            case 'delete':
              every.push(clients[s.c]!.delete('clients', `k${s.key}`, now));
              break;
            case 'append': {
              const key = `d${++appends}`;
              every.push(clients[s.c]!.append('decisions', key, { id: key, title: `decision ${appends}` }));
              break;
            }
            case 'push':
              inFlight.push({ c: s.c, path: '/v1/push', body: clients[s.c]!.pushBody(s.skip) });
              break;
            case 'pull':
              inFlight.push({ c: s.c, path: '/v1/pull', body: clients[s.c]!.pullBody(s.limit) });
              break;
            case 'deliver':
              if (inFlight.length) await deliver(inFlight.splice(s.pick % inFlight.length, 1)[0]!, s.twice, s.loseAnswer);
              break;
            case 'wait':
              now += s.ms;
              break;
          }
        }
        // The network settles: late requests arrive, then everyone pushes everything and pulls to the end.
        for (const f of inFlight.splice(0)) await deliver(f, false, false);
        for (let i = 0; i < clients.length; i++) {
          while (clients[i]!.outbox.length) answer({ c: i, path: '/v1/push', body: null }, await post(i, '/v1/push', clients[i]!.pushBody()));
        }
        for (let i = 0; i < clients.length; i++) {
          for (;;) {
            const r = await post(i, '/v1/pull', clients[i]!.pullBody(3));
            answer({ c: i, path: '/v1/pull', body: null }, r);
            if (!r.body.more) break;
          }
        }

        // The reference: every edit applied once, in the order made.
        const expected = new Map<string, RowState>();
        for (const m of every) expected.set(rowKey(m.table, m.key), applyMutation(expected.get(rowKey(m.table, m.key)), m));
        const view = (rows: Map<string, RowState>) =>
          Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => [k, { state: s, row: materialize(s) }]));

        const server = new ModelClient('observer');
        for (;;) {
          const r = await post(0, '/v1/pull', server.pullBody(1000));
          server.onPull(r.body, now);
          if (!r.body.more) break;
        }
        expect(view(server.rows)).toEqual(view(expected));
        for (const c of clients) {
          expect(c.outbox).toEqual([]);
          expect(view(c.rows)).toEqual(view(expected));
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
