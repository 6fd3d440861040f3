/** The lifecycle event timeline of one client (DOMAIN.md's taxonomy), newest first, and the form to add one by hand. */
import { useState, type FormEvent } from 'react';
import { CUSTOMER_EVENTS, type EventName, type LifecycleEvent } from '../../lib/domain/schemas';
import { Field } from '../ui';
import { formatDay } from '../../lib/domain/words';

export const EVENT_LABELS: Record<EventName, string> = {
  contract_signed: 'Contract signed',
  implementation_kickoff_completed: 'Implementation kick-off completed',
  first_admin_login: 'First admin login',
  first_value_achieved: 'First value achieved',
  adoption_threshold_reached: 'Adoption threshold reached',
  executive_business_review_completed: 'Executive business review completed',
  expansion_signal_detected: 'Expansion signal detected',
  risk_signal_detected: 'Risk signal detected',
  handoff_submitted: 'Hand-over submitted',
  handoff_accepted: 'Hand-over accepted',
  handoff_rejected: 'Hand-over rejected',
  objective_signed: 'Objective signed',
  decision_logged: 'Decision logged',
  decision_reopened: 'Decision reopened',
  decision_circulated: 'Decision circulated',
};

const TONE: Partial<Record<EventName, string>> = {
  contract_signed: 'ok',
  first_value_achieved: 'ok',
  adoption_threshold_reached: 'ok',
  expansion_signal_detected: 'info',
  risk_signal_detected: 'bad',
  handoff_rejected: 'bad',
  handoff_accepted: 'ok',
  decision_reopened: 'warn',
};

/** A line of detail from an event's payload, where one says something a person wants to read. */
function detail(e: LifecycleEvent, describe: (e: LifecycleEvent) => string | null): string | null {
  const note = e.payload['note'];
  return describe(e) ?? (typeof note === 'string' && note.trim() ? note : null);
}

export function Timeline({ events, describe }: { events: readonly LifecycleEvent[]; describe: (e: LifecycleEvent) => string | null }) {
  const sorted = [...events].sort((a, b) => b.at - a.at);
  return (
    <ol className="timeline" aria-label="Lifecycle events">
      {sorted.map((e) => {
        const d = detail(e, describe);
        const ours = !(CUSTOMER_EVENTS as readonly string[]).includes(e.name);
        return (
          <li key={e.id} className={`tl-item tl-${TONE[e.name] ?? (ours ? 'ours' : 'neutral')}`}>
            <span className="tl-dot" aria-hidden="true" />
            <div className="tl-body">
              <div className="row">
                <strong>{EVENT_LABELS[e.name]}</strong>
                <span className="faint">{formatDay(e.at)}</span>
              </div>
              {d ? <p className="muted tl-detail">{d}</p> : null}
              {e.actor ? <p className="faint">by {e.actor}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export interface NewEvent {
  name: EventName;
  at: number;
  note: string;
}

/** `2026-03-02` → noon UTC that day, so the date reads the same in every time zone. */
export function dateInputToTime(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/**
 * Add a customer lifecycle event by hand (contract signed, first value…). Our own events (hand-over and decision
 * steps, signatures) are written by those actions, so they are not offered here.
 */
export function EventForm({ today, onAdd }: { today: string; onAdd(e: NewEvent): Promise<void> }) {
  const [name, setName] = useState<EventName>('contract_signed');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const at = dateInputToTime(date);
    if (at === null) return setError('Pick the day it happened.');
    setBusy(true);
    setError(undefined);
    try {
      await onAdd({ name, at, note: note.trim() });
      setNote('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="event-form" onSubmit={submit} aria-label="Add a lifecycle event">
      <Field label="What happened">
        {(id) => (
          <select id={id} className="select" value={name} onChange={(e) => setName(e.target.value as EventName)}>
            {CUSTOMER_EVENTS.map((n) => (
              <option key={n} value={n}>
                {EVENT_LABELS[n]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="When" error={error}>
        {(id, d) => <input id={id} type="date" className="input" value={date} max="2100-12-31" onChange={(e) => setDate(e.target.value)} aria-describedby={d} aria-invalid={!!error} />}
      </Field>
      <Field label="Note (optional)">
        {(id) => <input id={id} className="input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Signed for 250 seats" />}
      </Field>
      <div className="row-end">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add event'}
        </button>
      </div>
    </form>
  );
}
