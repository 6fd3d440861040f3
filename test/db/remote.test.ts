import { beforeEach, describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '../../lib/db/remote';
import type { BatonDb } from '../../lib/db/schema';
import { putRow } from '../../lib/db/writer';
import { APPEND_HLC } from '../../lib/sync/shared/merge';
import type { Change } from '../../lib/sync/shared/protocol';
import { freshDb, NOW } from './helpers';

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});

const hlc = (ms: number, who = 'server') => `${String(ms).padStart(13, '0')}-0000-${who}`;
const client = (fields: Record<string, unknown>, at: number, seq = 1): Change => ({
  table: 'clients',
  key: 'c1',
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { v: v as never, hlc: hlc(at) }])),
  deleted: null,
  seq,
});

describe('merging pulled rows', () => {
  it('creates a row that was only on the server', async () => {
    const r = await applyRemoteChanges(db, [client({ id: 'c1', name: 'Acme', createdAt: NOW }, NOW)]);
    expect(r.applied).toBe(1);
    expect(await db.clients.get('c1')).toEqual({ id: 'c1', name: 'Acme', createdAt: NOW });
  });

  it('keeps a local edit that is newer than the pulled value, field by field', async () => {
    await applyRemoteChanges(db, [client({ id: 'c1', name: 'Acme', csOwner: 'Sam', createdAt: NOW }, 1000)]);
    await putRow(db, 'clients', { id: 'c1', name: 'Acme Local', csOwner: 'Sam', createdAt: NOW }); // clock = now > 1000
    await applyRemoteChanges(db, [client({ name: 'Acme Old', csOwner: 'Kim' }, 2000, 2)]);
    // name was edited locally after 2000 (wall clock now), csOwner was not: the pulled csOwner wins.
    expect(await db.clients.get('c1')).toMatchObject({ name: 'Acme Local', csOwner: 'Kim' });
  });

  it('takes a pulled value that is newer than the local one', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    const future = Date.now() + 60_000;
    await applyRemoteChanges(db, [client({ name: 'Acme Corp' }, future)]);
    expect((await db.clients.get('c1'))?.name).toBe('Acme Corp');
    // and the local clock moved past it, so the next local edit wins again
    await putRow(db, 'clients', { id: 'c1', name: 'Acme Again', createdAt: NOW });
    const out = (await db.outbox.toArray()).at(-1)!.mutation;
    if (out.op !== 'put') throw new Error('expected a put');
    expect(out.fields.name!.hlc > hlc(future)).toBe(true);
  });

  it('deletes on a later tombstone and revives on a later put', async () => {
    await applyRemoteChanges(db, [client({ id: 'c1', name: 'Acme', createdAt: NOW }, 1000)]);
    await applyRemoteChanges(db, [{ table: 'clients', key: 'c1', fields: {}, deleted: hlc(2000), seq: 2 }]);
    expect(await db.clients.get('c1')).toBeUndefined();
    await applyRemoteChanges(db, [client({ name: 'Acme Revived' }, 3000, 3)]);
    expect((await db.clients.get('c1'))?.name).toBe('Acme Revived');
  });

  it('adds a pulled decision once and never changes it', async () => {
    const record = { id: 'd1', clientId: 'c1', title: 'Go with SSO first', text: '', owner: { kind: 'member', name: 'Sam' }, decidedAt: NOW, participants: [], source: 'call', createdAt: NOW };
    const change: Change = { table: 'decisions', key: 'd1', fields: Object.fromEntries(Object.entries(record).map(([k, v]) => [k, { v: v as never, hlc: APPEND_HLC }])), deleted: null, seq: 1 };
    await applyRemoteChanges(db, [change]);
    await applyRemoteChanges(db, [{ ...change, fields: { ...change.fields, title: { v: 'Changed', hlc: APPEND_HLC } } }]);
    expect((await db.decisions.get('d1'))?.title).toBe('Go with SSO first');
  });

  it('keeps an invalid merged row as clocks only and reports it', async () => {
    const r = await applyRemoteChanges(db, [client({ id: 'c1', name: '' , createdAt: NOW }, 1000)]);
    expect(r.invalid).toHaveLength(1);
    expect(r.invalid[0]!.message).toContain('name');
    expect(await db.clients.get('c1')).toBeUndefined();
    await applyRemoteChanges(db, [client({ name: 'Fixed' }, 2000, 2)]);
    expect((await db.clients.get('c1'))?.name).toBe('Fixed');
  });
});
