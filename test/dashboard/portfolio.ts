/**
 * The dashboard's test portfolio: the shared deterministic generator (`bench/fixtures/portfolio.ts`) plus what the
 * dashboard shows and the generator does not write: the hand-over step events (submitted, rejected, accepted) with
 * realistic times to accept, completeness at close, some objectives changed since signed or never signed, expansion
 * signals, imported revenue for a third of the clients, and one hand-made client ("Fabrikam Health") whose page
 * and one-pager the real-browser test reads. Deterministic: the same options give the same rows.
 */
import { generatePortfolio, PORTFOLIO_NOW, type PortfolioTables } from '../../bench/fixtures/portfolio';
import { crmLinkKey, type CrmRef, type LifecycleEvent } from '../../lib/domain/schemas';
import { addMonths, monthKey } from '../../lib/domain/time';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const FABRIKAM_ID = 'C-FABRIKAM';
export const FABRIKAM_NAME = 'Fabrikam Health';

/** A tiny deterministic hash → 0..1, so each row's extras depend only on its id. */
function unit(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export function dashboardPortfolio(options: { clients: number; decisionsPerClient?: number; now?: number }): PortfolioTables {
  const now = options.now ?? PORTFOLIO_NOW;
  const t = generatePortfolio({ clients: options.clients, decisionsPerClient: options.decisionsPerClient ?? 4, now }).tables;
  // The generator's Salesforce ids come out null for some numbers (toSalesforceId18 of a 14-character id); a deal
  // keeps its CRM link either way, so the bad ref is dropped here rather than seeding rows no import would accept.
  for (const d of t.deals) if (d.crmRef && typeof d.crmRef.id !== 'string') delete d.crmRef;
  let seq = 0;
  const event = (clientId: string, name: LifecycleEvent['name'], at: number, actor: string, payload: LifecycleEvent['payload']) =>
    t.events.push({ id: `X${String(seq++).padStart(10, '0')}`, clientId, name, at, actor, payload });

  for (const h of t.handoffs) {
    if (h.submittedAt === undefined) continue;
    const late = unit(h.id, 1);
    // The generator submits everything in the last eight days; accepted hand-overs are spread over the past year so
    // the month charts have a history, and some went through a reject-and-resubmit loop first.
    const loop = h.status === 'accepted' && unit(h.id, 10) < 0.18;
    if (h.status === 'accepted') {
      h.submittedAt = now - Math.round((10 + unit(h.id, 11) * 330) * DAY);
      h.createdAt = h.submittedAt - DAY;
      h.acceptedAt = Math.min(now, h.submittedAt + Math.round(((loop ? 3 : 0.2) + late * late * 6) * DAY));
    }
    if (h.kind === 'close_to_onboarding') {
      const c = Math.min(1, 0.45 + Math.round(unit(h.id, 2) * 12) / 20);
      h.completenessAtClose = c;
      h.incompleteAtClose = c < 1;
    }
    event(h.clientId, 'handoff_submitted', h.submittedAt, h.senderOwner, { handoffId: h.id, kind: h.kind, gaps: [], completeness: h.completenessAtClose ?? 1 });
    if (loop) {
      event(h.clientId, 'handoff_rejected', h.submittedAt + DAY, h.receiverOwner, { handoffId: h.id, kind: h.kind, reasons: [{ field: 'success_criteria', reason: 'No numeric target on adoption' }] });
      event(h.clientId, 'handoff_submitted', h.submittedAt + 2 * DAY, h.senderOwner, { handoffId: h.id, kind: h.kind, gaps: [], completeness: 1 });
    }
    if (h.status === 'rejected' && h.rejection) {
      event(h.clientId, 'handoff_rejected', h.rejection.at, h.rejection.by, { handoffId: h.id, kind: h.kind, reasons: h.rejection.reasons });
    }
    if (h.status === 'accepted' && h.acceptedAt !== undefined) event(h.clientId, 'handoff_accepted', h.acceptedAt, h.receiverOwner, { handoffId: h.id, kind: h.kind, submittedAt: h.submittedAt });
  }
  t.objectives.forEach((o) => {
    const roll = unit(o.id, 3);
    if (roll < 0.08) {
      o.version = 2;
      o.updatedAt = now - Math.round(unit(o.id, 4) * 20) * DAY;
    } else if (roll < 0.14) o.signatures = o.signatures.slice(0, 1);
  });
  const asOf = monthKey(now);
  for (const c of t.clients) {
    if (unit(c.id, 5) < 0.12) event(c.id, 'expansion_signal_detected', now - Math.round(unit(c.id, 6) * 60) * DAY, c.csOwner ?? 'CS', {});
    if (unit(c.id, 7) < 0.33) {
      const start = 20_000 + Math.round(unit(c.id, 8) * 80) * 1000;
      c.revenue = { [addMonths(asOf, -12)]: start, [asOf]: Math.round(start * (0.8 + unit(c.id, 9) * 0.5)) };
    }
  }
  addFabrikam(t, now);
  return t;
}

/** One client with everything: the page and one-pager of the real-browser test. */
function addFabrikam(t: PortfolioTables, now: number): void {
  const id = FABRIKAM_ID;
  const signed = now - 120 * DAY;
  const ref: CrmRef = { crm: 'salesforce', instance: 'acme', object: 'account', id: '0015g00000NWHLTHAA' };
  const opp: CrmRef = { crm: 'salesforce', instance: 'acme', object: 'opportunity', id: '0065g00000NWEXPAAA' };
  t.clients.push({ id, name: FABRIKAM_NAME, salesOwner: 'Riley Sales <riley@baton.test>', csOwner: 'Casey CSM <casey@baton.test>', createdAt: signed - 40 * DAY });
  t.deals.push({ id: 'D-NW-1', clientId: id, crmRef: opp, name: 'Fabrikam Health – Expansion', stage: 'Proposal', amount: 120_000, stageReadAt: now - DAY, createdAt: now - 20 * DAY });
  t.crmLinks.push({ ...ref, id: crmLinkKey(ref), recordId: ref.id, clientId: id, title: FABRIKAM_NAME, createdAt: signed });
  t.crmLinks.push({ ...opp, id: crmLinkKey(opp), recordId: opp.id, clientId: id, dealId: 'D-NW-1', title: 'Fabrikam Health – Expansion', createdAt: now - 20 * DAY });
  const person = (sid: string, name: string, title: string, roles: string[], influence: 'high' | 'low', stance: 'pro' | 'neutral' | 'against', engagedDaysAgo: number, def?: string) =>
    t.stakeholders.push({ id: sid, clientId: id, name, title, roles: roles as never, influence, stance, lastEngagedAt: now - engagedDaysAgo * DAY, engagedBy: 'Casey CSM', createdAt: signed, ...(def ? { definitionOfSuccess: def } : {}) });
  person('S-NW-1', 'Dana Ruiz', 'Chief Operating Officer', ['executive_sponsor'], 'high', 'pro', 6, 'Nurses spend less time on scheduling and more with patients');
  person('S-NW-2', 'Lee Park', 'Director of Patient Services', ['project_sponsor'], 'high', 'pro', 3, 'Every ward schedules shifts in one place, with fewer scheduling hours each week');
  person('S-NW-3', 'Kim Wu', 'Scheduling Manager', ['operating_owner'], 'low', 'pro', 2);
  person('S-NW-4', 'Sam Okafor', 'IT Lead', ['technical_owner'], 'high', 'neutral', 12);
  person('S-NW-5', 'Priya Shah', 'Finance Director', ['economic_buyer'], 'high', 'against', 30);
  t.objectives.push({
    id: 'O-NW',
    clientId: id,
    outcome: 'Cut the hours ward managers spend on shift scheduling by half, across all 14 wards, within six months',
    scope: ['All 14 inpatient wards', 'Shift swaps and on-call rota'],
    nonScope: ['Outpatient clinics', 'Payroll integration'],
    successCriteria: [
      { id: 'K-NW-1', metric: 'Wards scheduling in Baton', target: 14, unit: 'wards', dueDay: 90, current: 14 },
      { id: 'K-NW-2', metric: 'Scheduling hours per ward per week', target: 4, unit: 'hours', dueDay: 180, current: 5, lowerIsBetter: true },
      { id: 'K-NW-3', metric: 'Weekly active managers', target: 80, unit: '%', dueDay: 90, current: 62 },
    ],
    decisionOwners: [
      { area: 'Rollout order', stakeholderId: 'S-NW-2' },
      { area: 'Integrations', stakeholderId: 'S-NW-4' },
    ],
    reviewCadenceDays: 30,
    version: 2,
    signatures: [
      { role: 'executive_sponsor', stakeholderId: 'S-NW-1', version: 2, at: now - 9 * DAY },
      { role: 'project_sponsor', stakeholderId: 'S-NW-2', version: 2, at: now - 9 * DAY },
      { role: 'operating_owner', stakeholderId: 'S-NW-3', version: 1, at: signed + 10 * DAY },
    ],
    lastReviewedAt: now - 9 * DAY,
    createdAt: signed + 5 * DAY,
    updatedAt: now - 10 * DAY,
  });
  const ev = (eid: string, name: LifecycleEvent['name'], at: number, actor: string, payload: LifecycleEvent['payload'] = {}) =>
    t.events.push({ id: eid, clientId: id, name, at, actor, payload });
  ev('E-NW-01', 'contract_signed', signed, 'Riley Sales', { note: 'Signed for 14 wards, 420 seats' });
  ev('E-NW-02', 'implementation_kickoff_completed', signed + 8 * DAY, 'Casey CSM');
  ev('E-NW-03', 'objective_signed', signed + 10 * DAY, 'Casey CSM', { objectiveId: 'O-NW', role: 'executive_sponsor', stakeholderId: 'S-NW-1', version: 1 });
  ev('E-NW-04', 'objective_signed', signed + 10 * DAY, 'Casey CSM', { objectiveId: 'O-NW', role: 'project_sponsor', stakeholderId: 'S-NW-2', version: 1 });
  ev('E-NW-05', 'objective_signed', signed + 10 * DAY, 'Casey CSM', { objectiveId: 'O-NW', role: 'operating_owner', stakeholderId: 'S-NW-3', version: 1 });
  ev('E-NW-06', 'first_admin_login', signed + 12 * DAY, 'Casey CSM');
  ev('E-NW-07', 'first_value_achieved', signed + 34 * DAY, 'Casey CSM', { note: 'First four wards off spreadsheets' });
  ev('E-NW-08', 'adoption_threshold_reached', signed + 80 * DAY, 'Casey CSM');
  ev('E-NW-09', 'objective_signed', now - 9 * DAY, 'Casey CSM', { objectiveId: 'O-NW', role: 'executive_sponsor', stakeholderId: 'S-NW-1', version: 2 });
  ev('E-NW-10', 'objective_signed', now - 9 * DAY, 'Casey CSM', { objectiveId: 'O-NW', role: 'project_sponsor', stakeholderId: 'S-NW-2', version: 2 });
  ev('E-NW-11', 'expansion_signal_detected', now - 15 * DAY, 'Casey CSM', { note: 'Outpatient clinics asked for the same rota' });
  // The hand-overs: close → onboarding accepted long ago; adoption → expansion rejected once, then resubmitted.
  t.handoffs.push({
    id: 'H-NW-1', kind: 'close_to_onboarding', clientId: id, senderOwner: 'Riley Sales', receiverOwner: 'Casey CSM', status: 'accepted', values: {},
    slaBusinessDays: 2, createdAt: signed - 5 * DAY, submittedAt: signed - 2 * DAY, acceptedAt: signed, completenessAtClose: 1,
  });
  ev('E-NW-20', 'handoff_submitted', signed - 2 * DAY, 'Riley Sales', { handoffId: 'H-NW-1', kind: 'close_to_onboarding', completeness: 1 });
  ev('E-NW-21', 'handoff_accepted', signed, 'Casey CSM', { handoffId: 'H-NW-1', kind: 'close_to_onboarding' });
  t.handoffs.push({
    id: 'H-NW-2', kind: 'adoption_to_expansion', clientId: id, senderOwner: 'Casey CSM', receiverOwner: 'Riley Sales', status: 'rejected',
    values: {
      verified_use_case: { type: 'text', text: 'Ward managers build and publish the weekly shift rota for all 14 inpatient wards' },
      business_outcome_evidence: { type: 'evidence', items: [{ text: 'Scheduling time per ward fell from 9 to 5 hours a week', source: 'Q3 business review deck' }] },
    },
    rejection: { reasons: [{ field: 'executive_sponsor', reason: 'Dana has not confirmed she will sponsor the outpatient rollout' }], fields: ['executive_sponsor'], at: now - 4 * DAY - 3 * HOUR, by: 'Riley Sales', valuesAtRejection: {} },
    slaBusinessDays: 2, createdAt: now - 12 * DAY, submittedAt: now - 6 * DAY, rejectedAt: now - 4 * DAY - 3 * HOUR,
  });
  ev('E-NW-22', 'handoff_submitted', now - 6 * DAY, 'Casey CSM', { handoffId: 'H-NW-2', kind: 'adoption_to_expansion', completeness: 0.8 });
  ev('E-NW-23', 'handoff_rejected', now - 4 * DAY - 3 * HOUR, 'Riley Sales', { handoffId: 'H-NW-2', kind: 'adoption_to_expansion', reasons: [{ field: 'executive_sponsor', reason: 'Dana has not confirmed she will sponsor the outpatient rollout' }] });
  const owner = { kind: 'member' as const, name: 'Casey CSM' };
  t.decisions.push(
    { id: 'DC-NW-1', clientId: id, title: 'Roll out ward by ward, surgery first', text: 'Surgery has the most shift swaps; start there.', owner, decidedAt: signed + 9 * DAY, participants: [], circulatedAt: signed + 9 * DAY, source: 'meeting', createdAt: signed + 9 * DAY },
    { id: 'DC-NW-2', clientId: id, title: 'No payroll integration in phase one', text: '', owner, decidedAt: now - 3 * DAY, participants: [], source: 'call', createdAt: now - 3 * DAY },
  );
}
