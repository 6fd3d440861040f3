/**
 * Every row of SYNC.md's tables as a test, run by `protocol.pglite.test.ts` and `protocol.postgres.test.ts` against
 * the same app on each store. Each test gets its own workspace, so tests share one database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatHlc } from '../../lib/sync/shared/hlc';
import {
  ChangeSchema,
  MAX_BODY_BYTES,
  MeResponseSchema,
  PullResponseSchema,
  type Mutation,
} from '../../lib/sync/shared/protocol';
import { rulesFromSchemas } from '../../lib/sync/shared/validate';
import { createApp } from '../../server/app';
import { hashToken } from '../../server/tokens';
import type { Store } from '../../server/store/store';
import { api, inProcess, pullAll, tokenFor } from './helpers/api';

/** A small stand-in for lib/domain's schemas: the suite is about the protocol, not the domain. */
export const testRules = rulesFromSchemas({
  clients: z.object({ id: z.string(), name: z.string().min(1), csOwner: z.string().optional(), size: z.number().int().optional() }),
  deals: z.object({ id: z.string(), stage: z.string() }),
  templates: z.object({ id: z.string(), title: z.string() }),
  decisions: z.object({ id: z.string(), title: z.string().min(1) }),
  events: z.object({ id: z.string(), name: z.string() }),
});

const h = (ms: number, client = 'c1') => formatHlc(1_700_000_000_000 + ms, 0, client);
export const put = (id: number, key: string, fields: Record<string, unknown>, ms = id, table: Mutation['table'] = 'clients'): Mutation =>
  ({ id, op: 'put', table, key, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { v, hlc: h(ms) }])) }) as Mutation;
const del = (id: number, key: string, ms = id): Mutation => ({ id, op: 'delete', table: 'clients', key, hlc: h(ms) });
const append = (id: number, key: string, title = 'Go'): Mutation => ({ id, op: 'append', table: 'decisions', key, record: { id: key, title } });

export function protocolSuite(name: string, open: () => Promise<{ store: Store; close(): Promise<void> }>) {
  describe(`sync protocol 1 on ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let n = 0;
    const request = () => inProcess(createApp({ store, rules: testRules, log: () => undefined, rateLimit: { max: 10_000, windowMs: 10_000 } }).app);
    /** A fresh workspace with a member of `role`; returns its client. */
    const member = async (role: 'admin' | 'member' | 'viewer' = 'member', workspace = `ws-${++n}`) =>
      api(request(), await tokenFor(store, workspace, role));

    beforeAll(async () => {
      ({ store, close } = await open());
    }, 60_000);
    afterAll(async () => close?.());

    describe('identity and auth', () => {
      it('answers health without a token', async () => {
        const r = await api(request()).health();
        expect(r).toMatchObject({ status: 200, body: { ok: true, protocol: 1 } });
      });

      it('tells a member who they are and in which workspace', async () => {
        const token = await tokenFor(store, 'Acme CS', 'viewer', 'vic@acme.example');
        const r = await api(request(), token).me();
        expect(r.status).toBe(200);
        expect(MeResponseSchema.parse(r.body)).toMatchObject({ member: { email: 'vic@acme.example', name: 'vic', role: 'viewer' }, workspace: { name: 'Acme CS' } });
      });

      it.each([
        ['GET', '/v1/me'],
        ['POST', '/v1/push'],
        ['POST', '/v1/pull'],
        ['GET', '/v1/stream'],
      ])('refuses %s %s with no token or an unknown one (401)', async (method, path) => {
        for (const token of [undefined, 'baton_unknown', '']) {
          const r = await api(request(), token).call(method, path, method === 'POST' ? { protocol: 1, clientId: 'c', mutations: [], cursor: null } : undefined);
          expect(r).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
        }
        const malformed = await api(request()).call(method, path, undefined, { authorization: 'Basic abc' });
        expect(malformed.status).toBe(401);
      });

      it('refuses a revoked token (401) at once: one token, or every token of a member, and no one else’s', async () => {
        const ws = `ws-${++n}`;
        const [a1, a2, b] = [await tokenFor(store, ws, 'member', 'ana@x.example'), await tokenFor(store, ws, 'member', 'ana@x.example'), await tokenFor(store, ws, 'member', 'ben@x.example')];
        // Same e-mail in another workspace: revoking Ana here leaves that one alone.
        const elsewhere = await tokenFor(store, `ws-${++n}`, 'member', 'ana@x.example');
        const status = async (t: string) => (await api(request(), t).me()).status;
        expect(await store.revokeTokens({ tokenHash: hashToken(a1) })).toBe(1);
        expect([await status(a1), await status(a2), await status(b)]).toEqual([401, 200, 200]);
        expect(await store.revokeTokens({ tokenHash: hashToken(a1) })).toBe(0);
        expect(await store.revokeTokens({ workspace: ws, email: 'ana@x.example' })).toBe(1);
        expect([await status(a2), await status(b), await status(elsewhere)]).toEqual([401, 200, 200]);
        expect((await api(request(), a2).push('c', [put(1, 'k', { name: 'x' })])).status).toBe(401);
        expect(await store.revokeTokens({ workspace: ws, email: 'nobody@x.example' })).toBe(0);
      });

      it("refuses a viewer's push (403) but lets them pull", async () => {
        const admin = await member('admin');
        const ws = (await admin.me()).body.workspace.name;
        expect((await admin.push('a', [put(1, 'k', { name: 'Acme' })])).status).toBe(200);
        const viewer = api(request(), await tokenFor(store, ws, 'viewer'));
        expect(await viewer.push('v', [put(1, 'k', { name: 'Evil' })])).toMatchObject({ status: 403, body: { error: 'forbidden', reason: 'viewer_read_only' } });
        expect(await viewer.push('v', [])).toMatchObject({ status: 403 });
        const pulled = await pullAll(viewer, 'v');
        expect(pulled.changes.map((c) => c.fields.name.v)).toEqual(['Acme']);
      });

      it("refuses a non-admin's template change (403) and applies nothing of the batch", async () => {
        const m = await member('member');
        const r = await m.push('m', [put(1, 'k', { name: 'ok' }), put(2, 't1', { title: 'Close' }, 2, 'templates')]);
        expect(r).toMatchObject({ status: 403, body: { error: 'forbidden', reason: 'templates_admin_only' } });
        expect((await pullAll(m, 'm')).changes).toEqual([]);
        const admin = await member('admin');
        expect(await admin.push('a', [put(1, 't1', { title: 'Close' }, 1, 'templates'), { id: 2, op: 'delete', table: 'templates', key: 't1', hlc: h(2) }])).toMatchObject({
          status: 200,
          body: { lastMutationId: 2 },
        });
      });

      it("keeps workspaces apart: same keys and client ids, neither reads nor writes the other's rows", async () => {
        const a = await member('admin');
        const b = await member('admin');
        expect((await a.push('same-client', [put(1, 'k1', { name: 'A' }, 1), append(2, 'd1', 'A decided')])).body).toEqual({ lastMutationId: 2 });
        // B's client with the same id starts at 1, not after A's mutations.
        expect((await b.push('same-client', [put(3, 'k1', { name: 'B' }, 9)])).body).toEqual({ error: 'mutation_gap', lastMutationId: 0 });
        expect((await b.push('same-client', [put(1, 'k1', { name: 'B' }, 9), del(2, 'k1', 10), append(3, 'd1', 'B decided')])).status).toBe(200);
        const pa = await pullAll(a, 'same-client');
        const pb = await pullAll(b, 'same-client');
        expect(pa.changes.map((c) => [c.key, c.fields.name?.v ?? c.fields.title.v, c.deleted])).toEqual([
          ['k1', 'A', null],
          ['d1', 'A decided', null],
        ]);
        expect(pb.changes.map((c) => [c.key, c.fields.name?.v ?? c.fields.title.v, c.deleted !== null])).toEqual([
          ['k1', 'B', true],
          ['d1', 'B decided', false],
        ]);
        expect(pa.last.lastMutationId).toBe(2);
        expect(pb.last.lastMutationId).toBe(3);
        // A's cursor means nothing to B's workspace numbering: B sees only its own rows from any cursor.
        expect((await b.pull('x', pa.last.cursor)).body.changes.every((c: { fields: { name?: { v: string } } }) => c.fields.name?.v !== 'A')).toBe(true);
      });
    });

    describe('push', () => {
      it('applies a batch and answers with the last applied mutation id', async () => {
        const m = await member();
        expect(await m.push('c', [put(1, 'k1', { name: 'Acme' }), put(2, 'k2', { name: 'Beta', size: 3 })])).toMatchObject({ status: 200, body: { lastMutationId: 2 } });
        expect(await m.push('c', [])).toMatchObject({ status: 200, body: { lastMutationId: 2 } });
      });

      it('skips an already-applied mutation, so a retried push is harmless', async () => {
        const m = await member();
        const batch = [put(1, 'k1', { name: 'first' }), put(2, 'k1', { name: 'second' })];
        await m.push('c', batch);
        const before = await pullAll(m, 'c');
        await m.push('c', [put(3, 'k1', { name: 'third' })]);
        // the first batch again, and a batch overlapping old and new ids
        expect((await m.push('c', batch)).body).toEqual({ lastMutationId: 3 });
        expect((await m.push('c', [put(2, 'k1', { name: 'second' }), put(3, 'k1', { name: 'third' }), put(4, 'k1', { size: 4 })])).body).toEqual({ lastMutationId: 4 });
        const after = await pullAll(m, 'c');
        expect(after.changes).toHaveLength(1);
        expect(after.changes[0]).toMatchObject({ key: 'k1', fields: { name: { v: 'third' }, size: { v: 4 } } });
        expect(after.changes[0].seq).toBeGreaterThan(before.changes[0].seq);
        // A no-op retry does not renumber rows: nothing new to pull.
        await m.push('c', batch);
        expect((await m.pull('c', after.last.cursor)).body.changes).toEqual([]);
      });

      it('answers 409 mutation_gap with the last applied id, applying nothing, when ids skip ahead', async () => {
        const m = await member();
        await m.push('c', [put(1, 'k1', { name: 'one' })]);
        expect(await m.push('c', [put(3, 'k1', { name: 'three' })])).toMatchObject({ status: 409, body: { error: 'mutation_gap', lastMutationId: 1 } });
        // a gap inside the batch: the valid head is not applied either
        expect(await m.push('c', [put(2, 'k2', { name: 'two' }), put(4, 'k2', { name: 'four' })])).toMatchObject({ status: 409, body: { error: 'mutation_gap', lastMutationId: 1 } });
        expect((await pullAll(m, 'c')).changes.map((c) => c.key)).toEqual(['k1']);
        expect(await m.push('c', [put(2, 'k2', { name: 'two' })])).toMatchObject({ status: 200, body: { lastMutationId: 2 } });
      });

      it.each<[string, unknown, number | null]>([
        ['an unknown field', put(2, 'k', { colour: 'red' }), 2],
        ['a field value failing its schema', put(2, 'k', { size: 'big' }), 2],
        ['an id field that is not the key', put(2, 'k', { id: 'other' }), 2],
        ['a put on an append-only table', { ...put(2, 'k', { title: 'x' }), table: 'decisions' }, 2],
        ['an append on a record table', { id: 2, op: 'append', table: 'clients', key: 'k', record: { id: 'k', name: 'x' } }, 2],
        ['an append whose record fails the schema', append(2, 'd', ''), 2],
        ['an append whose record id is not the key', { id: 2, op: 'append', table: 'decisions', key: 'd', record: { id: 'e', title: 'x' } }, 2],
        ['an unknown table', { ...put(2, 'k', { name: 'x' }), table: 'secrets' }, 2],
        ['a bad clock', { id: 2, op: 'delete', table: 'clients', key: 'k', hlc: 'yesterday' }, 2],
        ['an empty key', put(2, '', { name: 'x' }), 2],
        ['a key over 300 characters', put(2, 'k'.repeat(301), { name: 'x' }), 2],
        ['a put with no fields', { id: 2, op: 'put', table: 'clients', key: 'k', fields: {} }, 2],
        ['a reserved field name', { id: 2, op: 'put', table: 'clients', key: 'k', fields: { __proto__: null, constructor: { v: 1, hlc: h(1) } } }, 2],
        ['a missing id', { op: 'delete', table: 'clients', key: 'k', hlc: h(1) }, null],
        ['an unknown op', { id: 2, op: 'merge', table: 'clients', key: 'k' }, 2],
      ])('refuses the whole batch with 422 invalid_mutation for %s', async (_, bad, mutationId) => {
        const m = await member('admin');
        const r = await m.push('c', [put(1, 'k0', { name: 'valid' }), bad, put(3, 'k3', { name: 'valid too' })]);
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({ error: 'invalid_mutation', mutationId });
        expect(r.body.issues.length).toBeGreaterThan(0);
        expect(JSON.stringify(r.body)).not.toContain('valid too'); // issues name paths, they do not echo values
        expect((await pullAll(m, 'c')).changes).toEqual([]);
        expect((await pullAll(m, 'c')).last.lastMutationId).toBe(0);
      });

      it('accepts 500 mutations in one push and refuses 501 as an invalid request (422)', async () => {
        const m = await member();
        const batch = (from: number, count: number) => Array.from({ length: count }, (_, i) => put(from + i, `k${from + i}`, { name: `n${i}` }));
        expect(await m.push('c', batch(1, 500))).toMatchObject({ status: 200, body: { lastMutationId: 500 } });
        const r = await m.push('c', batch(501, 501));
        expect(r).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
        expect(r.body.issues[0].path).toEqual(['mutations']);
        expect((await pullAll(m, 'c', 5000)).changes).toHaveLength(500);
      });

      it.each([
        ['a missing clientId', { protocol: 1, mutations: [] }],
        ['a clientId over 64 characters', { protocol: 1, clientId: 'c'.repeat(65), mutations: [] }],
        ['mutations that are not a list', { protocol: 1, clientId: 'c', mutations: {} }],
        ['a body that is not an object', [1, 2]],
      ])('refuses a push with %s (422 invalid_request, or 426 with no protocol)', async (_, body) => {
        const m = await member();
        const r = await m.call('POST', '/v1/push', body);
        if (Array.isArray(body)) expect(r).toMatchObject({ status: 426, body: { error: 'protocol_unsupported' } });
        else expect(r).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
      });
    });

    describe('merge rule on the server', () => {
      it('keeps the later write of each field, whatever order pushes arrive in', async () => {
        const a = await member();
        const ws = (await a.me()).body.workspace.name;
        const b = api(request(), await tokenFor(store, ws, 'member'));
        await a.push('a', [put(1, 'k', { name: 'newer', csOwner: 'Ann' }, 50)]);
        await b.push('b', [put(1, 'k', { name: 'older', size: 7 }, 10)]);
        const [row] = (await pullAll(a, 'a')).changes;
        expect(row.fields).toMatchObject({ name: { v: 'newer' }, csOwner: { v: 'Ann' }, size: { v: 7 } });
      });

      it('deletes with a tombstone and revives on a later put', async () => {
        const m = await member();
        await m.push('c', [put(1, 'k', { name: 'x' }, 1), del(2, 'k', 2)]);
        expect((await pullAll(m, 'c')).changes[0].deleted).toBe(h(2));
        await m.push('c', [put(3, 'k', { name: 'back' }, 3)]);
        const [row] = (await pullAll(m, 'c')).changes;
        expect(row).toMatchObject({ deleted: h(2), fields: { name: { v: 'back', hlc: h(3) } } });
      });

      it('ignores an append whose key exists', async () => {
        const m = await member();
        await m.push('c', [append(1, 'd1', 'first')]);
        const first = await pullAll(m, 'c');
        await m.push('c', [append(2, 'd1', 'second')]);
        const after = await pullAll(m, 'c');
        expect(after.changes).toEqual(first.changes);
        expect(after.last.lastMutationId).toBe(2);
      });
    });

    describe('pull', () => {
      it('gives whole current rows with per-field clocks, strictly rising seq, in pages', async () => {
        const m = await member();
        await m.push('c', Array.from({ length: 25 }, (_, i) => put(i + 1, `k${i % 10}`, { name: `v${i}` }, i + 1)));
        const pages: any[] = [];
        let cursor: string | null = null;
        for (;;) {
          const r = await m.pull('c', cursor, 4);
          expect(r.status).toBe(200);
          const body = PullResponseSchema.parse(r.body);
          pages.push(body);
          cursor = body.cursor;
          if (!body.more) break;
        }
        const changes = pages.flatMap((p) => p.changes);
        expect(changes).toHaveLength(10);
        for (const c of changes) ChangeSchema.parse(c);
        const seqs = changes.map((c) => c.seq);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(changes.find((c) => c.key === 'k4')!.fields.name).toEqual({ v: 'v24', hlc: h(25) });
        expect(pages.at(-1).lastMutationId).toBe(25);
        expect(pages.slice(0, -1).every((p) => p.changes.length === 4 && p.more)).toBe(true);
        // pulling again from the last cursor gives nothing new and keeps the cursor
        const again = await m.pull('c', cursor);
        expect(again.body).toMatchObject({ changes: [], more: false, cursor });
      });

      it('moves a row changed again past the cursor, so a client pulling from its cursor sees the change', async () => {
        const m = await member();
        await m.push('c', [put(1, 'a', { name: 'a1' }), put(2, 'b', { name: 'b1' })]);
        const first = await m.pull('c', null);
        await m.push('c', [put(3, 'a', { name: 'a2' })]);
        const next = await m.pull('c', first.body.cursor);
        expect(next.body.changes.map((c: { key: string; fields: { name: { v: string } } }) => [c.key, c.fields.name.v])).toEqual([['a', 'a2']]);
      });

      it('answers lastMutationId for the asking client only (0 when unknown)', async () => {
        const m = await member();
        await m.push('c1', [put(1, 'a', { name: 'x' }), put(2, 'b', { name: 'y' })]);
        expect((await m.pull('c1')).body.lastMutationId).toBe(2);
        expect((await m.pull('never-pushed')).body.lastMutationId).toBe(0);
      });

      it.each([
        ['limit over 5000', { protocol: 1, clientId: 'c', cursor: null, limit: 5001 }],
        ['limit 0', { protocol: 1, clientId: 'c', cursor: null, limit: 0 }],
        ['a cursor not from this server', { protocol: 1, clientId: 'c', cursor: 'bm9wZQ' }],
        ['a cursor with bad characters', { protocol: 1, clientId: 'c', cursor: '../../etc' }],
        ['a missing cursor', { protocol: 1, clientId: 'c' }],
      ])('refuses %s (422 invalid_request)', async (_, body) => {
        const r = await (await member()).call('POST', '/v1/pull', body);
        expect(r).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
      });
    });

    describe('errors and limits', () => {
      it.each([
        ['/v1/push', { protocol: 2, clientId: 'c', mutations: [] }],
        ['/v1/pull', { protocol: 0, clientId: 'c', cursor: null }],
        ['/v1/pull', { protocol: '1', clientId: 'c', cursor: null }],
        ['/v1/push', { clientId: 'c', mutations: [] }],
      ])('answers 426 protocol_unsupported to %s with %j', async (path, body) => {
        const r = await (await member()).call('POST', path, body);
        expect(r).toMatchObject({ status: 426, body: { error: 'protocol_unsupported', supported: [1] } });
      });

      it.each(['/v1/push', '/v1/pull'])('answers 400 bad_json to malformed JSON on %s', async (path) => {
        const m = await member();
        for (const text of ['{"protocol":1,', '', 'protocol=1', '{"a":1}}']) {
          expect(await m.call('POST', path, text)).toMatchObject({ status: 400, body: { error: 'bad_json' } });
        }
      });

      it.each([
        ['with a Content-Length', (s: string) => s],
        ['streamed without a Content-Length', (s: string) => new Blob([s]).stream()],
      ])('answers 413 to a body over 1 MiB %s, applying nothing', async (_, wrap) => {
        const m = await member();
        const big = JSON.stringify({ protocol: 1, clientId: 'c', mutations: [put(1, 'k', { name: 'x'.repeat(MAX_BODY_BYTES) })] });
        const res = await request()('/v1/push', {
          method: 'POST',
          headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
          body: wrap(big) as BodyInit,
          // @ts-expect-error Node's fetch needs this for a stream body
          duplex: 'half',
        });
        expect(res.status).toBe(413);
        expect(await res.json()).toEqual({ error: 'body_too_large' });
        expect((await pullAll(m, 'c')).changes).toEqual([]);
      });

      it('answers 429 with Retry-After past the per-token rate limit, and other tokens still pass', async () => {
        const limited = inProcess(createApp({ store, rules: testRules, log: () => undefined, rateLimit: { max: 3, windowMs: 60_000 } }).app);
        const tokenA = await tokenFor(store, `ws-${++n}`, 'member');
        const tokenB = await tokenFor(store, `ws-${n}`, 'member');
        const a = api(limited, tokenA);
        for (let i = 0; i < 3; i++) expect((await a.me()).status).toBe(200);
        const r = await a.me();
        expect(r).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
        const retryAfter = Number(r.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect((await api(limited, tokenB).me()).status).toBe(200);
      });

      it('answers 404 not_found as JSON to unknown routes', async () => {
        expect(await (await member()).call('GET', '/v1/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
      });
    });
  });
}
