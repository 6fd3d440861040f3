/** The latest decisions for a client, newest first; reopened ones flagged both ways. */
import { ownerName } from '../../lib/domain/people';
import type { Decision, LifecycleEvent, Stakeholder } from '../../lib/domain/schemas';
import { CIRCULATE_WITHIN_HOURS, circulatedAtOf, circulation } from '../../lib/domain/windows';
import { Badge, Empty } from '../ui';
import { formatDay, relativeTime } from '../../lib/domain/words';

export interface DecisionListProps {
  decisions: readonly Decision[];
  stakeholders: readonly Stakeholder[];
  /** The client's `decision_circulated` events (a decision circulated after it was logged). */
  circulations: readonly Pick<LifecycleEvent, 'name' | 'at' | 'payload'>[];
  now: number;
  limit?: number;
}

export function DecisionList({ decisions, stakeholders, circulations, now, limit = 8 }: DecisionListProps) {
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
        const c = circulation(d, circulatedAtOf(d, circulations), now);
        return (
          <li key={d.id} className="decision">
            <div className="row">
              <strong className="grow">{d.title}</strong>
              {later ? <Badge tone="warn">Reopened</Badge> : null}
              {!c.circulated ? <Badge tone={c.overdue ? 'bad' : 'warn'} title={`Every decision must reach all its owners within ${CIRCULATE_WITHIN_HOURS} hours`}>{c.overdue ? 'Not circulated' : `Circulate ${relativeTime(c.dueAt, now)}`}</Badge> : null}
            </div>
            {d.text ? <p className="muted">{d.text}</p> : null}
            <p className="faint">
              {ownerName(d.owner, stakeholders)} · {d.source} · {formatDay(d.decidedAt)}
              {earlier ? <> · reopens “{earlier.title}”</> : null}
              {later ? <> · reopened by “{later.title}”</> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
