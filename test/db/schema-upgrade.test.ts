/** Opening a database an older Baton made: version 1 rows come through the upgrade to what this version reads. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../lib/db/schema';
import { readTriage, refreshTriage } from '../../lib/triage/store';
import { NOW } from './helpers';

describe('upgrading a version 1 database', () => {
  it('gives old CRM links their record id, and the triage builds its summaries on first refresh', async () => {
    const name = `baton-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({ clients: 'id, name', crmLinks: 'id, clientId, dealId', meta: 'key' });
    await old.table('clients').add({ id: 'c1', name: 'Acme', createdAt: NOW });
    await old.table('crmLinks').add({ id: 'salesforce:acme:account:001Hs00001AbCdEIAV', crm: 'salesforce', instance: 'acme', object: 'account', clientId: 'c1', createdAt: NOW });
    old.close();

    const db = createDb(name);
    expect((await db.crmLinks.get('salesforce:acme:account:001Hs00001AbCdEIAV'))?.recordId).toBe('001Hs00001AbCdEIAV');
    expect((await readTriage(db, NOW)).stale).toBe(true);
    await refreshTriage(db, NOW);
    const triage = (await readTriage(db, NOW)).triage!;
    expect(triage.clients).toBe(1);
    expect(triage.rows[0]?.link).toEqual({ crm: 'salesforce', instance: 'acme', object: 'account', recordId: '001Hs00001AbCdEIAV' });
    db.close();
  });
});
