import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerTriageUpkeep } from '../../lib/triage/upkeep';
import { readTriage } from '../../lib/triage/store';
import { freshDb, NOW } from '../db/helpers';

beforeEach(() => fakeBrowser.reset());

describe('the background keeps the triage ready', () => {
  it('builds every summary after an install or update, so the first dashboard open reads them at once', async () => {
    const db = freshDb();
    // Rows from before summaries existed (an update from an older Baton).
    await db.clients.bulkAdd([{ id: 'c1', name: 'Acme', createdAt: NOW }, { id: 'c2', name: 'Globex', createdAt: NOW }]);
    expect((await readTriage(db, NOW)).stale).toBe(true);
    registerTriageUpkeep({ db });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await expect.poll(async () => (await readTriage(db, NOW)).stale).toBe(false);
    expect((await readTriage(db, NOW)).triage?.clients).toBe(2);
  });
});
