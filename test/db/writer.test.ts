import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/db/errors';
import { createClientForRecord } from '../../lib/db/repos/clients';
import { saveStakeholder } from '../../lib/db/repos/stakeholders';
import { appendRow, deleteRow, putRow } from '../../lib/db/writer';
import type { BatonDb } from '../../lib/db/schema';
import { applyMutation, materialize, type RowState } from '../../lib/sync/shared/merge';
import { freshDb, NOW, oppRef } from './helpers';

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});

describe('the writer', () => {
  it('writes a new row, a clock per field and one put mutation with every field', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    expect(await db.clients.get('c1')).toEqual({ id: 'c1', name: 'Acme', createdAt: NOW });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const m = outbox[0]!.mutation;
    expect(m).toMatchObject({ id: 1, op: 'put', table: 'clients', key: 'c1' });
    if (m.op !== 'put') throw new Error('expected a put');
    expect(Object.keys(m.fields).sort()).toEqual(['createdAt', 'id', 'name']);
    expect(m.fields.name!.v).toBe('Acme');
    expect(m.fields.name!.hlc).toMatch(/^\d{13}-\d{4}-c[0-9a-f]{24}$/);
    const clocks = await db.clocks.get('clients/c1');
    expect(clocks?.fields.name).toBe(m.fields.name!.hlc);
  });

  it('sends only the fields that changed, with a later clock, and unset fields as null', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', csOwner: 'Sam', createdAt: NOW });
    await putRow(db, 'clients', { id: 'c1', name: 'Acme Corp', createdAt: NOW });
    const [first, second] = (await db.outbox.toArray()).map((r) => r.mutation);
    expect(second).toMatchObject({ id: 2, op: 'put' });
    if (second!.op !== 'put' || first!.op !== 'put') throw new Error('expected puts');
    expect(Object.keys(second!.fields).sort()).toEqual(['csOwner', 'name']);
    expect(second!.fields.csOwner!.v).toBeNull();
    expect(second!.fields.name!.hlc > first!.fields.name!.hlc).toBe(true);
  });

  it('writes nothing when a row is saved unchanged', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    expect(await db.outbox.count()).toBe(1);
  });

  it('numbers mutations 1, 2, 3… without gaps across tables', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    await appendRow(db, 'events', { id: 'e1', clientId: 'c1', name: 'contract_signed', at: NOW, actor: 'rep' });
    await deleteRow(db, 'clients', 'c1');
    expect((await db.outbox.toArray()).map((r) => [r.id, r.mutation.op])).toEqual([
      [1, 'put'],
      [2, 'append'],
      [3, 'delete'],
    ]);
  });

  it('splits a hand-over payload into one sync field per payload key', async () => {
    const row = { id: 'h1', kind: 'close_to_onboarding', clientId: 'c1', senderOwner: 'rep', receiverOwner: 'csm', status: 'draft', createdAt: NOW, values: {} };
    await putRow(db, 'handoffs', row);
    await putRow(db, 'handoffs', { ...row, values: { verified_use_case: { type: 'text', text: 'Route support tickets' } } });
    const last = (await db.outbox.toArray()).at(-1)!.mutation;
    if (last.op !== 'put') throw new Error('expected a put');
    expect(Object.keys(last.fields)).toEqual(['values.verified_use_case']);
  });

  it('refuses an invalid row with the path of each problem and writes nothing', async () => {
    const err = await saveStakeholder(db, { clientId: 'c1', name: 'Dana', stance: 'hostile' as never }, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['stance']);
    expect((err as Error).message).toContain('stance');
    expect(await db.stakeholders.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves no half-written state when a later write of the same transaction fails', async () => {
    const badRef = { ...oppRef, instance: '' };
    await expect(createClientForRecord(db, { ref: badRef, title: 'Acme — 500 seats', now: NOW })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.clients.count()).toBe(0);
    expect(await db.deals.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.clocks.count()).toBe(0);
  });

  it('keeps a tombstone clock when a row is deleted', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', createdAt: NOW });
    await deleteRow(db, 'clients', 'c1');
    expect(await db.clients.get('c1')).toBeUndefined();
    const clocks = await db.clocks.get('clients/c1');
    expect(clocks?.deleted).toMatch(/^\d{13}-/);
    expect(clocks!.deleted! > clocks!.fields.name!).toBe(true);
  });

  it('re-creating a deleted row unsets what it no longer holds, so the merge does not bring it back', async () => {
    await putRow(db, 'clients', { id: 'c1', name: 'Acme', salesOwner: 'Sam', createdAt: NOW });
    await deleteRow(db, 'clients', 'c1');
    await putRow(db, 'clients', { id: 'c1', name: 'Acme again', createdAt: NOW });
    const mutations = (await db.outbox.orderBy(':id').toArray()).map((r) => r.mutation);
    let state: RowState | undefined;
    for (const m of mutations) state = applyMutation(state, m);
    // What every other replica and the server make of these mutations is what this browser shows.
    expect(materialize(state!)).toEqual({ id: 'c1', name: 'Acme again', salesOwner: null, createdAt: NOW });
    expect(await db.clients.get('c1')).toEqual({ id: 'c1', name: 'Acme again', createdAt: NOW });
  });

  it('ignores an append whose id already exists', async () => {
    const e = { id: 'e1', clientId: 'c1', name: 'contract_signed', at: NOW, actor: 'rep' };
    await appendRow(db, 'events', e);
    await appendRow(db, 'events', { ...e, actor: 'someone else' });
    expect((await db.events.get('e1'))?.actor).toBe('rep');
    expect(await db.outbox.count()).toBe(1);
  });
});
