/**
 * The triage's kept summaries must always give the triage decided from the whole tables. Each test changes the
 * database through one real write path (repositories, pulled changes, an import, a deletion), then compares the
 * triage read from the refreshed summaries with `buildTriage` over every table at the same instant.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PORTFOLIO_NOW } from '../../bench/fixtures/portfolio';
import { importBackup, parseBackup } from '../../lib/db/backup';
import { applyRemoteChanges } from '../../lib/db/remote';
import { logDecision, markCirculated } from '../../lib/db/repos/decisions';
import { rejectHandoff, submitHandoff } from '../../lib/db/repos/handoffs';
import { removeStakeholder, saveStakeholder } from '../../lib/db/repos/stakeholders';
import type { BatonDb } from '../../lib/db/schema';
import { openTriage, readSummaries, readTriage, refreshTriage, TRIAGE_BUCKETS, TRIAGE_SUMMARY_VERSION, TRIAGE_VERSION_KEY } from '../../lib/triage/store';
import { deleteRow, putRow } from '../../lib/db/writer';
import { DAY_MS } from '../../lib/domain/time';
import { buildTriage, type Triage } from '../../lib/triage/rules';
import { dashboardPortfolio } from '../fixtures/dashboard-portfolio';
import { freshDb } from '../db/helpers';

const NOW = PORTFOLIO_NOW;
const PORTFOLIO = dashboardPortfolio({ clients: 120, decisionsPerClient: 6 });
const CLIENTS = PORTFOLIO.clients.length;

let db: BatonDb;
beforeEach(async () => {
  db = freshDb();
  // Rows put straight into the tables (as an upgrade or a seed finds them): no summary exists yet.
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(PORTFOLIO)) await db.table(table).bulkAdd(structuredClone(rows as object[]));
  });
});

/** The triage decided from every row of every table, as the dashboard did before it kept summaries. */
async function fromTables(at = NOW): Promise<Triage | null> {
  const [clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, events] = await Promise.all([
    db.clients.toArray(),
    db.crmLinks.toArray(),
    db.deals.toArray(),
    db.handoffs.toArray(),
    db.stakeholders.toArray(),
    db.objectives.toArray(),
    db.decisions.toArray(),
    db.events.toArray(),
  ]);
  const circulatedDecisionIds = new Set(events.filter((e) => e.name === 'decision_circulated').map((e) => String(e.payload['decisionId'])));
  return inClientOrder(buildTriage({ clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulatedDecisionIds, now: at }));
}

/** The rows in client-id order (the summaries come back bucket by bucket; the page sorts them anyway). */
function inClientOrder(t: Triage | null): Triage | null {
  return t && { ...t, rows: [...t.rows].sort((a, b) => (a.clientId < b.clientId ? -1 : 1)) };
}

/** Refresh, then read: the triage the dashboard shows. */
async function shown(at = NOW): Promise<Triage> {
  await refreshTriage(db, at);
  const read = await readTriage(db, at);
  expect(read.stale).toBe(false);
  return inClientOrder(read.triage)!;
}

const dirty = async () => ((await db.triageDirty.toCollection().primaryKeys()) as string[]).sort();
const withIssues = (t: Triage) => t.rows.length;

describe('triage summaries', () => {
  it('are stale in a database that never had them, and the first refresh builds every client’s', async () => {
    expect(await readTriage(db, NOW)).toEqual({ triage: null, stale: true });
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: CLIENTS, full: true });
    expect(await readSummaries(db)).toHaveLength(CLIENTS);
    expect(await db.triage.count()).toBe(TRIAGE_BUCKETS);
    expect((await db.meta.get(TRIAGE_VERSION_KEY))?.value).toBe(TRIAGE_SUMMARY_VERSION);
    const triage = await shown();
    expect(withIssues(triage)).toBeGreaterThan(20);
    expect(triage).toEqual(await fromTables());
  });

  it('keep only what the rules read: no hand-over values, no decision text, no stakeholder emails', async () => {
    await refreshTriage(db, NOW);
    const text = JSON.stringify(await readSummaries(db));
    expect(text).toContain(PORTFOLIO.clients[0]!.name);
    expect(text).not.toContain('"values"');
    expect(text).not.toContain('"email"');
    expect(text).not.toContain('"participants"');
    for (const d of PORTFOLIO.decisions.slice(0, 50)) if (d.text.length > 20) expect(text).not.toContain(d.text);
  });

  it('mark only the clients a local write touches, and a refresh rebuilds just those', async () => {
    await refreshTriage(db, NOW);
    // A rejected hand-over sent again six days ago: past its two-business-day SLA now.
    const draft = PORTFOLIO.handoffs.find((h) => h.status === 'rejected')!;
    const submitted = PORTFOLIO.handoffs.find((h) => h.status === 'submitted' && h.clientId !== draft.clientId)!;
    const a = draft.clientId;
    const [b, c, d] = PORTFOLIO.clients.map((x) => x.id).filter((id) => id !== a && id !== submitted.clientId) as [string, string, string];
    await submitHandoff(db, draft.id, { actor: 'Riley (sales)', gapFields: [], completeness: 1, now: NOW - DAY_MS * 6 });
    await rejectHandoff(db, submitted.id, 'Sam (CS)', [{ field: 'success_criteria', reason: 'No numeric target' }], NOW - DAY_MS);
    const decision = await logDecision(db, { clientId: b, title: 'Pilot in the Leeds clinic first', owner: { kind: 'member', name: 'Riley' }, decidedAt: NOW - 3 * DAY_MS, source: 'meeting', actor: 'Riley' }, NOW - 3 * DAY_MS);
    const blocker = await saveStakeholder(db, { clientId: c, name: 'Dana Okafor', title: 'CFO', roles: ['economic_buyer'], influence: 'high', stance: 'against', lastEngagedAt: NOW - DAY_MS }, NOW);
    const gone = PORTFOLIO.stakeholders.find((s) => s.clientId === d)!;
    await removeStakeholder(db, gone.id);

    const expected = new Set([a, b, c, d, submitted.clientId]);
    expect(await dirty()).toEqual([...expected].sort());
    expect((await readTriage(db, NOW)).stale).toBe(true);
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: expected.size, full: false });
    const triage = await shown();
    expect(triage).toEqual(await fromTables());
    const rowOf = (id: string) => triage.rows.find((r) => r.clientId === id);
    expect(rowOf(b)?.issues.map((i) => i.fact)).toContain('“Pilot in the Leeds clinic first” not shared with its owners');
    expect(rowOf(c)?.issues.map((i) => i.fact)).toContain('Dana Okafor (CFO) is against');
    expect(rowOf(submitted.clientId)?.issues.map((i) => i.code)).toContain('handoff_rejected');
    expect(rowOf(a)?.issues.map((i) => i.code)).toContain('handoff_overdue');

    // Circulating it later (an event, since decisions are append-only) takes it off the triage.
    await markCirculated(db, decision.id, 'Riley', NOW - 2 * DAY_MS);
    expect(await dirty()).toEqual([b]);
    const after = await shown();
    expect(after.rows.find((r) => r.clientId === b)?.issues.map((i) => i.fact) ?? []).not.toContain('“Pilot in the Leeds clinic first” not shared with its owners');
    expect(after).toEqual(await fromTables());
  });

  it('rebuild both clients when a CRM link moves from one to the other', async () => {
    await refreshTriage(db, NOW);
    const link = PORTFOLIO.crmLinks.find((l) => l.object === 'account')!;
    const to = PORTFOLIO.clients.find((c) => c.id !== link.clientId)!.id;
    await putRow(db, 'crmLinks', { ...link, clientId: to });
    expect(await dirty()).toEqual([link.clientId, to].sort());
    const triage = await shown();
    expect(triage).toEqual(await fromTables());
  });

  it('drop the summary of a deleted client', async () => {
    await refreshTriage(db, NOW);
    const victim = (await shown()).rows[0]!.clientId;
    await deleteRow(db, 'clients', victim);
    const triage = await shown();
    expect(triage.clients).toBe(CLIENTS - 1);
    expect(triage.rows.some((r) => r.clientId === victim)).toBe(false);
    expect((await readSummaries(db)).some((x) => x.clientId === victim)).toBe(false);
  });

  it('follow pulled changes', async () => {
    await refreshTriage(db, NOW);
    const s = PORTFOLIO.stakeholders.find((x) => x.influence === 'high' && x.stance !== 'against')!;
    const hlc = `${String(Date.now() + 60_000).padStart(13, '0')}-0000-server`;
    await applyRemoteChanges(db, [{ table: 'stakeholders', key: s.id, fields: { stance: { v: 'against', hlc } }, deleted: null, seq: 1 }]);
    expect(await dirty()).toEqual([s.clientId]);
    const triage = await shown();
    expect(triage.rows.find((r) => r.clientId === s.clientId)?.issues.map((i) => i.code)).toContain('high_influence_blocker');
    expect(triage).toEqual(await fromTables());
  });

  it('follow an import, marking the clients it changes', async () => {
    await refreshTriage(db, NOW);
    const client = PORTFOLIO.clients[10]!;
    const backup = parseBackup(
      JSON.stringify({
        format: 'baton-backup',
        version: 1,
        exportedAt: NOW,
        clients: [{ ...client, csOwner: 'Jordan Lee <jordan@baton.test>' }],
        decisions: [{ id: 'D-IMPORTED', clientId: PORTFOLIO.clients[11]!.id, title: 'Move go-live to May', text: '', owner: { kind: 'member', name: 'Kim' }, decidedAt: NOW - 5 * DAY_MS, participants: [], source: 'call', createdAt: NOW - 5 * DAY_MS }],
      }),
    );
    await importBackup(db, backup);
    expect(await dirty()).toEqual([client.id, PORTFOLIO.clients[11]!.id].sort());
    const triage = await shown();
    expect(triage).toEqual(await fromTables());
    expect(triage.rows.find((r) => r.clientId === PORTFOLIO.clients[11]!.id)?.issues.map((i) => i.fact)).toContain('“Move go-live to May” not shared with its owners');
  });

  it('are rebuilt whole when many clients changed at once, or when an older Baton built them', async () => {
    await refreshTriage(db, NOW);
    // 100 of 121 clients: still one indexed read per table for just those.
    await db.triageDirty.bulkPut(PORTFOLIO.clients.slice(0, 100).map((c) => ({ clientId: c.id })));
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: 100, full: false });
    // Over 500 and over half the portfolio (a big pull, ids of clients not pulled yet among them): whole tables.
    await db.triageDirty.bulkPut(Array.from({ length: 600 }, (_, i) => ({ clientId: `C-PULLED-${i}` })));
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: CLIENTS, full: true });
    expect(await shown()).toEqual(await fromTables());
    await db.meta.put({ key: TRIAGE_VERSION_KEY, value: TRIAGE_SUMMARY_VERSION - 1 });
    expect(await readTriage(db, NOW)).toEqual({ triage: null, stale: true });
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: CLIENTS, full: true });
    expect(await shown()).toEqual(await fromTables());
  });

  it('keep clients rebuilt one by one over the buckets, and fold them in once there are many', async () => {
    await refreshTriage(db, NOW);
    const s = PORTFOLIO.stakeholders.find((x) => x.influence === 'high' && x.stance !== 'against')!;
    await putRow(db, 'stakeholders', { ...s, stance: 'against' });
    await refreshTriage(db, NOW);
    expect(await db.triageRecent.count()).toBe(1);
    expect(await shown()).toEqual(await fromTables());
    // 300 more (ids of clients this browser does not have: their summaries are "gone") pass the fold threshold.
    await db.triageDirty.bulkPut(Array.from({ length: 300 }, (_, i) => ({ clientId: `C-ELSEWHERE-${i}` })));
    expect(await refreshTriage(db, NOW)).toEqual({ rebuilt: 300, full: false });
    expect(await db.triageRecent.count()).toBe(0);
    expect(await db.triage.count()).toBe(TRIAGE_BUCKETS);
    expect(await shown()).toEqual(await fromTables());
  });

  it('decide the rules that depend on time when read, not when built', async () => {
    await refreshTriage(db, NOW);
    // Days later, with no write at all: SLAs ran out, reviews fell due, decisions left the window.
    for (const later of [NOW + 3 * DAY_MS, NOW + 20 * DAY_MS, NOW + 45 * DAY_MS]) {
      const read = await readTriage(db, later);
      expect(read.stale).toBe(false);
      expect(inClientOrder(read.triage)).toEqual(await fromTables(later));
    }
    const codesAt = async (at: number) => new Set((await readTriage(db, at)).triage!.rows.flatMap((r) => r.issues.map((i) => i.code)));
    expect((await codesAt(NOW)).has('decision_not_circulated')).toBe(true);
    expect((await codesAt(NOW + 45 * DAY_MS)).has('decision_not_circulated')).toBe(false);
  });

  it('open the dashboard in one go: the changed clients rebuilt, then every summary read and decided', async () => {
    expect(inClientOrder(await openTriage(db, NOW))).toEqual(await fromTables());
    const s = PORTFOLIO.stakeholders.find((x) => x.influence === 'high' && x.stance !== 'against')!;
    await putRow(db, 'stakeholders', { ...s, stance: 'against' });
    const opened = await openTriage(db, NOW);
    expect(await dirty()).toEqual([]);
    expect(opened.rows.find((r) => r.clientId === s.clientId)?.issues.map((i) => i.code)).toContain('high_influence_blocker');
    expect(inClientOrder(opened)).toEqual(await fromTables());
  });

  it('an empty database has an empty triage', async () => {
    const empty = freshDb();
    await refreshTriage(empty, NOW);
    expect(await readTriage(empty, NOW)).toEqual({ triage: { rows: [], clients: 0 }, stale: false });
  });
});
