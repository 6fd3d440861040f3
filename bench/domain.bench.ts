/**
 * The panel's per-render domain work, at portfolio scale: `findGaps` + `coverage` + `objectiveStatus` over 10,000
 * realistic clients (5–10 stakeholders each, a signed or half-signed objective, a close-to-onboarding hand-over in
 * every state of completeness). Target: under 200 ms in total on one core, median of several runs.
 */
import { findGaps } from '../lib/domain/gaps';
import { objectiveStatus } from '../lib/domain/objective';
import type { FieldValue, Handoff, Objective, Stakeholder, StakeholderRole } from '../lib/domain/schemas';
import { coverage } from '../lib/domain/stakeholders';
import { defaultTemplate } from '../lib/domain/templates';
import { median, type Benchmark } from './types.ts';

const CLIENTS = 10_000;
const RUNS = 9;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2, 9);

/** Deterministic PRNG (mulberry32), so every run measures the same portfolio. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ClientData {
  stakeholders: Stakeholder[];
  objective: Objective;
  handoff: Handoff;
}

const FIRST = ['Dana', 'Lee', 'Kim', 'Sam', 'Pat', 'Alex', 'Jordan', 'Riley', 'Morgan', 'Casey'];
const LAST = ['Ruiz', 'Park', 'Wu', 'Ortiz', 'Lin', 'Novak', 'Okafor', 'Schmidt', 'Rossi', 'Tanaka'];
const KEY_ROLES: StakeholderRole[] = ['executive_sponsor', 'project_sponsor', 'operating_owner', 'technical_owner', 'economic_buyer'];
const OTHER_ROLES: StakeholderRole[] = ['champion', 'user', 'other'];

function generate(): ClientData[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: ClientData[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const clientId = `client-${c}`;
    const n = 5 + Math.floor(r() * 6);
    const stakeholders: Stakeholder[] = [];
    for (let i = 0; i < n; i++) {
      const role = i < KEY_ROLES.length && r() < 0.85 ? KEY_ROLES[i]! : pick(OTHER_ROLES);
      stakeholders.push({
        id: `${clientId}-s${i}`,
        clientId,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        title: 'Director',
        roles: [role],
        influence: r() < 0.1 ? undefined : r() < 0.45 ? 'high' : 'low',
        stance: r() < 0.1 ? undefined : pick(['pro', 'pro', 'neutral', 'against'] as const),
        lastEngagedAt: r() < 0.15 ? undefined : NOW - Math.floor(r() * 90) * DAY,
        definitionOfSuccess: r() < 0.4 ? 'Weekly active usage across licensed seats by day 90' : undefined,
        createdAt: NOW - 200 * DAY,
      });
    }
    const signedVersion = 1 + Math.floor(r() * 2);
    const signatures = (['executive_sponsor', 'project_sponsor', 'operating_owner'] as const)
      .filter(() => r() < 0.8)
      .map((role, i) => ({ role, stakeholderId: stakeholders[i]!.id, version: signedVersion, at: NOW - Math.floor(r() * 60) * DAY }));
    const objective: Objective = {
      id: `${clientId}-o`,
      clientId,
      outcome: '70% weekly active usage across licensed seats by day 90',
      scope: ['Recruiting', 'Scheduling'],
      nonScope: ['Payroll'],
      successCriteria: [],
      decisionOwners: [],
      reviewCadenceDays: 30,
      version: signedVersion + (r() < 0.2 ? 1 : 0),
      signatures,
      lastReviewedAt: r() < 0.5 ? NOW - Math.floor(r() * 50) * DAY : undefined,
      createdAt: NOW - 120 * DAY,
    };
    const values: Record<string, FieldValue> = {};
    const fill = r(); // share of fields filled in
    const maybe = (key: string, v: FieldValue) => {
      if (r() < fill) values[key] = v;
    };
    maybe('verified_use_case', { type: 'text', text: r() < 0.8 ? 'Recruiters schedule interviews from the ATS without leaving the candidate record at all' : 'Scheduling' });
    maybe('executive_sponsor', { type: 'person', stakeholderId: stakeholders[Math.floor(r() * 2)]!.id });
    maybe('technical_owner', { type: 'person', stakeholderId: stakeholders[3]!.id });
    maybe('success_criteria', {
      type: 'targets',
      criteria: [
        { id: 'wau', metric: 'Weekly active usage', target: 70, unit: '%', dueDay: 90, current: Math.floor(r() * 80) },
        { id: 'bo', metric: 'Documented business outcomes', target: r() < 0.8 ? 2 : undefined, unit: '', dueDay: 180 },
      ],
    });
    maybe('integration_scope', { type: 'list', items: ['Workday → ATS, nightly', 'SSO via Okta'] });
    maybe('content_consumed', { type: 'list', items: ['Scheduling ROI guide'] });
    maybe('buying_motivation', { type: 'text', text: 'Recruiters lose two days a week to scheduling interviews by email' });
    maybe('contractual_commitments', { type: 'list', items: r() < 0.9 ? ['Okta SSO live by day 30'] : [] });
    const handoff: Handoff = {
      id: `${clientId}-h`,
      kind: 'close_to_onboarding',
      clientId,
      senderOwner: 'rep@example.com',
      receiverOwner: 'csm@example.com',
      status: 'draft',
      values,
      slaBusinessDays: 2,
      createdAt: NOW - 20 * DAY,
    };
    out.push({ stakeholders, objective, handoff });
  }
  return out;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'domain: findGaps + coverage + objectiveStatus × 10,000 clients',
    async run() {
      const data = generate();
      const template = defaultTemplate('close_to_onboarding');
      let sink = 0;
      const once = () => {
        const t = performance.now();
        for (const d of data) {
          const ctx = { stakeholders: d.stakeholders, now: NOW };
          sink += findGaps(template, d.handoff, ctx).length;
          sink += coverage(d.stakeholders, NOW).engaged;
          sink += objectiveStatus(d.objective, NOW).overdueByDays;
        }
        return performance.now() - t;
      };
      once(); // warm-up: let the JIT see the shapes
      const times = Array.from({ length: RUNS }, once);
      if (sink < 0) throw new Error('unreachable');
      const gaps = data.reduce((n, d) => n + findGaps(template, d.handoff, { stakeholders: d.stakeholders, now: NOW }).length, 0);
      return {
        figure: median(times),
        unit: 'ms',
        target: 200,
        better: 'lower',
        note: `median of ${RUNS}, min ${Math.min(...times).toFixed(1)} ms, ${gaps} gaps found`,
      };
    },
  },
];
