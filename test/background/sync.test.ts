import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_ALARM, startSyncScheduler, type SyncScheduler } from '../../lib/background/sync';
import type { BatonDb } from '../../lib/db/schema';
import { readTriage } from '../../lib/triage/store';
import { putRow } from '../../lib/db/writer';
import type { FetchLike } from '../../lib/sync/client';
import { readSyncStatus, writeSyncStatus } from '../../lib/sync/status';
import type { SyncSettings } from '../../lib/settings/sync';
import { freshDb, NOW } from '../db/helpers';

const settings: SyncSettings = { serverUrl: 'https://sync.example', token: 'tok', workspaceId: 'w1' };

/** A stand-in server that acknowledges every push and has nothing to pull; counts overlapping runs. */
function stubServer(delayMs = 5) {
  const stats = { pushes: 0, pulls: 0, inFlight: 0, maxInFlight: 0, pushedIds: [] as number[] };
  let last = 0;
  const fetch: FetchLike = async (url, init) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    stats.inFlight--;
    const body = JSON.parse(String(init.body)) as { mutations?: { id: number }[] };
    if (url.endsWith('/v1/push')) {
      stats.pushes++;
      for (const m of body.mutations ?? []) stats.pushedIds.push(m.id);
      last = Math.max(last, ...(body.mutations ?? []).map((m) => m.id));
      return Response.json({ lastMutationId: last });
    }
    stats.pulls++;
    return Response.json({ cursor: 'c', more: false, lastMutationId: last, changes: [] });
  };
  return { fetch, stats };
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let db: BatonDb;
let scheduler: SyncScheduler | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  scheduler?.stop();
  scheduler = undefined;
  db = freshDb();
});

describe('the background sync scheduler', () => {
  it('creates the minute alarm when the worker starts and syncs at once', async () => {
    const server = stubServer();
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => settings });
    await until(async () => (await fakeBrowser.alarms.get(SYNC_ALARM)) !== undefined);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(1);
    await until(() => server.stats.pulls === 1);
  });

  it('says sync is off when no server is set up, and sends nothing', async () => {
    await writeSyncStatus(db, { state: 'synced', at: NOW });
    const server = stubServer();
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => null });
    await scheduler.trigger('test');
    expect(await readSyncStatus(db)).toEqual({ state: 'off' });
    expect(server.stats.pulls).toBe(0);
  });

  it('pushes a local write after a short debounce', async () => {
    const server = stubServer();
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => settings, debounceMs: 50 });
    await until(() => server.stats.pulls === 1);
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    await putRow(db, 'clients', { id: 'c2', name: 'Beta', createdAt: NOW });
    await until(async () => (await db.outbox.count()) === 0);
    expect(server.stats.pushedIds).toEqual([1, 2]);
  });

  it('rebuilds the triage summaries of the clients a pull brought, so the dashboard opens on them at once', async () => {
    const hlc = `${String(NOW).padStart(13, '0')}-0000-server`;
    const field = (v: unknown) => ({ v, hlc });
    const fetch: FetchLike = async (url) => {
      if (url.endsWith('/v1/push')) return Response.json({ lastMutationId: 0 });
      const changes = [{ table: 'clients', key: 'c9', fields: { id: field('c9'), name: field('Pulled Co'), createdAt: field(NOW) }, deleted: null, seq: 1 }];
      return Response.json({ cursor: 'c1', more: false, lastMutationId: 0, changes });
    };
    scheduler = startSyncScheduler({ db, fetch, loadSettings: async () => settings });
    const result = await scheduler.trigger('test');
    expect(result).toMatchObject({ outcome: 'synced', pulled: 1 });
    expect(await db.triageDirty.count()).toBe(0);
    const read = await readTriage(db, NOW);
    expect(read.stale).toBe(false);
    expect(read.triage?.rows.map((r) => r.name)).toEqual(['Pulled Co']);
  });

  it('runs on the alarm and on a sync:now message, which it answers', async () => {
    const server = stubServer();
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => settings });
    await until(() => server.stats.pulls === 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 1, persistAcrossSessions: true });
    await until(() => server.stats.pulls === 2);
    const answer = await fakeBrowser.runtime.sendMessage({ type: 'sync:now' });
    expect(answer).toEqual({ outcome: 'synced' });
    expect(server.stats.pulls).toBe(3);
  });

  it('runs one sync at a time, coalescing triggers that arrive meanwhile into one more run', async () => {
    const server = stubServer(30);
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => settings });
    await Promise.all(Array.from({ length: 6 }, () => scheduler!.trigger('burst')));
    expect(server.stats.maxInFlight).toBe(1);
    expect(server.stats.pulls).toBe(2); // the start run, then one more for the whole burst
  });

  it('does not retry a refused token on its own, but does when the user asks', async () => {
    const server = stubServer();
    await writeSyncStatus(db, { state: 'attention', since: NOW, code: 'unauthorized', reason: 'x' });
    scheduler = startSyncScheduler({ db, fetch: server.fetch, loadSettings: async () => settings });
    await scheduler.trigger('alarm');
    expect(server.stats.pulls).toBe(0);
    await scheduler.trigger('user', true);
    expect(server.stats.pulls).toBe(1);
    expect((await readSyncStatus(db)).state).toBe('synced');
  });
});
