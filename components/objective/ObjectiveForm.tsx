/** Edit the objective: one outcome sentence, scope lists, criteria with targets at their days, owners, cadence. */
import { useState } from 'react';
import { newId } from '../../lib/domain/id';
import type { Criterion, Objective, Stakeholder } from '../../lib/domain/schemas';

export type ObjectiveEdit = Pick<Objective, 'outcome' | 'scope' | 'nonScope' | 'successCriteria' | 'decisionOwners' | 'reviewCadenceDays'>;

export interface ObjectiveFormProps {
  objective: Objective;
  stakeholders: readonly Stakeholder[];
  onSave(change: ObjectiveEdit): Promise<void>;
  onCancel(): void;
}

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const num = (s: string): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

export function ObjectiveForm({ objective, stakeholders, onSave, onCancel }: ObjectiveFormProps) {
  const [outcome, setOutcome] = useState(objective.outcome);
  const [scope, setScope] = useState(objective.scope.join('\n'));
  const [nonScope, setNonScope] = useState(objective.nonScope.join('\n'));
  const [criteria, setCriteria] = useState<Criterion[]>(objective.successCriteria);
  const [owners, setOwners] = useState(objective.decisionOwners);
  const [cadence, setCadence] = useState(String(objective.reviewCadenceDays));
  const [error, setError] = useState<string | null>(null);
  const setC = (i: number, patch: Partial<Criterion>) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async () => {
    const cad = num(cadence);
    if (!cad || cad < 1 || cad > 365) return setError('Review cadence: a number of days between 1 and 365.');
    const bad = criteria.findIndex((c) => c.metric.trim() && (c.target === undefined || c.dueDay === undefined));
    if (bad >= 0) return setError(`Criterion ${bad + 1}: give it a numeric target and a due day.`);
    try {
      await onSave({
        outcome: outcome.trim(),
        scope: lines(scope),
        nonScope: lines(nonScope),
        successCriteria: criteria.filter((c) => c.metric.trim()),
        decisionOwners: owners.filter((o) => o.area.trim() && o.stakeholderId),
        reviewCadenceDays: cad,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form className="objective-form stack" aria-label="Edit the shared objective" onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <label className="field">
        <span className="label">Outcome (one sentence)</span>
        <textarea className="textarea" rows={2} autoFocus value={outcome} onChange={(e) => setOutcome(e.target.value)}
          placeholder="70% weekly active usage across licensed seats by day 90" />
      </label>
      <div className="two-col">
        <label className="field">
          <span className="label">In scope (one per line)</span>
          <textarea className="textarea" rows={3} value={scope} onChange={(e) => setScope(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">Not in scope (one per line)</span>
          <textarea className="textarea" rows={3} value={nonScope} onChange={(e) => setNonScope(e.target.value)} />
        </label>
      </div>
      <fieldset className="stack-tight" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="label">Success criteria</legend>
        {criteria.map((c, i) => (
          <div key={c.id} className="card card-body stack-tight">
            <input className="input" aria-label={`Criterion ${i + 1} metric`} placeholder="Metric" value={c.metric} onChange={(e) => setC(i, { metric: e.target.value })} />
            <div className="row">
              <input className="input" style={{ width: 72 }} aria-label={`Criterion ${i + 1} target`} placeholder="Target" value={c.target ?? ''} onChange={(e) => setC(i, { target: num(e.target.value) })} />
              <input className="input" style={{ width: 56 }} aria-label={`Criterion ${i + 1} unit`} placeholder="Unit" value={c.unit} onChange={(e) => setC(i, { unit: e.target.value })} />
              <input className="input" style={{ width: 72 }} aria-label={`Criterion ${i + 1} due day`} placeholder="Day" value={c.dueDay ?? ''} onChange={(e) => setC(i, { dueDay: num(e.target.value) })} />
              <input className="input" style={{ width: 72 }} aria-label={`Criterion ${i + 1} current value`} placeholder="Now" value={c.current ?? ''} onChange={(e) => setC(i, { current: num(e.target.value) })} />
              <button type="button" className="btn-icon" aria-label={`Remove criterion ${i + 1}`} onClick={() => setCriteria((cs) => cs.filter((_, j) => j !== i))}>✕</button>
            </div>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setCriteria((cs) => [...cs, { id: newId(), metric: '', unit: '' }])}>Add a criterion</button>
      </fieldset>
      <fieldset className="stack-tight" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="label">Decision owners</legend>
        {owners.map((o, i) => (
          <div key={i} className="row">
            <input className="input grow" aria-label={`Decision area ${i + 1}`} placeholder="Area, e.g. Integrations" value={o.area}
              onChange={(e) => setOwners((os) => os.map((x, j) => (j === i ? { ...x, area: e.target.value } : x)))} />
            <select className="select" style={{ width: 130 }} aria-label={`Owner of area ${i + 1}`} value={o.stakeholderId}
              onChange={(e) => setOwners((os) => os.map((x, j) => (j === i ? { ...x, stakeholderId: e.target.value } : x)))}>
              <option value="">Choose…</option>
              {stakeholders.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <button type="button" className="btn-icon" aria-label={`Remove area ${i + 1}`} onClick={() => setOwners((os) => os.filter((_, j) => j !== i))}>✕</button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setOwners((os) => [...os, { area: '', stakeholderId: '' }])}>Add a decision owner</button>
      </fieldset>
      <label className="field" style={{ maxWidth: 180 }}>
        <span className="label">Review every (days)</span>
        <input className="input" inputMode="numeric" value={cadence} onChange={(e) => setCadence(e.target.value)} />
      </label>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <div className="row-end">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary">Save objective</button>
      </div>
    </form>
  );
}
