import { describe, expect, it } from 'vitest';
import type { Client, Decision, Handoff, Objective } from '../../lib/domain/schemas';
import { badgeText, buildQueue, urgentCount, type QueueInput } from '../../lib/queue/rules';

// Monday 23 November 2026, 12:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const H = 3_600_000;
const D = 24 * H;
const me = { name: 'Casey CSM', email: 'casey@us.com' };

const clients = new Map<string, Pick<Client, 'id' | 'name' | 'salesOwner' | 'csOwner'>>([
  ['c1', { id: 'c1', name: 'Acme', salesOwner: 'Sam Rep <sam@us.com>', csOwner: 'casey@us.com' }],
  ['c2', { id: 'c2', name: 'Globex', salesOwner: 'Casey CSM' }],
  ['c3', { id: 'c3', name: 'Initech', csOwner: 'Other <other@us.com>' }],
]);
const handoff = (over: Partial<Handoff>): Handoff => ({
  id: 'h',
  kind: 'close_to_onboarding',
  clientId: 'c1',
  senderOwner: 'Sam Rep <sam@us.com>',
  receiverOwner: 'Casey CSM <casey@us.com>',
  status: 'submitted',
  values: {},
  slaBusinessDays: 2,
  createdAt: NOW - 10 * D,
  submittedAt: NOW - H,
  ...over,
});
const decision = (over: Partial<Decision>): Decision => ({
  id: 'd',
  clientId: 'c3',
  title: 'Pilot first',
  text: '',
  owner: { kind: 'stakeholder', stakeholderId: 's1' },
  decidedAt: NOW - 2 * H,
  participants: [],
  source: 'meeting',
  createdAt: NOW - 2 * H,
  ...over,
});
const objective = (over: Partial<Objective>): Objective => ({
  id: 'o',
  clientId: 'c2',
  outcome: '70% weekly active',
  scope: [],
  nonScope: [],
  successCriteria: [],
  decisionOwners: [],
  reviewCadenceDays: 30,
  version: 1,
  signatures: [],
  createdAt: NOW - 40 * D,
  ...over,
});
const input = (over: Partial<QueueInput>): QueueInput => ({ me, now: NOW, clients, handoffs: [], decisions: [], events: [], objectives: [], ...over });
const logged = (decisionId: string, actor = 'Casey CSM <casey@us.com>') => ({ name: 'decision_logged' as const, at: NOW - H, actor, payload: { decisionId } });
const summary = (q: QueueInput) => buildQueue(q).map((i) => [i.kind, i.urgent, i.detail]);

describe('my queue', () => {
  it.each<[string, Partial<QueueInput>, unknown[]]>([
    ['a hand-over submitted to me, within its SLA, waits for me but is not urgent', { handoffs: [handoff({})] },
      [['handoff_awaiting_me', false, 'From Sam Rep · answer within 2 business days']]],
    ['a hand-over submitted to me past its SLA is urgent (submitted Wednesday, due Friday, now Monday)', { handoffs: [handoff({ submittedAt: NOW - 5 * D })] },
      [['handoff_awaiting_me', true, 'From Sam Rep · 3 days past SLA']]],
    ['the SLA counts business days: submitted Friday noon, due Tuesday noon, not late on Monday', { handoffs: [handoff({ submittedAt: NOW - 3 * D })] },
      [['handoff_awaiting_me', false, 'From Sam Rep · answer within 2 business days']]],
    ['a hand-over sent to someone else is not mine', { handoffs: [handoff({ receiverOwner: 'Other <other@us.com>' })] }, []],
    ['my hand-over that came back rejected is urgent, with the first reason', {
      handoffs: [handoff({ status: 'rejected', senderOwner: 'casey@us.com', receiverOwner: 'Sam Rep', rejection: { reasons: [{ field: 'executive_sponsor', reason: 'No sponsor named' }, { field: 'x', reason: 'y' }], fields: ['executive_sponsor', 'x'], at: NOW, by: 'Sam Rep <sam@us.com>', valuesAtRejection: {} } })],
    }, [['handoff_rejected', true, 'Sam Rep: No sponsor named (+1 more)']]],
    ["someone else's rejected hand-over is not mine", { handoffs: [handoff({ status: 'rejected' })] }, []],
    ['a hand-over I sent, unanswered past its SLA, is listed but not urgent', {
      handoffs: [handoff({ senderOwner: 'Casey CSM', receiverOwner: 'Other <other@us.com>', clientId: 'c3', submittedAt: NOW - 6 * D })],
    }, [['handoff_overdue', false, 'Other is 4 days past the 2-business-day SLA']]],
    ['an overdue hand-over on a client I own is listed', {
      handoffs: [handoff({ senderOwner: 'Sam Rep', receiverOwner: 'Other', clientId: 'c2', submittedAt: NOW - 6 * D })],
    }, [['handoff_overdue', false, 'Other is 4 days past the 2-business-day SLA']]],
    ['accepted and draft hand-overs never wait', { handoffs: [handoff({ status: 'accepted' }), handoff({ id: 'h2', status: 'draft' })] }, []],
    ['a decision I logged and did not circulate shows the time left', { decisions: [decision({ id: 'd1' })], events: [logged('d1')] },
      [['decision_not_circulated', false, 'Not yet circulated · 22 h left']]],
    ['a decision past 24 hours without circulation is urgent', { decisions: [decision({ id: 'd1', decidedAt: NOW - 30 * H })], events: [logged('d1')] },
      [['decision_not_circulated', true, 'Not yet circulated · 6 h overdue']]],
    ['a decision circulated by an event leaves the queue', {
      decisions: [decision({ id: 'd1' })],
      events: [logged('d1'), { name: 'decision_circulated', at: NOW - H, actor: 'x', payload: { decisionId: 'd1' } }],
    }, []],
    ['a decision circulated when logged never enters the queue', { decisions: [decision({ id: 'd1', circulatedAt: NOW })], events: [logged('d1')] }, []],
    ['a decision someone else logged is theirs to circulate', { decisions: [decision({ id: 'd1' })], events: [logged('d1', 'Sam Rep <sam@us.com>')] }, []],
    ['a decision I own as a member is mine even if someone else logged it', {
      decisions: [decision({ id: 'd1', owner: { kind: 'member', name: 'Casey', email: 'casey@us.com' } })],
      events: [logged('d1', 'Sam Rep')],
    }, [['decision_not_circulated', false, 'Not yet circulated · 22 h left']]],
    ['a decision older than the 14-day window leaves the queue', { decisions: [decision({ id: 'd1', decidedAt: NOW - 15 * D })], events: [logged('d1')] }, []],
    ["an overdue review of my client's objective is listed, not urgent", { objectives: [objective({})] },
      [['objective_review_overdue', false, 'Review 10 days overdue (every 30 days)']]],
    ["an overdue review of someone else's client is not mine", { objectives: [objective({ clientId: 'c3' })] }, []],
    ['an objective reviewed within its cadence is not listed', { objectives: [objective({ lastReviewedAt: NOW - 5 * D })] }, []],
  ])('%s', (_, over, expected) => {
    expect(summary(input(over))).toEqual(expected);
  });

  it('matches me by e-mail first: a namesake with another e-mail is not me', () => {
    expect(buildQueue(input({ handoffs: [handoff({ receiverOwner: 'Casey CSM <casey@elsewhere.com>' })] }))).toEqual([]);
  });

  it('orders urgent items first, then the soonest due', () => {
    const q = buildQueue(
      input({
        handoffs: [handoff({ id: 'h1' }), handoff({ id: 'h2', status: 'rejected', senderOwner: 'Casey CSM' }), handoff({ id: 'h3', submittedAt: NOW - 6 * D })],
        decisions: [decision({ id: 'd1' }), decision({ id: 'd2', decidedAt: NOW - 26 * H })],
        events: [logged('d1'), logged('d2')],
        objectives: [objective({})],
      }),
    );
    expect(q.map((i) => i.key)).toEqual([
      'handoff_rejected:h2',
      'handoff_awaiting_me:h3',
      'decision_not_circulated:d2',
      'objective_review_overdue:o',
      'decision_not_circulated:d1',
      'handoff_awaiting_me:h1',
    ]);
    expect(urgentCount(q)).toBe(3);
  });

  it.each<[number, string]>([[0, ''], [7, '7'], [99, '99'], [100, '99+']])('shows %d urgent items on the badge as "%s"', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });
});
