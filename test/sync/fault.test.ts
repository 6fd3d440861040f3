/**
 * Faults the engine must survive without losing or duplicating an edit: the service worker stopped in the middle of
 * a sync, and the network down for a while. (The server killed mid-push: `fault-server-kill.test.ts`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putRow } from '../../lib/db/writer';
import { describeSyncStatus, readLastSyncedAt, readSyncStatus } from '../../lib/sync/status';
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
async function workspace() {
  n += 1;
  const name = `fault-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return { name, token: await server.token(name, `rep${n}@example.com`, 'member'), other: await server.token(name, `csm${n}@example.com`, 'member') };
}

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const ids = (rows: unknown[] | undefined) => (rows ?? []).map((r) => (r as { id: string }).id);

describe('the service worker stopped mid-sync', () => {
  it('resumes after a stop between push and pull: nothing lost, nothing twice', async () => {
    const { token, other } = await workspace();
    const csm = newClientDb('csm');
    await queueClients(csm, 300, 'remote');
    await sync(csm, server.url, other);

    const rep = newClientDb('rep');
    await queueClients(rep, 1200, 'local');
    await queueEvents(rep, 50);
    const first = testEngine(rep, server.url, token, {
      onProgress: (e) => {
        if (e.phase === 'pushed') first.dispose(); // the worker dies after its first acknowledged batch
      },
    });
    expect(await first.run()).toMatchObject({ outcome: 'aborted', pushed: 500, pulled: 0 });
    expect(await rep.outbox.count()).toBe(750);
    expect(await rep.clients.count()).toBe(1200); // no remote rows yet

    const spy = spyFetch();
    const second = await sync(rep, server.url, token, { fetch: spy.fetch });
    expect(spy.pushes()[0]!.body.mutations![0]!.id).toBe(501);
    expect(second.pushed).toBe(750);

    const local = await snapshot(rep);
    expect(local.clients).toHaveLength(1500);
    expect(local.events).toHaveLength(50);
    expect(await serverSnapshot(server.url, token)).toEqual(local);
  });

  it('resumes a pull from the saved cursor after a stop between pages, or mid-request', async () => {
    const { token, other } = await workspace();
    const csm = newClientDb('csm');
    await queueClients(csm, 500, 'remote');
    await sync(csm, server.url, other);

    const rep = newClientDb('rep');
    await putRow(rep, 'clients', client('mine', 'Mine'));
    const first = testEngine(rep, server.url, token, {
      pullLimit: 100,
      onProgress: (e) => {
        if (e.phase === 'pulled') first.dispose();
      },
    });
    expect(await first.run()).toMatchObject({ outcome: 'aborted', pushed: 1, pulled: 100 });

    // The next worker is stopped while its second pull request is in flight: that page is not written.
    let pulls = 0;
    const stopper = spyFetch((url, body) => {
      if (url.endsWith('/v1/pull') && ++pulls === 2) second.dispose();
      return body;
    });
    const second = testEngine(rep, server.url, token, { pullLimit: 100, fetch: stopper.fetch });
    expect(await second.run()).toMatchObject({ outcome: 'aborted', pulled: 100 });
    expect(await rep.clients.count()).toBe(201);

    const spy = spyFetch();
    await sync(rep, server.url, token, { pullLimit: 100, fetch: spy.fetch });
    expect(spy.calls.filter((c) => c.url.endsWith('/v1/pull'))[0]!.body.cursor).not.toBeNull();
    expect(ids((await snapshot(rep)).clients)).toHaveLength(501);
    expect(await serverSnapshot(server.url, token)).toEqual(await snapshot(rep));
  });

  it('leaves the status as it was when stopped', async () => {
    const { token } = await workspace();
    const rep = newClientDb('rep');
    await sync(rep, server.url, token);
    const before = await readSyncStatus(rep);
    await queueClients(rep, 2);
    const engine = testEngine(rep, server.url, token, { onProgress: () => engine.dispose() });
    await engine.run();
    expect(await readSyncStatus(rep)).toEqual(before);
  });
});

describe('the network down for a while', () => {
  it('keeps every edit in the outbox while offline and sends them in order when back', async () => {
    const { token } = await workspace();
    const proxy = await startFaultProxy(server.url);
    try {
      const rep = newClientDb('rep');
      await sync(rep, proxy.url, token);
      await proxy.down();
      for (let round = 0; round < 3; round++) {
        await queueClients(rep, 5, `r${round}-`);
        const result = await testEngine(rep, proxy.url, token).run();
        expect(result.outcome).toBe('offline');
      }
      const status = await readSyncStatus(rep);
      expect(describeSyncStatus(status, await rep.outbox.count(), await readLastSyncedAt(rep)).label).toBe('Offline, 15 changes pending');
      expect(ids((await serverSnapshot(server.url, token)).clients)).toEqual([]);

      await proxy.up();
      const spy = spyFetch();
      await sync(rep, proxy.url, token, { fetch: spy.fetch });
      expect(spy.pushes().flatMap((p) => p.body.mutations!.map((m) => m.id))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(await rep.outbox.count()).toBe(0);
      expect(ids((await serverSnapshot(server.url, token)).clients)).toHaveLength(15);
    } finally {
      await proxy.close();
    }
  });

  it('survives connections cut mid-answer: the retried push applies once', async () => {
    const { token } = await workspace();
    const proxy = await startFaultProxy(server.url);
    try {
      const rep = newClientDb('rep');
      await queueEvents(rep, 20);
      proxy.fail({ path: '/v1/push', cutAfter: true, times: 2 });
      proxy.fail({ path: '/v1/pull', cut: true, times: 1 });
      const engine = testEngine(rep, proxy.url, token);
      expect((await engine.run()).outcome).toBe('synced');
      expect(engine.sleeps).toHaveLength(3);
      expect(ids((await serverSnapshot(server.url, token)).events)).toHaveLength(20);
    } finally {
      await proxy.close();
    }
  });
});
