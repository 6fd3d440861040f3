/**
 * The sync engine against a real sync server over loopback: two clients converge, the outbox drains in batches,
 * gaps are repaired, refusals stop sync with a plain sentence, and transient failures are retried with backoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClientId } from '../../lib/db/clock';
import { deleteRow, putRow, updateRow } from '../../lib/db/writer';
import { readSyncStatus, SENTENCES } from '../../lib/sync/status';
import { startFaultProxy } from './engine-proxy';
import {
  client,
  newClientDb,
  queueClients,
  queueEvents,
  serverSnapshot,
  snapshot,
  spyFetch,
  startTestServer,
  sync,
  testEngine,
  type TestServer,
} from './engine-helpers';

let server: TestServer;
let n = 0;
/** A workspace of its own per test, so tests do not see each other's rows. */
async function workspace(role: 'admin' | 'member' | 'viewer' = 'member') {
  n += 1;
  const name = `ws-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return { name, token: await server.token(name, `rep${n}@example.com`, role) };
}

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('push and pull between two clients', () => {
  it('ends with identical rows on both clients and the server', async () => {
    const { name, token } = await workspace();
    const token2 = await server.token(name, 'csm@example.com', 'member');
    const rep = newClientDb('rep');
    const csm = newClientDb('csm');
    expect(await getClientId(rep)).not.toBe(await getClientId(csm));

    await putRow(rep, 'clients', client('c1', 'Acme'));
    await queueEvents(rep, 3);
    await putRow(csm, 'clients', client('c2', 'Beta'));
    await deleteRow(csm, 'clients', 'c2');
    await putRow(csm, 'clients', client('c3', 'Gamma'));

    await sync(rep, server.url, token);
    await sync(csm, server.url, token2);
    await sync(rep, server.url, token);

    expect(await rep.outbox.count()).toBe(0);
    expect(await csm.outbox.count()).toBe(0);
    const a = await snapshot(rep);
    expect(a.clients!.map((c) => (c as { id: string }).id)).toEqual(['c1', 'c3']);
    expect(a.events).toHaveLength(3);
    expect(await snapshot(csm)).toEqual(a);
    expect(await serverSnapshot(server.url, token)).toEqual(a);
    expect(await readSyncStatus(rep)).toMatchObject({ state: 'synced' });
  });

  it('keeps both people’s edits to different fields of one row', async () => {
    const { name, token } = await workspace();
    const token2 = await server.token(name, 'csm@example.com', 'member');
    const rep = newClientDb('rep');
    const csm = newClientDb('csm');
    await putRow(rep, 'clients', client('c1', 'Acme'));
    await sync(rep, server.url, token);
    await sync(csm, server.url, token2);

    await updateRow(rep, 'clients', 'c1', (c) => ({ ...c, salesOwner: 'Sam' }));
    await updateRow(csm, 'clients', 'c1', (c) => ({ ...c, csOwner: 'Kim' }));
    await sync(csm, server.url, token2); // the CSM pushes first; the rep's pull overlaps its own unsent edit
    await sync(rep, server.url, token);
    await sync(csm, server.url, token2);

    const expected = { id: 'c1', name: 'Acme', createdAt: client('c1', '').createdAt, salesOwner: 'Sam', csOwner: 'Kim' };
    expect(await rep.clients.get('c1')).toEqual(expected);
    expect(await csm.clients.get('c1')).toEqual(expected);
  });

  it('pulls a large workspace in pages until the server has no more', async () => {
    const { name, token } = await workspace();
    const writer = newClientDb('writer');
    await queueClients(writer, 250);
    await sync(writer, server.url, token);
    const reader = newClientDb('reader');
    const spy = spyFetch();
    const result = await sync(reader, server.url, await server.token(name, 'r@example.com', 'viewer'), { fetch: spy.fetch, pullLimit: 100 });
    expect(result.pulled).toBe(250);
    expect(spy.calls.filter((c) => c.url.endsWith('/v1/pull')).map((c) => c.body.cursor === null)).toEqual([true, false, false]);
    expect(await reader.clients.count()).toBe(250);
  });
});

describe('draining the outbox', () => {
  it('sends 1,200 pending edits in order, in batches of at most 500', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    await queueClients(db, 1200);
    const spy = spyFetch();
    const result = await sync(db, server.url, token, { fetch: spy.fetch });
    expect(spy.pushes().map((p) => p.body.mutations!.length)).toEqual([500, 500, 200]);
    const ids = spy.pushes().flatMap((p) => p.body.mutations!.map((m) => m.id));
    expect(ids).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    expect(result.pushed).toBe(1200);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a batch under the 1 MiB body limit by bytes as well as count', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    const note = 'x'.repeat(1900);
    for (let i = 0; i < 600; i++) await putRow(db, 'clients', client(`c${i}`, `Client ${i}`, { salesOwner: note.slice(0, 200), csOwner: note.slice(0, 200) }));
    const spy = spyFetch();
    await sync(db, server.url, token, { fetch: spy.fetch, maxBatchBytes: 100_000 });
    const sizes = spy.pushes().map((p) => JSON.stringify(p.body).length);
    expect(Math.max(...sizes)).toBeLessThan(100_000);
    expect(spy.pushes().reduce((s, p) => s + p.body.mutations!.length, 0)).toBe(600);
  });

  it('repairs a 409 mutation_gap by resending from the server’s last id', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    await queueClients(db, 10);
    // The first push reaches the server without its first three mutations: the server wants #1 and says so.
    const spy = spyFetch((url, body, call) =>
      call === 0 && url.endsWith('/v1/push') ? { ...(body as object), mutations: (body as { mutations: unknown[] }).mutations.slice(3) } : body,
    );
    const result = await sync(db, server.url, token, { fetch: spy.fetch });
    expect(spy.pushes().map((p) => p.body.mutations!.map((m) => m.id)[0])).toEqual([4, 1]);
    expect(result.pushed).toBe(10);
    expect((await serverSnapshot(server.url, token)).clients).toHaveLength(10);
  });

  it('needs attention, and deletes nothing, when outbox rows were lost locally', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    await queueClients(db, 3);
    await sync(db, server.url, token);
    await queueClients(db, 3, 'd'); // ids 4, 5, 6
    await db.outbox.delete(4); // a bug lost #4: the server can never accept #5
    const result = await testEngine(db, server.url, token).run();
    expect(result).toMatchObject({ outcome: 'attention', code: 'outbox_gap', reason: SENTENCES.outboxGap(4, 5) });
    expect(await db.outbox.count()).toBe(2);
  });

  it('drops outbox rows that a pull says the server already has', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    await queueClients(db, 5);
    const proxy = await startFaultProxy(server.url);
    try {
      // The server applies the push but its answer is lost: the rows stay in the outbox.
      proxy.fail({ path: '/v1/push', cutAfter: true, times: 1 });
      expect((await testEngine(db, proxy.url, token, { retry: { attempts: 1 } }).run()).outcome).toBe('offline');
      expect(await db.outbox.count()).toBe(5);
      // Next run, the push is refused, but the pull's lastMutationId acknowledges all five.
      proxy.fail({ path: '/v1/push', status: 403, body: { error: 'forbidden', reason: 'role' }, times: 1 });
      expect((await testEngine(db, proxy.url, token).run()).outcome).toBe('attention');
      expect(await db.outbox.count()).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('refusals stop sync and say why', () => {
  it.each([
    ['a refused token', 'unauthorized', SENTENCES.unauthorized],
    ['a viewer’s push', 'forbidden', 'Your role cannot write to this workspace (viewer).'],
    ['a server on a newer protocol', 'protocol', SENTENCES.protocol],
  ] as const)('%s', async (_name, code, sentence) => {
    const ws = await workspace(code === 'forbidden' ? 'viewer' : 'member');
    const token = code === 'unauthorized' ? 'not-a-token' : ws.token;
    const db = newClientDb();
    await queueClients(db, 2);
    // A newer server answers 426 to protocol 1; this one answers 426 to protocol 2, so ask in protocol 2.
    const spy = spyFetch((_url, body) => (code === 'protocol' && body ? { ...(body as object), protocol: 2 } : body));
    const result = await testEngine(db, server.url, token, { fetch: spy.fetch }).run();
    expect(result).toMatchObject({ outcome: 'attention', code, reason: sentence });
    expect(await readSyncStatus(db)).toMatchObject({ state: 'attention', code, reason: sentence });
    expect(await db.outbox.count()).toBe(2);
    // Refused requests are not retried.
    expect(spy.pushes()).toHaveLength(1);
  });

  it('still pulls for a viewer whose push was refused', async () => {
    const { name, token } = await workspace();
    const db = newClientDb('writer');
    await putRow(db, 'clients', client('c1', 'Acme'));
    await sync(db, server.url, token);
    const viewer = newClientDb('viewer');
    await putRow(viewer, 'clients', client('v1', 'Mine'));
    const result = await testEngine(viewer, server.url, await server.token(name, 'v@example.com', 'viewer')).run();
    expect(result.outcome).toBe('attention');
    expect(await viewer.clients.get('c1')).toMatchObject({ name: 'Acme' });
  });

  it('says only admins change templates when a member’s template edit is refused', async () => {
    const { token } = await workspace('member');
    const db = newClientDb();
    await db.outbox.add({
      id: 1,
      createdAt: 0,
      mutation: { id: 1, op: 'put', table: 'templates', key: 'close_to_onboarding', fields: { label: { v: 'Close → onboarding', hlc: '1800000000000-0000-x' } } },
    });
    const result = await testEngine(db, server.url, token).run();
    expect(result).toMatchObject({ outcome: 'attention', code: 'forbidden', reason: 'Only admins can change hand-over templates in this workspace (you are member).' });
  });

  it('names the mutation, table and field the server refused', async () => {
    const { token } = await workspace();
    const db = newClientDb();
    await queueClients(db, 1);
    await db.outbox.add({
      id: 2,
      createdAt: 0,
      mutation: { id: 2, op: 'put', table: 'clients', key: 'c9', fields: { name: { v: 42, hlc: '1800000000000-0000-x' } } },
    });
    const result = await testEngine(db, server.url, token).run();
    expect(result).toMatchObject({ outcome: 'attention', code: 'invalid_mutation' });
    expect('reason' in result && result.reason).toMatch(/^The sync server refused change #2 to clients "c9": field name: /);
    expect(await db.outbox.count()).toBe(2); // a batch is atomic: #1 was not applied either
  });
});

describe('transient failures', () => {
  it('retries 503 and 429 with backoff, waiting at least Retry-After', async () => {
    const p = await startFaultProxy(server.url);
    try {
      const { token } = await workspace();
      const db = newClientDb();
      await queueClients(db, 3);
      p.fail({ path: '/v1/push', status: 503, times: 2 });
      p.fail({ path: '/v1/push', status: 429, headers: { 'retry-after': '7' }, body: { error: 'rate_limited', retryAfter: 7 }, times: 1 });
      const engine = testEngine(db, p.url, token, { random: () => 1 });
      expect((await engine.run()).outcome).toBe('synced');
      expect(engine.sleeps).toEqual([500, 1000, 7000]);
      expect(p.log.filter((l) => l.path === '/v1/push').map((l) => l.status)).toEqual([503, 503, 429, 200]);
      expect((await serverSnapshot(server.url, token)).clients).toHaveLength(3);
    } finally {
      await p.close();
    }
  });

  it('goes offline with the edits pending when retries run out, and sends them on the next run', async () => {
    const p = await startFaultProxy(server.url);
    try {
      const { token } = await workspace();
      const db = newClientDb();
      await queueClients(db, 4);
      await p.down();
      const result = await testEngine(db, p.url, token).run();
      expect(result).toMatchObject({ outcome: 'offline', reason: 'The sync server cannot be reached.' });
      expect(await db.outbox.count()).toBe(4);
      await p.up();
      expect((await testEngine(db, p.url, token).run()).outcome).toBe('synced');
      expect(await db.outbox.count()).toBe(0);
    } finally {
      await p.close();
    }
  });
});

describe('a new server or workspace', () => {
  it('takes a new client id and sends pending edits there from #1', async () => {
    const a = await workspace();
    const b = await workspace();
    const db = newClientDb();
    await queueClients(db, 3);
    await sync(db, server.url, a.token, { binding: `${server.url}#${a.name}` });
    const before = await getClientId(db);
    await queueClients(db, 2, 'n'); // ids 4, 5
    const spy = spyFetch();
    await sync(db, server.url, b.token, { binding: `${server.url}#${b.name}`, fetch: spy.fetch });
    expect(await getClientId(db)).not.toBe(before);
    expect(spy.pushes()[0]!.body.mutations!.map((m) => m.id)).toEqual([1, 2]);
    expect((await serverSnapshot(server.url, b.token)).clients!.map((c) => (c as { id: string }).id)).toEqual(['n0', 'n1']);
  });
});
