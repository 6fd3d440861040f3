/** A client's page as plain values: hand-over history, objective versions and signatures, decisions. */
import { describe, expect, it } from 'vitest';
import { decisionViews, handoffViews, objectiveView } from '../../lib/clients/views';
import type { ClientBundle } from '../../lib/db/queries';
import { defaultTemplate } from '../../lib/domain/templates';
import { T0, client, days, decision, event, handoff, objective, person, sponsors } from '../domain/builders';

const HOUR = 3_600_000;

function page(over: Partial<ClientBundle> = {}): ClientBundle {
  return { client: client(), links: [], deals: [], stakeholders: sponsors(), objective: null, decisions: [], handoffs: [], events: [], templates: [], ...over };
}

describe('a client’s hand-overs', () => {
  it('has nothing to show for a client without hand-overs', () => {
    expect(handoffViews(page(), T0)).toEqual([]);
  });

  it('lists them in lifecycle order, each with its steps oldest first and the reasons in the template’s words', () => {
    const close = handoff({}, { id: 'h-close', kind: 'close_to_onboarding', status: 'accepted' });
    const lead = handoff({}, { id: 'h-lead', kind: 'lead_to_opportunity', status: 'submitted' });
    const events = [
      event('handoff_accepted', T0 - days(1), { actor: 'Sam (CS)', payload: { handoffId: 'h-close' } }),
      event('handoff_submitted', T0 - days(5), { actor: 'Riley', payload: { handoffId: 'h-close', completeness: 0.6 } }),
      event('handoff_rejected', T0 - days(4), {
        actor: 'Sam (CS)',
        payload: { handoffId: 'h-close', reasons: [{ field: 'success_criteria', reason: 'No numeric target' }, { field: 'old_field', reason: 'Gone' }, { bad: true }] },
      }),
      event('handoff_submitted', T0 - days(2), { actor: 'Riley', payload: { handoffId: 'h-close', completeness: 1 } }),
      event('decision_logged', T0 - days(3), { payload: { handoffId: 'h-close' } }),
    ];
    const views = handoffViews(page({ handoffs: [close, lead], events }), T0);
    expect(views.map((v) => v.handoff.id)).toEqual(['h-lead', 'h-close']);
    const history = views[1]!.history;
    expect(history.map((s) => [s.kind, s.actor, s.completeness])).toEqual([
      ['submitted', 'Riley', 0.6],
      ['rejected', 'Sam (CS)', null],
      ['submitted', 'Riley', 1],
      ['accepted', 'Sam (CS)', null],
    ]);
    // A field the template knows shows its label; one it no longer has, its key in words; a malformed reason is dropped.
    expect(history[1]!.reasons).toEqual([
      { field: 'Success criteria', reason: 'No numeric target' },
      { field: 'Old field', reason: 'Gone' },
    ]);
    expect(views[0]!.history).toEqual([]);
    expect(views[1]!.template).toEqual(defaultTemplate('close_to_onboarding'));
  });

  it('shows a rejection recorded on the hand-over whose event has not arrived yet, in its place in time', () => {
    const h = handoff({}, {
      status: 'rejected',
      rejection: { reasons: [{ field: 'executive_sponsor', reason: 'Nobody named' }], fields: ['executive_sponsor'], at: T0 - days(2), by: 'Sam (CS)', valuesAtRejection: {} },
    });
    const events = [
      event('handoff_submitted', T0 - days(3), { actor: 'Riley', payload: { handoffId: 'h1' } }),
      event('handoff_submitted', T0 - days(1), { actor: 'Riley', payload: { handoffId: 'h1' } }),
    ];
    const [view] = handoffViews(page({ handoffs: [h], events }), T0);
    expect(view!.history.map((s) => s.kind)).toEqual(['submitted', 'rejected', 'submitted']);
    expect(view!.history[1]).toMatchObject({ actor: 'Sam (CS)', reasons: [{ field: 'Executive sponsor', reason: 'Nobody named' }] });
  });

  it('does not show that rejection twice once its event is there', () => {
    const at = T0 - days(2);
    const h = handoff({}, { status: 'rejected', rejection: { reasons: [], fields: [], at, by: 'Sam (CS)', valuesAtRejection: {} } });
    const events = [event('handoff_rejected', at, { actor: 'Sam (CS)', payload: { handoffId: 'h1', reasons: [] } })];
    expect(handoffViews(page({ handoffs: [h], events }), T0)[0]!.history).toHaveLength(1);
  });

  it('uses the workspace’s template when it has one, and measures completeness against it', () => {
    const template = { ...defaultTemplate('close_to_onboarding'), fields: defaultTemplate('close_to_onboarding').fields.slice(0, 1) };
    const h = handoff({}, { status: 'draft' });
    const [view] = handoffViews(page({ handoffs: [h], templates: [template] }), T0);
    expect(view!.template.fields).toHaveLength(1);
    expect(view!.completeness).toBe(0);
  });
});

describe('a client’s objective', () => {
  it('is null when there is none', () => {
    expect(objectiveView(page(), T0)).toBeNull();
  });

  it('names each signer, says who signed the current version, and lists versions newest first', () => {
    const o = objective({
      version: 2,
      signatures: [
        { role: 'executive_sponsor', stakeholderId: 'dana', version: 2, at: T0 - days(1) },
        { role: 'project_sponsor', stakeholderId: 'gone', version: 1, at: T0 - days(9) },
      ],
    });
    const events = [
      event('objective_signed', T0 - days(9), { actor: 'Riley', payload: { objectiveId: 'o1', version: 1, role: 'project_sponsor', stakeholderId: 'gone' } }),
      event('objective_signed', T0 - days(1), { actor: 'Riley', payload: { objectiveId: 'o1', version: 2, role: 'executive_sponsor', stakeholderId: 'dana' } }),
      event('objective_signed', T0 - days(1), { payload: { objectiveId: 'another', version: 2, role: 'executive_sponsor', stakeholderId: 'dana' } }),
      event('objective_signed', T0 - days(1), { payload: { objectiveId: 'o1', version: 2, role: 'the_cat', stakeholderId: 'dana' } }),
    ];
    const view = objectiveView(page({ objective: o, events }), T0)!;
    expect(view.signatures).toEqual([
      { role: 'executive_sponsor', name: 'Dana Ruiz', version: 2, at: T0 - days(1), current: true },
      { role: 'project_sponsor', name: 'a former stakeholder', version: 1, at: T0 - days(9), current: false },
      { role: 'operating_owner', name: null, version: null, at: null, current: false },
    ]);
    expect(view.status.changedSinceSigned).toBe(true);
    expect(view.versions.map((v) => [v.version, v.current, v.signings.map((s) => `${s.role}: ${s.name}`)])).toEqual([
      [2, true, ['executive_sponsor: Dana Ruiz']],
      [1, false, ['project_sponsor: a former stakeholder']],
    ]);
  });

  it('shows the current version even when nobody signed it', () => {
    const view = objectiveView(page({ objective: objective({ version: 3 }) }), T0)!;
    expect(view.versions).toEqual([{ version: 3, signings: [], current: true }]);
    expect(view.signatures.every((s) => s.name === null)).toBe(true);
  });
});

describe('a client’s decisions', () => {
  it('lists them newest first with their owner, circulation and reopen chain', () => {
    const first = decision('d1', 'Pilot in one clinic', T0 - days(6), { circulatedAt: T0 - days(6) });
    const again = decision('d2', 'Pilot in two clinics', T0 - days(2), { reopens: 'd1', owner: { kind: 'stakeholder', stakeholderId: 'dana' } });
    const later = decision('d3', 'SSO before go-live', T0 - 2 * HOUR, { owner: { kind: 'stakeholder', stakeholderId: 'gone', name: 'Ola Berg' } });
    const unknown = decision('d4', 'Weekly steering call', T0 - days(1), { owner: { kind: 'stakeholder', stakeholderId: 'gone' } });
    const events = [event('decision_circulated', T0 - days(1), { payload: { decisionId: 'd4' } })];
    const views = decisionViews(page({ decisions: [first, again, later, unknown], events }), T0);
    expect(views.map((v) => [v.decision.id, v.owner, v.circulated, v.overdue, v.reopens?.id ?? null, v.reopenedBy?.id ?? null])).toEqual([
      ['d3', 'Ola Berg', false, false, null, null], // two hours old: not yet due
      ['d4', 'a former stakeholder', true, false, null, null], // circulated later, by an event
      ['d2', 'Dana Ruiz', false, true, 'd1', null], // past 24 hours, not shared
      ['d1', 'Sam', true, false, null, 'd2'],
    ]);
  });

  it('has nothing to show without decisions', () => {
    expect(decisionViews(page({ stakeholders: [person('x', 'X')] }), T0)).toEqual([]);
  });
});
