/**
 * Inline editor for one payload field, shaped by its type. Keeps a local draft; Save (or Ctrl/Cmd+Enter) hands the
 * value out, Escape cancels. People fields pick from the client's stakeholders.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { newId } from '../../lib/domain/id';
import type { Criterion, FieldValue, PayloadField, Stakeholder } from '../../lib/domain/schemas';

export interface FieldEditorProps {
  field: PayloadField;
  value: FieldValue | undefined;
  stakeholders: readonly Stakeholder[];
  onSave(value: FieldValue | null): void;
  onCancel(): void;
  /** Open the stakeholder tab to add someone who is not on the map yet. */
  onAddStakeholder?(): void;
}

function emptyValue(field: PayloadField): FieldValue {
  switch (field.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'person':
      return { type: 'person', stakeholderId: '' };
    case 'people':
      return { type: 'people', stakeholderIds: [] };
    case 'targets':
      return { type: 'targets', criteria: [] };
    case 'list':
      return { type: 'list', items: [] };
    case 'stakeholderMap':
      return { type: 'stakeholderMap' };
    case 'evidence':
      return { type: 'evidence', items: [] };
  }
}

/** Drop blank parts so a half-filled row does not fail validation for the wrong reason. */
function clean(v: FieldValue): FieldValue | null {
  switch (v.type) {
    case 'text':
      return v.text.trim() ? { ...v, text: v.text.trim() } : null;
    case 'person':
      return v.stakeholderId ? v : null;
    case 'people':
      return v.stakeholderIds.length ? v : null;
    case 'targets': {
      const criteria = v.criteria.filter((c) => c.metric.trim());
      return criteria.length ? { ...v, criteria: criteria.map((c) => ({ ...c, metric: c.metric.trim() })) } : null;
    }
    case 'list': {
      const items = v.items.map((i) => i.trim()).filter(Boolean);
      return items.length ? { ...v, items } : null;
    }
    case 'evidence': {
      const items = v.items.filter((i) => i.text.trim()).map((i) => ({ text: i.text.trim(), source: i.source.trim() }));
      return items.length ? { ...v, items } : null;
    }
    case 'stakeholderMap':
      return v;
  }
}

const num = (s: string): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

export function FieldEditor({ field, value, stakeholders, onSave, onCancel, onAddStakeholder }: FieldEditorProps) {
  const [draft, setDraft] = useState<FieldValue>(() => (value && value.type === field.type ? structuredClone(value) : emptyValue(field)));
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const save = () => onSave(clean(draft));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  const ref = (el: HTMLElement | null) => {
    if (el && !first.current) first.current = el;
  };
  const inputId = `edit-${field.key}`;
  const noPeople = stakeholders.length === 0;

  let body: React.ReactNode = null;
  switch (draft.type) {
    case 'text':
      body = (
        <textarea id={inputId} ref={ref} className="textarea" aria-label={field.label} value={draft.text} rows={3}
          onChange={(e) => setDraft({ type: 'text', text: e.target.value })} />
      );
      break;
    case 'person':
      body = (
        <select id={inputId} ref={ref} className="select" aria-label={field.label} value={draft.stakeholderId}
          onChange={(e) => setDraft({ type: 'person', stakeholderId: e.target.value })}>
          <option value="">Choose a stakeholder…</option>
          {stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}{s.title ? ` — ${s.title}` : ''}
            </option>
          ))}
        </select>
      );
      break;
    case 'people':
      body = (
        <fieldset className="stack-tight" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="sr-only">{field.label}</legend>
          {stakeholders.map((s) => {
            const on = draft.stakeholderIds.includes(s.id);
            return (
              <label key={s.id} className="row">
                <input type="checkbox" ref={ref} checked={on}
                  onChange={() => setDraft({ type: 'people', stakeholderIds: on ? draft.stakeholderIds.filter((x) => x !== s.id) : [...draft.stakeholderIds, s.id] })} />
                {s.name}
                {s.title ? <span className="faint">{s.title}</span> : null}
              </label>
            );
          })}
        </fieldset>
      );
      break;
    case 'list':
      body = (
        <textarea id={inputId} ref={ref} className="textarea" aria-label={`${field.label}, one per line`} rows={3} value={draft.items.join('\n')}
          onChange={(e) => setDraft({ type: 'list', items: e.target.value.split('\n') })} />
      );
      break;
    case 'targets': {
      const set = (i: number, patch: Partial<Criterion>) =>
        setDraft({ type: 'targets', criteria: draft.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
      body = (
        <div className="stack">
          {draft.criteria.map((c, i) => (
            <div key={c.id} className="criterion-edit card card-body stack-tight">
              <input ref={ref} className="input" aria-label={`Criterion ${i + 1} metric`} placeholder="Metric, e.g. Weekly active usage" value={c.metric}
                onChange={(e) => set(i, { metric: e.target.value })} />
              <div className="row">
                <input className="input" style={{ width: 80 }} inputMode="decimal" aria-label={`Criterion ${i + 1} target`} placeholder="Target"
                  value={c.target ?? ''} onChange={(e) => set(i, { target: num(e.target.value) })} />
                <input className="input" style={{ width: 64 }} aria-label={`Criterion ${i + 1} unit`} placeholder="Unit" value={c.unit}
                  onChange={(e) => set(i, { unit: e.target.value })} />
                <input className="input" style={{ width: 84 }} inputMode="numeric" aria-label={`Criterion ${i + 1} due day`} placeholder="Due day"
                  value={c.dueDay ?? ''} onChange={(e) => set(i, { dueDay: num(e.target.value) })} />
              </div>
              <div className="row">
                <select className="select grow" aria-label={`Criterion ${i + 1} validated by`} value={c.validation ?? ''}
                  onChange={(e) => set(i, { validation: (e.target.value || undefined) as Criterion['validation'] })}>
                  <option value="">Who vouches for it?</option>
                  <option value="customer_validated">Customer-validated</option>
                  <option value="sales_assumed">Sales-assumed</option>
                </select>
                <button type="button" className="btn btn-small btn-danger" onClick={() => setDraft({ type: 'targets', criteria: draft.criteria.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </div>
            </div>
          ))}
          <button type="button" ref={draft.criteria.length ? undefined : ref} className="btn btn-small"
            onClick={() => setDraft({ type: 'targets', criteria: [...draft.criteria, { id: newId(), metric: '', unit: '' }] })}>
            Add a criterion
          </button>
        </div>
      );
      break;
    }
    case 'evidence': {
      const set = (i: number, patch: Partial<{ text: string; source: string }>) =>
        setDraft({ type: 'evidence', items: draft.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
      body = (
        <div className="stack">
          {draft.items.map((x, i) => (
            <div key={i} className="stack-tight">
              <input ref={ref} className="input" aria-label={`Evidence ${i + 1}`} placeholder="What shows it" value={x.text} onChange={(e) => set(i, { text: e.target.value })} />
              <div className="row">
                <input className="input grow" aria-label={`Evidence ${i + 1} source`} placeholder="Source: link or document" value={x.source}
                  onChange={(e) => set(i, { source: e.target.value })} />
                <button type="button" className="btn btn-small btn-danger" onClick={() => setDraft({ type: 'evidence', items: draft.items.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </div>
            </div>
          ))}
          <button type="button" ref={draft.items.length ? undefined : ref} className="btn btn-small"
            onClick={() => setDraft({ type: 'evidence', items: [...draft.items, { text: '', source: '' }] })}>
            Add evidence
          </button>
        </div>
      );
      break;
    }
    case 'stakeholderMap':
      body = (
        <p className="muted">
          The map is the client's stakeholders (see People). Confirm you reviewed it for this hand-over.
        </p>
      );
      break;
  }

  return (
    <div className="field-editor stack" onKeyDown={onKeyDown}>
      {field.help ? <p className="help">{field.help}</p> : null}
      {(field.type === 'person' || field.type === 'people') && noPeople ? (
        <p className="help">No stakeholders yet. Add them first.</p>
      ) : null}
      {body}
      <div className="row-end">
        {(field.type === 'person' || field.type === 'people') && onAddStakeholder ? (
          <button type="button" className="btn-link" onClick={onAddStakeholder}>
            Add a stakeholder
          </button>
        ) : null}
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={field.type === 'stakeholderMap' ? () => onSave({ type: 'stakeholderMap', reviewedAt: Date.now() }) : save}>
          {field.type === 'stakeholderMap' ? 'Mark reviewed' : 'Save'}
        </button>
      </div>
    </div>
  );
}
