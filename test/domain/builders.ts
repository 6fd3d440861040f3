/** Small builders for domain rows, so each test states only what matters to it. */
import type { ClientBundle } from '../../lib/domain/bundle';
import type {
  Client,
  Criterion,
  Decision,
  FieldValue,
  Handoff,
  LifecycleEvent,
  Objective,
  Stakeholder,
} from '../../lib/domain/schemas';
import { DAY_MS } from '../../lib/domain/time';

/** Monday 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9);
export const days = (n: number) => n * DAY_MS;

export function person(id: string, name: string, over: Partial<Stakeholder> = {}): Stakeholder {
  return { id, clientId: 'c1', name, title: '', roles: [], createdAt: T0 - days(100), ...over };
}

export function criterion(metric: string, over: Partial<Criterion> = {}): Criterion {
  return { id: metric.toLowerCase().replace(/\W+/g, '-'), metric, unit: '', ...over };
}

export function handoff(values: Record<string, FieldValue> = {}, over: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h1',
    kind: 'close_to_onboarding',
    clientId: 'c1',
    senderOwner: 'Riley (sales)',
    receiverOwner: 'Sam (CS)',
    status: 'draft',
    values,
    slaBusinessDays: 2,
    createdAt: T0 - days(10),
    ...over,
  };
}

export function objective(over: Partial<Objective> = {}): Objective {
  return {
    id: 'o1',
    clientId: 'c1',
    outcome: '70% weekly active usage across licensed seats by day 90',
    scope: [],
    nonScope: [],
    successCriteria: [],
    decisionOwners: [],
    reviewCadenceDays: 30,
    version: 1,
    signatures: [],
    createdAt: T0 - days(10),
    ...over,
  };
}

/** Signed by all three signer roles at `version`, at `at`. */
export function signedBy(version: number, at: number): Objective['signatures'] {
  return [
    { role: 'executive_sponsor', stakeholderId: 'dana', version, at },
    { role: 'project_sponsor', stakeholderId: 'lee', version, at },
    { role: 'operating_owner', stakeholderId: 'kim', version, at },
  ];
}

export function decision(id: string, title: string, decidedAt: number, over: Partial<Decision> = {}): Decision {
  return {
    id,
    clientId: 'c1',
    title,
    text: '',
    owner: { kind: 'member', name: 'Sam' },
    decidedAt,
    participants: [],
    source: 'meeting',
    createdAt: decidedAt,
    ...over,
  };
}

let seq = 0;
export function event(name: LifecycleEvent['name'], at: number, over: Partial<LifecycleEvent> = {}): LifecycleEvent {
  return { id: `e${++seq}`, clientId: 'c1', name, at, actor: 'test', payload: {}, ...over };
}

export function client(over: Partial<Client> = {}): Client {
  return { id: 'c1', name: 'Acme', createdAt: T0 - days(200), ...over };
}

/** The three people most tests need: an engaged executive sponsor, project sponsor and operating owner. */
export function sponsors(): Stakeholder[] {
  return [
    person('dana', 'Dana Ruiz', { roles: ['executive_sponsor'], influence: 'high', stance: 'pro', lastEngagedAt: T0 - days(3) }),
    person('lee', 'Lee Park', { roles: ['project_sponsor'], influence: 'high', stance: 'neutral', lastEngagedAt: T0 - days(5) }),
    person('kim', 'Kim Wu', { roles: ['operating_owner'], influence: 'low', stance: 'pro', lastEngagedAt: T0 - days(8) }),
  ];
}

export function bundle(over: Partial<ClientBundle> = {}): ClientBundle {
  return { client: client(), stakeholders: [], decisions: [], handoffs: [], events: [], now: T0, ...over };
}
