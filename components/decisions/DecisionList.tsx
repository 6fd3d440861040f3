/** The latest decisions for a client, newest first; reopened ones flagged both ways. */
import type { Decision, Owner, Stakeholder } from '../../lib/domain/schemas';
import { Badge, Empty, formatDate, relativeTime } from '../ui';

export interface DecisionListProps {
  decisions: readonly Decision[];
  stakeholders: readonly Stakeholder[];
  /** Ids of decisions with a `decision_circulated` event. */
  circulated: ReadonlySet<string>;
  now: number;
  limit?: number;
}

/** An owner's display name. */
export function ownerName(owner: Owner, stakeholders: readonly Stakeholder[]): string {
  if (owner.kind === 'member') return owner.name;
  return stakeholders.find((s) => s.id === owner.stakeholderId)?.name ?? owner.name ?? 'a stakeholder';
}

export function DecisionList({ decisions, stakeholders, circulated, now, limit = 8 }: DecisionListProps) {
  if (decisions.length === 0) {
    return (
      <Empty title="No decisions logged">
        <p>Log what was decided, by whom, so sales and CS work from the same facts.</p>
      </Empty>
    );
  }
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const reopenedBy = new Map<string, Decision>();
  for (const d of decisions) if (d.reopens) reopenedBy.set(d.reopens, d);
  return (
    <ul className="list decisions" aria-label="Decisions">
      {decisions.slice(0, limit).map((d) => {
        const later = reopenedBy.get(d.id);
        const earlier = d.reopens ? byId.get(d.reopens) : undefined;
        const isCirculated = d.circulatedAt !== undefined || circulated.has(d.id);
        const dueAt = d.decidedAt + 86_400_000;
        return (
          <li key={d.id} className="decision">
            <div className="row">
              <strong className="grow">{d.title}</strong>
              {later ? <Badge tone="warn">Reopened</Badge> : null}
              {!isCirculated ? <Badge tone={dueAt < now ? 'bad' : 'warn'} title="Every decision must reach all its owners within 24 hours">{dueAt < now ? 'Not circulated' : `Circulate ${relativeTime(dueAt, now)}`}</Badge> : null}
            </div>
            {d.text ? <p className="muted">{d.text}</p> : null}
            <p className="faint">
              {ownerName(d.owner, stakeholders)} · {d.source} · {formatDate(d.decidedAt)}
              {earlier ? <> · reopens “{earlier.title}”</> : null}
              {later ? <> · reopened by “{later.title}”</> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
