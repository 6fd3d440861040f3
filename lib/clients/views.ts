/**
 * A client's page, as plain values: each hand-over with its history (from the events that name it), the
 * objective's versions and signatures, decisions with their circulation and reopenings. Pure, so it is tested
 * without a browser.
 */
import type { ClientBundle } from '../db/queries';
import type { ClientBundle as DomainBundle } from '../domain/bundle';
import { completeness } from '../domain/gaps';
import { objectiveStatus, type ObjectiveStatusInfo } from '../domain/objective';
import type { Decision, Handoff, HandoffTemplate, LifecycleEvent, SignerRole } from '../domain/schemas';
import { HANDOFF_KINDS } from '../domain/schemas';
import { defaultTemplate } from '../domain/templates';
import { FORMER_STAKEHOLDER, ownerName } from '../domain/people';
import { circulatedAtOf, circulation } from '../domain/windows';
import { roleLabel } from '../domain/words';

export interface HandoffStep {
  kind: 'submitted' | 'rejected' | 'accepted';
  at: number;
  actor: string;
  /** Rejection reasons with the field's label; a submission's completeness. */
  reasons: { field: string; reason: string }[];
  completeness: number | null;
}

export interface HandoffView {
  handoff: Handoff;
  template: HandoffTemplate;
  completeness: number;
  /** Oldest first. */
  history: HandoffStep[];
}

/** Hand-overs in lifecycle order, each with its steps from the `handoff_*` events. */
export function handoffViews(b: ClientBundle, now: number): HandoffView[] {
  const byHandoff = new Map<string, LifecycleEvent[]>();
  for (const e of b.events) {
    const id = e.payload['handoffId'];
    if (typeof id !== 'string' || !e.name.startsWith('handoff_')) continue;
    const list = byHandoff.get(id);
    if (list) list.push(e);
    else byHandoff.set(id, [e]);
  }
  const templates = new Map(b.templates.map((t) => [t.kind, t]));
  return [...b.handoffs]
    .sort((x, y) => HANDOFF_KINDS.indexOf(x.kind) - HANDOFF_KINDS.indexOf(y.kind) || x.createdAt - y.createdAt)
    .map((h) => {
      const template = templates.get(h.kind) ?? defaultTemplate(h.kind);
      const label = (key: string) => template.fields.find((f) => f.key === key)?.label ?? roleLabel(key);
      const history = (byHandoff.get(h.id) ?? [])
        .sort((x, y) => x.at - y.at)
        .map((e): HandoffStep => {
          const kind = e.name === 'handoff_submitted' ? 'submitted' : e.name === 'handoff_rejected' ? 'rejected' : 'accepted';
          const raw = e.payload['reasons'];
          const reasons = Array.isArray(raw)
            ? raw.flatMap((r) => (r && typeof r === 'object' && !Array.isArray(r) && typeof r['field'] === 'string' && typeof r['reason'] === 'string' ? [{ field: label(r['field']), reason: r['reason'] }] : []))
            : [];
          const c = e.payload['completeness'];
          return { kind, at: e.at, actor: e.actor, reasons, completeness: typeof c === 'number' ? c : null };
        });
      // A rejection recorded on the row but whose event has not synced yet still shows.
      if (h.rejection && !history.some((s) => s.kind === 'rejected' && s.at === h.rejection!.at)) {
        history.push({ kind: 'rejected', at: h.rejection.at, actor: h.rejection.by, reasons: h.rejection.reasons.map((r) => ({ field: label(r.field), reason: r.reason })), completeness: null });
        history.sort((x, y) => x.at - y.at);
      }
      return { handoff: h, template, completeness: completeness(template, h, { stakeholders: b.stakeholders, now }), history };
    });
}

export interface SignatureView {
  role: SignerRole;
  name: string | null;
  version: number | null;
  at: number | null;
  /** Signed the current version. */
  current: boolean;
}

export interface VersionView {
  version: number;
  /** Who signed this version, from `objective_signed` events. */
  signings: { role: SignerRole; name: string; at: number; actor: string }[];
  current: boolean;
}

export interface ObjectiveView {
  status: ObjectiveStatusInfo;
  signatures: SignatureView[];
  /** Newest version first; versions nobody signed appear only when current. */
  versions: VersionView[];
}

const ROLES: SignerRole[] = ['executive_sponsor', 'project_sponsor', 'operating_owner'];

export function objectiveView(b: ClientBundle, now: number): ObjectiveView | null {
  const o = b.objective;
  if (!o) return null;
  const names = new Map(b.stakeholders.map((s) => [s.id, s.name]));
  const status = objectiveStatus(o, now);
  const signatures = ROLES.map((role): SignatureView => {
    const s = status.signedBy.find((g) => g.role === role);
    return s
      ? { role, name: names.get(s.stakeholderId) ?? FORMER_STAKEHOLDER, version: s.version, at: s.at, current: s.version === o.version }
      : { role, name: null, version: null, at: null, current: false };
  });
  const versions = new Map<number, VersionView>();
  versions.set(o.version, { version: o.version, signings: [], current: true });
  for (const e of b.events) {
    if (e.name !== 'objective_signed' || e.payload['objectiveId'] !== o.id) continue;
    const v = e.payload['version'];
    const role = e.payload['role'];
    const who = e.payload['stakeholderId'];
    if (typeof v !== 'number' || typeof role !== 'string' || !ROLES.includes(role as SignerRole)) continue;
    let view = versions.get(v);
    if (!view) versions.set(v, (view = { version: v, signings: [], current: v === o.version }));
    view.signings.push({ role: role as SignerRole, name: (typeof who === 'string' && names.get(who)) || FORMER_STAKEHOLDER, at: e.at, actor: e.actor });
  }
  return { status, signatures, versions: [...versions.values()].sort((x, y) => y.version - x.version) };
}

export interface DecisionView {
  decision: Decision;
  owner: string;
  circulated: boolean;
  /** Not circulated and past the 24-hour window. */
  overdue: boolean;
  reopens: Decision | null;
  reopenedBy: Decision | null;
}

/** Decisions newest first, with circulation (field or event) and the reopen chain. */
export function decisionViews(b: ClientBundle, now: number): DecisionView[] {
  const circulations = b.events.filter((e) => e.name === 'decision_circulated');
  const byId = new Map(b.decisions.map((d) => [d.id, d]));
  const reopenedBy = new Map<string, Decision>();
  for (const d of b.decisions) if (d.reopens) reopenedBy.set(d.reopens, d);
  return [...b.decisions]
    .sort((x, y) => y.decidedAt - x.decidedAt)
    .map((d) => {
      const c = circulation(d, circulatedAtOf(d, circulations), now);
      return {
        decision: d,
        owner: ownerName(d.owner, b.stakeholders),
        circulated: c.circulated,
        overdue: c.overdue,
        reopens: d.reopens ? (byId.get(d.reopens) ?? null) : null,
        reopenedBy: reopenedBy.get(d.id) ?? null,
      };
    });
}

/** The domain's view of a loaded bundle (what signals, the business case and the one-pager take). */
export function toDomainBundle(b: ClientBundle, now = Date.now()): DomainBundle {
  return { client: b.client, stakeholders: b.stakeholders, objective: b.objective ?? undefined, decisions: b.decisions, handoffs: b.handoffs, events: b.events, now };
}
