/** Small shared UI pieces: props in, events out, no data access. */
import { useId, type ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

/** A short status label. */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge${tone === 'neutral' ? '' : ` badge-${tone}`}`} title={title}>
      {children}
    </span>
  );
}

/** A horizontal meter for a 0..1 share, with its text alternative. */
export function Meter({ value, label, tone }: { value: number; label: string; tone?: Exclude<Tone, 'info' | 'neutral'> }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className={`meter${tone ? ` meter-${tone}` : ''}`} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label}>
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

/** A labelled form control; `error` is shown under it and announced. */
export function Field({ label, error, help, children }: { label: string; error?: string | undefined; help?: string | undefined; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const describedBy = error ? `${id}-err` : help ? `${id}-help` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {error ? (
        <span className="error-text" id={`${id}-err`} role="alert">
          {error}
        </span>
      ) : help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
    </div>
  );
}

/** What to show while there is nothing (yet): a title and what to do. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** A message box: warnings, errors and confirmations. */
export function Banner({ tone, title, children, role }: { tone: Exclude<Tone, 'neutral'>; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`banner banner-${tone}`} role={role}>
      {title ? <strong>{title}</strong> : null}
      {children}
    </div>
  );
}
