/**
 * The chosen client's latest decisions: whether each reached its owners within 24 hours, one action to circulate
 * it (copy the summary, or e-mail the owners) and one to reopen it. Props in, events out.
 */
import { useState } from 'react';
import { Badge } from '../../components/ui';
import { relativeTime } from '../../lib/domain/words';
import { formatTimeLeft } from '../../lib/decisions/circulate';
import { ownerLabel, type PeopleDirectory } from '../../lib/decisions/draft';
import type { Decision, LifecycleEvent } from '../../lib/domain/schemas';
import { circulatedAtOf, circulation, REOPEN_WINDOW_DAYS, reopenedQuickly } from '../../lib/domain/windows';

export interface RecentDecisionsProps {
  decisions: readonly Decision[];
  circulations: readonly LifecycleEvent[];
  people: PeopleDirectory;
  now: number;
  /** The decision just logged from this popup, highlighted. */
  highlightId: string | null;
  onReopen: (d: Decision) => void;
  onCopy: (d: Decision) => Promise<void>;
  /** The `mailto:` URL for a decision (the link is followed by the browser; `onEmailed` records it). */
  mailtoFor: (d: Decision) => { url: string; to: number; missing: string[] };
  onEmailed: (d: Decision) => void;
  reopeningId: string | null;
}

const SHOWN = 3;
const SOURCE = { meeting: 'Meeting', call: 'Call', email: 'Email' } as const;

export function RecentDecisions(props: RecentDecisionsProps) {
  const { decisions, people, now } = props;
  const [all, setAll] = useState(false);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const shown = all ? decisions : decisions.slice(0, SHOWN);
  if (decisions.length === 0) return <p className="faint popup-none">No decisions logged for this client yet.</p>;
  return (
    <>
      <ul className="list decisions" aria-label="Recent decisions">
        {shown.map((d) => {
          const c = circulation(d, circulatedAtOf(d, props.circulations), now);
          const old = d.reopens ? byId.get(d.reopens) : undefined;
          const quickReopen = old && reopenedQuickly(old, d);
          const mail = c.circulated ? null : props.mailtoFor(d);
          return (
            <li key={d.id} className={`decision${d.id === props.highlightId ? ' decision-new' : ''}`} data-decision-id={d.id}>
              <div className="decision-head">
                <strong className="decision-title" title={d.title}>
                  {d.title}
                </strong>
                {c.circulated ? (
                  <Badge tone="ok" title={`Circulated ${relativeTime(c.at!, now)}`}>
                    Circulated
                  </Badge>
                ) : (
                  <Badge tone={c.overdue ? 'bad' : 'warn'} title="Every decision must reach all its owners within 24 hours">
                    {formatTimeLeft(c.leftMs)}
                  </Badge>
                )}
              </div>
              <div className="faint">
                {ownerLabel(d.owner, people)} · {relativeTime(d.decidedAt, now)} · {SOURCE[d.source]}
                {d.reopens ? ' · reopens an earlier decision' : ''}
              </div>
              {quickReopen ? (
                <div className="decision-signal" role="note">
                  <span className="dot dot-bad" aria-hidden="true" /> Reopened within {REOPEN_WINDOW_DAYS} days of “{old!.title}”
                </div>
              ) : null}
              {!c.circulated ? <span className="sr-only">Not yet circulated.</span> : null}
              <div className="decision-actions">
                {mail ? (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => void props.onCopy(d)} aria-label={`Copy summary of “${d.title}” and mark it circulated`}>
                      Copy summary
                    </button>
                    <a
                      className="btn btn-small"
                      href={mail.url}
                      target="_blank"
                      rel="noreferrer"
                      onClick={() => props.onEmailed(d)}
                      aria-label={`E-mail “${d.title}” to its owners and mark it circulated`}
                      title={mail.missing.length ? `No e-mail for ${mail.missing.join(', ')}` : undefined}
                    >
                      Email owners{mail.to ? ` (${mail.to})` : ''}
                    </a>
                  </>
                ) : null}
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-pressed={props.reopeningId === d.id}
                  onClick={() => props.onReopen(d)}
                  aria-label={`Reopen “${d.title}”`}
                >
                  Reopen
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {decisions.length > SHOWN ? (
        <button type="button" className="btn-link popup-more" onClick={() => setAll((x) => !x)}>
          {all ? 'Show fewer' : `Show ${decisions.length - SHOWN} more`}
        </button>
      ) : null}
    </>
  );
}
