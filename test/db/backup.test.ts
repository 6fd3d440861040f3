import { beforeEach, describe, expect, it } from 'vitest';
import {
  BackupImportError,
  backupToJson,
  deleteAllLocalData,
  exportBackup,
  importBackup,
  parseBackup,
} from '../../lib/db/backup';
import { createClientForRecord } from '../../lib/db/repos/clients';
import { logDecision } from '../../lib/db/repos/decisions';
import { saveStakeholder } from '../../lib/db/repos/stakeholders';
import type { BatonDb } from '../../lib/db/schema';
import { deleteRow, putRow } from '../../lib/db/writer';
import { freshDb, NOW, oppRef } from './helpers';

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});

async function seed(target: BatonDb) {
  const { client } = await createClientForRecord(target, { ref: oppRef, title: 'Acme renewal', stage: 'Negotiation', now: NOW });
  for (let i = 0; i < 14; i++) {
    await saveStakeholder(target, { clientId: client.id, name: `Person ${i}`, influence: i % 2 ? 'high' : 'low', stance: 'pro' }, NOW);
  }
  await logDecision(target, { clientId: client.id, title: 'Go live in May', owner: { kind: 'member', name: 'Sam' }, decidedAt: NOW, source: 'meeting', actor: 'Sam' }, NOW);
  return client;
}

const counts = async (target: BatonDb) =>
  Object.fromEntries(await Promise.all(target.tables.filter((t) => !['meta', 'clocks', 'outbox'].includes(t.name)).map(async (t) => [t.name, await t.count()])));

describe('export and import', () => {
  it('round-trips the whole database into an empty one, with every row queued to sync', async () => {
    await seed(db);
    const text = backupToJson(await exportBackup(db, NOW));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'baton-backup', version: 1, exportedAt: NOW });
    expect(file.stakeholders).toHaveLength(14);

    const other = freshDb();
    const summary = await importBackup(other, parseBackup(text));
    expect(summary.stakeholders).toEqual({ added: 14, updated: 0, unchanged: 0 });
    expect(summary.events).toEqual({ added: 1, updated: 0, unchanged: 0 });
    for (const t of ['clients', 'crmLinks', 'deals', 'stakeholders', 'decisions', 'events'] as const) {
      expect(await other.table(t).toArray()).toEqual(await db.table(t).toArray());
    }
    const outbox = await other.outbox.orderBy('id').toArray();
    expect(outbox.map((o) => o.id)).toEqual(outbox.map((_, i) => i + 1));
    expect(outbox.filter((o) => o.mutation.op === 'put')).toHaveLength(1 + 1 + 1 + 14);
    expect(outbox.filter((o) => o.mutation.op === 'append').map((o) => o.mutation.table).sort()).toEqual(['decisions', 'events']);
    const put = outbox.find((o) => o.mutation.op === 'put' && o.mutation.table === 'stakeholders')!.mutation;
    expect(put.op === 'put' && Object.keys(put.fields)).toContain('name');
    expect(await other.clocks.count()).toBe(17);

    // The next local write carries on the mutation ids with no gap.
    const c = (await other.clients.toArray())[0]!;
    await putRow(other, 'clients', { ...c, name: 'Acme Inc' });
    expect((await other.outbox.orderBy('id').last())!.id).toBe(outbox.length + 1);
  });

  it('importing the same file again changes nothing and queues nothing', async () => {
    await seed(db);
    const backup = await exportBackup(db, NOW);
    const before = await db.outbox.count();
    const summary = await importBackup(db, backup);
    expect(summary.stakeholders).toEqual({ added: 0, updated: 0, unchanged: 14 });
    expect(summary.decisions).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await db.outbox.count()).toBe(before);
    const c = (await db.clients.toArray())[0]!;
    await putRow(db, 'clients', { ...c, name: 'Acme Inc' });
    expect((await db.outbox.orderBy('id').last())!.id).toBe(before + 1);
  });

  it('an edited row is an update with only the changed field queued', async () => {
    await seed(db);
    const backup = await exportBackup(db, NOW);
    backup.stakeholders[3] = { ...backup.stakeholders[3]!, title: 'CFO' };
    const before = await db.outbox.count();
    const summary = await importBackup(db, backup);
    expect(summary.stakeholders).toEqual({ added: 0, updated: 1, unchanged: 13 });
    const last = (await db.outbox.orderBy('id').last())!;
    expect(last.id).toBe(before + 1);
    expect(last.mutation.op === 'put' && Object.keys(last.mutation.fields)).toEqual(['title']);
  });

  it('re-creating a row deleted here unsets the fields the file leaves out, as a local put does', async () => {
    await putRow(db, 'clients', { id: 'c9', name: 'Acme', salesOwner: 'Sam', createdAt: NOW });
    await deleteRow(db, 'clients', 'c9');
    await importBackup(db, parseBackup(JSON.stringify({ format: 'baton-backup', version: 1, exportedAt: NOW, clients: [{ id: 'c9', name: 'Acme', createdAt: NOW }] })));
    const last = (await db.outbox.orderBy(':id').last())!.mutation;
    expect(last).toMatchObject({ op: 'put', key: 'c9', fields: { salesOwner: { v: null } } });
  });

  it('reads an empty backup (tables left out are empty)', async () => {
    const summary = await importBackup(db, parseBackup('{"format":"baton-backup","version":1,"exportedAt":1}'));
    expect(Object.values(summary).every((c) => c.added === 0)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});

/** The parsed file as a test edits it. */
type BackupFile = { [table: string]: any };

describe('an invalid file changes nothing and names the path', () => {
  const cases: { name: string; edit: (f: BackupFile) => unknown; path: string; message: RegExp }[] = [
    { name: 'a bad stance', edit: (f) => ((f.stakeholders[12] as Record<string, unknown>).stance = 'maybe'), path: 'stakeholders[12].stance', message: /expected one of "pro", "neutral", "against"/ },
    { name: 'a missing client name', edit: (f) => delete (f.clients[0] as Record<string, unknown>).name, path: 'clients[0].name', message: /missing/ },
    { name: 'an id used twice', edit: (f) => f.stakeholders.push({ ...(f.stakeholders[0] as object) }), path: 'stakeholders[14].id', message: /same id as stakeholders\[0\]/ },
    { name: 'a table that is not a list', edit: (f) => (f.decisions = {}), path: 'decisions', message: /expected an array/ },
    { name: 'not a Baton backup', edit: (f) => (f.format = 'other'), path: 'format', message: /not a Baton backup/ },
    { name: 'a newer version', edit: (f) => (f.version = 2), path: 'version', message: /newer Baton/ },
  ];

  it.each(cases)('$name', async ({ edit, path, message }) => {
    await seed(db);
    const file = JSON.parse(backupToJson(await exportBackup(db, NOW)));
    edit(file);
    const before = await counts(db);
    const outbox = await db.outbox.count();
    let error: unknown;
    try {
      await importBackup(db, parseBackup(JSON.stringify(file)));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BackupImportError);
    const issue = (error as BackupImportError).issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
    expect((error as Error).message).toContain(path);
    expect(await counts(db)).toEqual(before);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('malformed JSON', () => {
    expect(() => parseBackup('{"format": "baton-backup",')).toThrow(/not valid JSON/);
  });
});

describe('delete all local data', () => {
  it('empties every table, sync state included', async () => {
    await seed(db);
    await deleteAllLocalData(db);
    for (const t of db.tables) expect(await t.count()).toBe(0);
  });
});
