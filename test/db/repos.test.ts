import { beforeEach, describe, expect, it } from 'vitest';
import { ActionNotAllowedError, RowNotFoundError } from '../../lib/db/errors';
import { loadClientBundle, loadRecordContext } from '../../lib/db/queries';
import { createClientForRecord, linkRecord } from '../../lib/db/repos/clients';
import { logDecision, markCirculated, reopenDecision } from '../../lib/db/repos/decisions';
import { acceptHandoff, ensureHandoff, markIncompleteAtClose, recordDealWon, rejectHandoff, setHandoffValue, submitHandoff } from '../../lib/db/repos/handoffs';
import { editObjective, ensureObjective, signObjective } from '../../lib/db/repos/objectives';
import { getTemplates, resetTemplates, saveTemplates } from '../../lib/db/repos/templates';
import type { BatonDb } from '../../lib/db/schema';
import { DEFAULT_TEMPLATES } from '../../lib/domain/templates';
import { accountRef, freshDb, NOW, oppRef } from './helpers';

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});

describe('clients and CRM records', () => {
  it('creates a client named from the page title, links the opportunity and makes its deal', async () => {
    const { client } = await createClientForRecord(db, { ref: oppRef, title: 'Acme — 500 seats', stage: 'Negotiation', now: NOW });
    expect(client.name).toBe('Acme — 500 seats');
    const ctx = await loadRecordContext(db, oppRef);
    expect(ctx.client?.id).toBe(client.id);
    expect(ctx.deal).toMatchObject({ name: 'Acme — 500 seats', stage: 'Negotiation', clientId: client.id });
  });

  it('resolves the account of the same client after linking it', async () => {
    const { client } = await createClientForRecord(db, { ref: oppRef, title: 'Acme renewal', now: NOW });
    await linkRecord(db, { ref: accountRef, clientId: client.id, title: 'Acme Inc', now: NOW });
    expect((await loadRecordContext(db, accountRef)).client?.id).toBe(client.id);
    expect((await loadRecordContext(db, accountRef)).deal).toBeNull();
  });

  it('answers nothing for a record that was never linked', async () => {
    expect(await loadRecordContext(db, accountRef)).toEqual({ link: null, client: null, deal: null });
  });
});

describe('the hand-over flow', () => {
  async function draft() {
    const { client } = await createClientForRecord(db, { ref: oppRef, title: 'Acme', now: NOW });
    return ensureHandoff(db, { clientId: client.id, kind: 'close_to_onboarding', senderOwner: 'rep@us', receiverOwner: 'csm@us', now: NOW });
  }

  it('starts one draft per client and kind, with the template SLA', async () => {
    const h = await draft();
    expect(h.status).toBe('draft');
    expect(h.slaBusinessDays).toBe(DEFAULT_TEMPLATES.find((t) => t.kind === 'close_to_onboarding')!.slaBusinessDays);
    expect((await ensureHandoff(db, { clientId: h.clientId, kind: 'close_to_onboarding' })).id).toBe(h.id);
  });

  it('goes draft → submitted → rejected with reasons → resubmitted → accepted, with an event at each step', async () => {
    const h = await draft();
    await setHandoffValue(db, h.id, 'verified_use_case', { type: 'text', text: 'Support triage' });
    await submitHandoff(db, h.id, { actor: 'rep@us', gapFields: ['success_criteria'], completeness: 0.2, now: NOW + 1 });
    const rejected = await rejectHandoff(db, h.id, 'csm@us', [{ field: 'verified_use_case', reason: 'Which team? Which workflow?' }], NOW + 2);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejection).toMatchObject({ fields: ['verified_use_case'], by: 'csm@us' });
    expect(rejected.rejection?.valuesAtRejection.verified_use_case).toEqual({ type: 'text', text: 'Support triage' });
    await setHandoffValue(db, h.id, 'verified_use_case', { type: 'text', text: 'Tier-1 support team routes tickets in Zendesk' });
    await submitHandoff(db, h.id, { actor: 'rep@us', gapFields: [], completeness: 1, now: NOW + 3 });
    const accepted = await acceptHandoff(db, h.id, 'csm@us', NOW + 4);
    expect(accepted.status).toBe('accepted');
    const events = (await loadClientBundle(db, h.clientId))!.events.map((e) => e.name);
    expect(events).toEqual(['handoff_submitted', 'handoff_rejected', 'handoff_submitted', 'handoff_accepted']);
  });

  it.each([
    ['accepting a draft', (id: string) => acceptHandoff(db, id, 'csm')],
    ['rejecting a draft', (id: string) => rejectHandoff(db, id, 'csm', [{ field: 'x', reason: 'why' }])],
  ])('refuses %s', async (_name, act) => {
    const h = await draft();
    await expect(act(h.id)).rejects.toBeInstanceOf(ActionNotAllowedError);
  });

  it('refuses a rejection without any reason and changes nothing', async () => {
    const h = await draft();
    await submitHandoff(db, h.id, { actor: 'rep', gapFields: [], completeness: 1 });
    const before = await db.outbox.count();
    await expect(rejectHandoff(db, h.id, 'csm', [{ field: 'verified_use_case', reason: '   ' }])).rejects.toThrow(/say why/i);
    expect((await db.handoffs.get(h.id))?.status).toBe('submitted');
    expect(await db.outbox.count()).toBe(before);
  });

  it('refuses edits to an accepted hand-over', async () => {
    const h = await draft();
    await submitHandoff(db, h.id, { actor: 'rep', gapFields: [], completeness: 1 });
    await acceptHandoff(db, h.id, 'csm');
    await expect(setHandoffValue(db, h.id, 'verified_use_case', { type: 'text', text: 'late' })).rejects.toBeInstanceOf(ActionNotAllowedError);
  });

  it('marks "incomplete at close" once, with the completeness seen at that moment', async () => {
    const h = await draft();
    await markIncompleteAtClose(db, h.id, 0.4);
    await markIncompleteAtClose(db, h.id, 0.9);
    expect(await db.handoffs.get(h.id)).toMatchObject({ incompleteAtClose: true, completenessAtClose: 0.4 });
  });

  it('submits a draft with gaps as incomplete at close when the deal is seen won, in one step', async () => {
    const h = await draft();
    const won = await recordDealWon(db, { clientId: h.clientId, dealId: 'deal-1', actor: 'rep@us', now: NOW + 5 });
    expect(won).toMatchObject({ status: 'submitted', incompleteAtClose: true, completenessAtClose: 0 });
    const ev = (await db.events.toArray()).find((e) => e.name === 'handoff_submitted');
    expect(ev?.payload).toMatchObject({ incompleteAtClose: true, completeness: 0 });
    expect((ev?.payload.gaps as string[]).length).toBe(8);
  });

  it('records the completeness at close only once, however often the won page is seen', async () => {
    const h = await draft();
    await recordDealWon(db, { clientId: h.clientId, dealId: 'deal-1', actor: 'rep', now: NOW });
    const before = await db.outbox.count();
    await recordDealWon(db, { clientId: h.clientId, dealId: 'deal-1', actor: 'rep', now: NOW + 1 });
    expect(await db.outbox.count()).toBe(before);
  });

  it('says which row is missing', async () => {
    await expect(acceptHandoff(db, 'nope', 'csm')).rejects.toThrow(RowNotFoundError);
  });
});

describe('the objective', () => {
  it('raises the version when what was agreed changes, not when progress is recorded', async () => {
    const o = await ensureObjective(db, 'c1', NOW);
    const v2 = await editObjective(db, o.id, { outcome: '70% weekly active usage by day 90', successCriteria: [{ id: 'k1', metric: 'Weekly active usage', target: 70, unit: '%', dueDay: 90 }] });
    expect(v2.version).toBe(2);
    const same = await editObjective(db, o.id, { successCriteria: [{ id: 'k1', metric: 'Weekly active usage', target: 70, unit: '%', dueDay: 90, current: 40 }] });
    expect(same.version).toBe(2);
    const v3 = await editObjective(db, o.id, { scope: ['Support team'] });
    expect(v3.version).toBe(3);
  });

  it('records the version each sponsor signed and replaces an earlier signature of the same role', async () => {
    const o = await ensureObjective(db, 'c1', NOW);
    await editObjective(db, o.id, { outcome: 'Fewer escalations' });
    await signObjective(db, o.id, 'executive_sponsor', 's1', 'rep', NOW);
    await editObjective(db, o.id, { outcome: 'Fewer escalations, faster answers' });
    const signed = await signObjective(db, o.id, 'executive_sponsor', 's1', 'rep', NOW + 1);
    expect(signed.signatures).toEqual([{ role: 'executive_sponsor', stakeholderId: 's1', version: 3, at: NOW + 1 }]);
  });

  it('refuses signatures on an empty objective', async () => {
    const o = await ensureObjective(db, 'c1', NOW);
    await expect(signObjective(db, o.id, 'executive_sponsor', 's1', 'rep')).rejects.toBeInstanceOf(ActionNotAllowedError);
  });
});

describe('decisions', () => {
  const base = { clientId: 'c1', title: 'Start with SSO', owner: { kind: 'member' as const, name: 'Sam' }, decidedAt: NOW, source: 'call' as const, actor: 'sam' };

  it('reopens by appending a new decision that points at the old one', async () => {
    const d = await logDecision(db, base, NOW);
    const r = await reopenDecision(db, d.id, { ...base, title: 'Start with SCIM instead', decidedAt: NOW + 86_400_000 }, NOW + 86_400_000);
    expect(r).toMatchObject({ reopens: d.id, clientId: 'c1' });
    expect((await db.decisions.get(d.id))?.title).toBe('Start with SSO');
    const names = (await db.events.toArray()).map((e) => e.name);
    expect(names).toEqual(['decision_logged', 'decision_reopened']);
  });

  it('records circulation as an event', async () => {
    const d = await logDecision(db, base, NOW);
    await markCirculated(db, d.id, 'sam', NOW + 10);
    const ev = (await db.events.toArray()).find((e) => e.name === 'decision_circulated');
    expect(ev?.payload).toEqual({ decisionId: d.id });
  });

  it('refuses a decision without a title', async () => {
    await expect(logDecision(db, { ...base, title: '  ' })).rejects.toThrow(/title/);
    expect(await db.decisions.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});

describe('templates', () => {
  it('uses the defaults until the workspace saves its own, and goes back on reset', async () => {
    const custom = { ...DEFAULT_TEMPLATES[2]!, slaBusinessDays: 5 };
    await saveTemplates(db, [custom]);
    expect((await getTemplates(db))[2]!.slaBusinessDays).toBe(5);
    await resetTemplates(db);
    expect((await getTemplates(db))[2]!.slaBusinessDays).toBe(DEFAULT_TEMPLATES[2]!.slaBusinessDays);
  });
});
