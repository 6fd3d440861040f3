/** The receiver's rejection: pick the fields that are not good enough and say why for each. */
import { useState } from 'react';
import type { Gap } from '../../lib/domain/gaps';
import type { HandoffTemplate } from '../../lib/domain/schemas';

export interface RejectFormProps {
  template: HandoffTemplate;
  /** Fields with gaps start ticked, with the gap's sentence as the reason. */
  gaps: Gap[];
  onReject(reasons: { field: string; reason: string }[]): Promise<void>;
  onCancel(): void;
}

export function RejectForm({ template, gaps, onReject, onCancel }: RejectFormProps) {
  const [reasons, setReasons] = useState<Record<string, string>>(() => Object.fromEntries(gaps.filter((g) => g.required).map((g) => [g.field, g.sentence])));
  const [error, setError] = useState<string | null>(null);
  const chosen = Object.entries(reasons);
  const submit = async () => {
    const list = chosen.map(([field, reason]) => ({ field, reason: reason.trim() }));
    const blank = list.find((r) => !r.reason);
    if (list.length === 0) return setError('Tick at least one field and say why.');
    if (blank) return setError(`Say why “${template.fields.find((f) => f.key === blank.field)?.label}” is not good enough.`);
    setError(null);
    await onReject(list);
  };
  return (
    <form className="reject-form card card-body stack" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="Reject the hand-over"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <h3>Reject: which fields, and why?</h3>
      {template.fields.map((f) => {
        const on = f.key in reasons;
        return (
          <div key={f.key} className="stack-tight">
            <label className="row">
              <input type="checkbox" checked={on} onChange={() => setReasons((r) => {
                const next = { ...r };
                if (on) delete next[f.key];
                else next[f.key] = '';
                return next;
              })} />
              {f.label}
            </label>
            {on ? (
              <textarea className="textarea" rows={2} aria-label={`Why ${f.label} is not good enough`} value={reasons[f.key]}
                aria-invalid={error !== null && !reasons[f.key]?.trim()}
                onChange={(e) => setReasons((r) => ({ ...r, [f.key]: e.target.value }))} />
            ) : null}
          </div>
        );
      })}
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <div className="row-end">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary">Reject {chosen.length ? `${chosen.length} field${chosen.length === 1 ? '' : 's'}` : ''}</button>
      </div>
    </form>
  );
}
