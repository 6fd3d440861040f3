import { describe, expect, it } from 'vitest';
import type { CrmLink, Deal, Handoff, Stakeholder } from '../../lib/domain/schemas';
import { buildTriage, type TriageCode, type TriageRow } from '../../lib/triage/rules';
import { filterTriage, sortTriage, triageFacets } from '../../lib/triage/filter';
import { type TriageInput } from '../../lib/triage/summary';
import { T0, client, days, decision, handoff, objective, person, signedBy, sponsors } from '../domain/builders';

const HOUR = 3_600_000;

/** A client with nothing to review: engaged sponsors, a signed and fresh objective. */
function input(over: Partial<TriageInput> = {}): TriageInput {
  return {
    clients: [client()],
    crmLinks: [],
    deals: [],
    handoffs: [],
    stakeholders: sponsors(),
    objectives: [objective({ signatures: signedBy(1, T0 - days(2)) })],
    decisions: [],
    circulatedDecisionIds: new Set(),
    now: T0,
    ...over,
  };
}

const codes = (i: TriageInput): TriageCode[] => (buildTriage(i).rows[0]?.issues ?? []).map((x) => x.code).sort();

describe('triage rules', () => {
  it('leaves out an empty portfolio and a client with nothing to review', () => {
    expect(buildTriage(input({ clients: [] }))).toEqual({ rows: [], clients: 0 });
    expect(buildTriage(input())).toEqual({ rows: [], clients: 1 });
  });

  // T0 is Monday 09:00; a 2-business-day SLA submitted then is due Wednesday 09:00.
  const cases: { name: string; handoff: Partial<Handoff>; now?: number; expected: TriageCode[] }[] = [
    { name: 'a draft hand-over is nobody’s to review yet', handoff: { status: 'draft' }, expected: [] },
    { name: 'a rejected hand-over', handoff: { status: 'rejected', rejectedAt: T0 - days(1) }, expected: ['handoff_rejected'] },
    { name: 'a submitted hand-over within its SLA is awaiting acceptance', handoff: { status: 'submitted', submittedAt: T0 }, now: T0 + days(2), expected: ['handoff_awaiting'] },
    { name: 'a submitted hand-over past its SLA in business days', handoff: { status: 'submitted', submittedAt: T0 }, now: T0 + days(2) + HOUR, expected: ['handoff_overdue'] },
    { name: 'a weekend does not count against the SLA', handoff: { status: 'submitted', submittedAt: T0 + days(4) }, now: T0 + days(7), expected: ['handoff_awaiting'] },
    { name: 'an accepted hand-over', handoff: { status: 'accepted', acceptedAt: T0 }, expected: [] },
    { name: 'incomplete at close and waiting', handoff: { status: 'submitted', submittedAt: T0, incompleteAtClose: true, completenessAtClose: 0.5 }, expected: ['handoff_awaiting', 'handoff_incomplete_at_close'] },
    { name: 'incomplete at close but accepted since', handoff: { status: 'accepted', incompleteAtClose: true, completenessAtClose: 0.5 }, expected: [] },
  ];
  it.each(cases)('hand-overs: $name', ({ handoff: h, now, expected }) => {
    expect(codes(input({ handoffs: [handoff({}, h)], now: now ?? T0, stakeholders: sponsors().map((s) => ({ ...s, lastEngagedAt: (now ?? T0) - days(1) })) }))).toEqual(expected);
  });

  it('states the rejection with who and why', () => {
    const h = handoff({}, { status: 'rejected', rejection: { reasons: [{ field: 'success_criteria', reason: 'No numeric target' }], fields: ['success_criteria'], at: T0, by: 'Sam (CS)', valuesAtRejection: {} } });
    expect(buildTriage(input({ handoffs: [h] })).rows[0]!.issues[0]!.fact).toBe('Close → onboarding rejected by Sam (CS): “No numeric target”');
  });

  it('objectives: unsigned, changed since signed, review overdue, and none without an objective', () => {
    expect(codes(input({ objectives: [objective()] }))).toEqual(['objective_unsigned']);
    expect(codes(input({ objectives: [objective({ version: 2, signatures: signedBy(1, T0 - days(2)) })] }))).toEqual(['objective_changed']);
    expect(codes(input({ objectives: [objective({ signatures: signedBy(1, T0 - days(40)), createdAt: T0 - days(50) })] }))).toEqual(['objective_review_overdue']);
    expect(codes(input({ objectives: [] }))).toEqual([]);
  });

  it('stakeholders: single-threaded, no one mapped, and a high-influence blocker', () => {
    const one = [person('dana', 'Dana', { influence: 'high', stance: 'pro', lastEngagedAt: T0 - days(1) })];
    expect(codes(input({ stakeholders: one }))).toEqual(['single_thread']);
    const none = buildTriage(input({ stakeholders: [] })).rows[0]!;
    expect(none.issues.map((i) => [i.code, i.fact])).toEqual([['single_thread', 'No stakeholders mapped']]);
    const blocker = person('bo', 'Bo Grant', { title: 'CFO', influence: 'high', stance: 'against', lastEngagedAt: T0 - days(1) });
    const row = buildTriage(input({ stakeholders: [...sponsors(), blocker] })).rows[0]!;
    expect(row.issues.map((i) => [i.code, i.fact])).toEqual([['high_influence_blocker', 'Bo Grant (CFO) is against']]);
  });

  it('decisions: not circulated after 24 hours unless an event or circulatedAt says so', () => {
    const d = decision('d1', 'Go live in May', T0 - 25 * HOUR);
    expect(codes(input({ decisions: [d] }))).toEqual(['decision_not_circulated']);
    expect(codes(input({ decisions: [{ ...d, decidedAt: T0 - 23 * HOUR }] }))).toEqual([]);
    expect(codes(input({ decisions: [{ ...d, circulatedAt: T0 - 24 * HOUR }] }))).toEqual([]);
    expect(codes(input({ decisions: [d], circulatedDecisionIds: new Set(['d1']) }))).toEqual([]);
    // Older than the 30-day window, it is history: the client's page still shows it.
    expect(codes(input({ decisions: [{ ...d, decidedAt: T0 - days(31) }] }))).toEqual([]);
  });

  it('decisions: reopened within 7 days shows, the superseded one is not asked to circulate', () => {
    const a = decision('a', 'Go live in May', T0 - days(5), { circulatedAt: T0 - days(5) });
    const b = decision('b', 'Go live in June', T0 - days(2), { reopens: 'a', circulatedAt: T0 - days(2) });
    const row = buildTriage(input({ decisions: [a, b] })).rows[0]!;
    expect(row.issues.map((i) => [i.code, i.fact])).toEqual([['decision_reopened', '“Go live in May” reopened after 3 days']]);
    // Reopened after more than 7 days is ordinary change; a reopening older than 30 days is history.
    expect(codes(input({ decisions: [a, { ...b, decidedAt: a.decidedAt + days(8) }] }))).toEqual([]);
    expect(codes(input({ decisions: [{ ...a, decidedAt: T0 - days(40) }, { ...b, decidedAt: T0 - days(38) }] }))).toEqual([]);
    // The old one, never circulated, is superseded: only the reopening one needs circulating.
    expect(codes(input({ decisions: [{ ...a, circulatedAt: undefined }, { ...b, circulatedAt: undefined }] }))).toEqual(['decision_not_circulated', 'decision_reopened']);
  });

  it('orders a row’s issues by weight then age, scores the row and keeps its oldest date', () => {
    const row = buildTriage(
      input({
        handoffs: [handoff({}, { status: 'submitted', submittedAt: T0 - days(1) }), handoff({}, { id: 'h2', status: 'rejected', rejectedAt: T0 - days(9) })],
        objectives: [objective()],
      }),
    ).rows[0]!;
    expect(row.issues.map((i) => i.code)).toEqual(['handoff_rejected', 'objective_unsigned', 'handoff_awaiting']);
    expect(row.score).toBe(3 + 1 + 1);
    expect(row.oldest).toBe(T0 - days(10));
  });

  it('takes owners, the latest deal’s stage, every CRM and the account link from partial data', () => {
    const link = (id: string, crm: CrmLink['crm'], object: CrmLink['object'], dealId?: string): CrmLink => ({ id, recordId: id, crm, instance: 'acme', object, clientId: 'c1', dealId, createdAt: T0 });
    const deal = (id: string, stage: string, at: number): Deal => ({ id, clientId: 'c1', name: id, stage, stageReadAt: at, createdAt: at });
    const base = input({ objectives: [objective()] });
    const bare = buildTriage(base).rows[0]!;
    expect(bare).toMatchObject({ salesOwner: null, csOwner: null, stage: null, crms: [], link: null });
    const full = buildTriage({
      ...base,
      clients: [client({ salesOwner: 'Riley', csOwner: 'Sam' })],
      deals: [deal('d1', 'Negotiation', T0 - days(9)), deal('d2', 'Closed Won', T0 - days(1))],
      crmLinks: [link('opp', 'salesforce', 'opportunity', 'd2'), link('acc', 'hubspot', 'account')],
    }).rows[0]!;
    expect(full).toMatchObject({ salesOwner: 'Riley', csOwner: 'Sam', stage: 'Closed Won', crms: ['salesforce', 'hubspot'] });
    expect(full.link).toEqual({ crm: 'hubspot', instance: 'acme', object: 'account', recordId: 'acc' });
  });
});

describe('filtering, sorting and facets', () => {
  const row = (over: Partial<TriageRow>): TriageRow => ({
    clientId: over.name ?? 'x',
    name: 'x',
    salesOwner: null,
    csOwner: null,
    stage: null,
    crms: [],
    link: null,
    issues: [{ code: 'objective_unsigned', fact: '', since: T0 }],
    score: 1,
    oldest: T0,
    ...over,
  });
  const rows = [
    row({ name: 'Beta', salesOwner: 'Riley', csOwner: 'Sam', stage: 'Closed Won', crms: ['salesforce'], score: 5, oldest: T0 - days(1) }),
    row({ name: 'Alpha', csOwner: 'Ana', stage: 'Negotiation', crms: ['hubspot'], score: 2, oldest: T0 - days(9), issues: [{ code: 'handoff_rejected', fact: '', since: T0 }] }),
    row({ name: 'Gamma', salesOwner: 'Riley', crms: ['salesforce', 'hubspot'], score: 5, oldest: T0 - days(3) }),
  ];
  const names = (rs: TriageRow[]) => rs.map((r) => r.name);

  it('filters by owner (sales or CS), stage, CRM, issue group and name', () => {
    expect(names(filterTriage(rows, {}))).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(names(filterTriage(rows, { owner: 'Riley' }))).toEqual(['Beta', 'Gamma']);
    expect(names(filterTriage(rows, { owner: 'Sam' }))).toEqual(['Beta']);
    expect(names(filterTriage(rows, { stage: 'Negotiation' }))).toEqual(['Alpha']);
    expect(names(filterTriage(rows, { crm: 'hubspot' }))).toEqual(['Alpha', 'Gamma']);
    expect(names(filterTriage(rows, { group: 'handoffs' }))).toEqual(['Alpha']);
    expect(names(filterTriage(rows, { text: ' gam ' }))).toEqual(['Gamma']);
    expect(names(filterTriage(rows, { owner: 'Riley', crm: 'hubspot' }))).toEqual(['Gamma']);
    expect(filterTriage([], { owner: 'Riley' })).toEqual([]);
  });

  it('sorts by urgency, waiting time, name and owner, ties by name', () => {
    expect(names(sortTriage(rows, 'urgency'))).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(names(sortTriage(rows, 'oldest'))).toEqual(['Alpha', 'Gamma', 'Beta']);
    expect(names(sortTriage(rows, 'name'))).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(names(sortTriage(rows, 'owner'))).toEqual(['Alpha', 'Gamma', 'Beta']);
    expect(names(rows)).toEqual(['Beta', 'Alpha', 'Gamma']);
  });

  it('offers the owners, stages, CRMs and group counts found in the rows', () => {
    expect(triageFacets(rows)).toEqual({
      owners: ['Ana', 'Riley', 'Sam'],
      stages: ['Closed Won', 'Negotiation'],
      crms: ['hubspot', 'salesforce'],
      groups: { handoffs: 1, objectives: 2, stakeholders: 0, decisions: 0 },
    });
    expect(triageFacets([])).toEqual({ owners: [], stages: [], crms: [], groups: { handoffs: 0, objectives: 0, stakeholders: 0, decisions: 0 } });
  });
});

describe('scale', () => {
  // Speed is measured in the real browser by bench/dashboard.bench.ts; this checks the one pass stays correct at size.
  it('decides 5,000 clients in one pass', () => {
    const clients = Array.from({ length: 5000 }, (_, i) => client({ id: `c${i}`, name: `Client ${i}` }));
    const stakeholders: Stakeholder[] = clients.flatMap((c) => sponsors().map((s) => ({ ...s, id: `${c.id}-${s.id}`, clientId: c.id })));
    const handoffs = clients.map((c, i) => handoff({}, { id: `h${i}`, clientId: c.id, status: i % 3 ? 'submitted' : 'rejected', submittedAt: T0 - days(i % 9) }));
    const triage = buildTriage(input({ clients, stakeholders, handoffs, objectives: [] }));
    expect(triage.rows).toHaveLength(5000);
    expect(triage.rows.filter((r) => r.issues[0]!.code === 'handoff_rejected')).toHaveLength(1667);
  });
});
