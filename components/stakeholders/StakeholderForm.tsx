/** Add or edit one stakeholder: who they are, their roles, influence, stance, and success in their own words. */
import { useState } from 'react';
import { roleLabel } from '../../lib/domain/words';
import { STAKEHOLDER_ROLES, type Stakeholder } from '../../lib/domain/schemas';

export interface StakeholderDraft {
  id?: string;
  name: string;
  title: string;
  email: string;
  roles: Stakeholder['roles'];
  influence?: Stakeholder['influence'];
  stance?: Stakeholder['stance'];
  definitionOfSuccess?: string;
  lastEngagedAt?: number;
  crmContactId?: string | undefined;
  createdAt?: number;
  engagedTodayToggle?: boolean;
}

export interface StakeholderFormProps {
  initial?: Partial<Stakeholder> | StakeholderDraft | undefined;
  onSave(draft: StakeholderDraft): Promise<void>;
  onCancel(): void;
  onRemove?(): Promise<void>;
}

export function StakeholderForm({ initial, onSave, onCancel, onRemove }: StakeholderFormProps) {
  const [d, setD] = useState<StakeholderDraft>({
    id: initial?.id,
    name: initial?.name ?? '',
    title: initial?.title ?? '',
    email: initial?.email ?? '',
    roles: initial?.roles ?? [],
    influence: initial?.influence,
    stance: initial?.stance,
    definitionOfSuccess: initial?.definitionOfSuccess ?? '',
    lastEngagedAt: initial?.lastEngagedAt,
    crmContactId: initial?.crmContactId,
    createdAt: initial?.createdAt,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<StakeholderDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = async () => {
    if (!d.name.trim()) return setError('Enter the stakeholder’s name.');
    try {
      await onSave(d);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="stakeholder-form card card-body stack" aria-label={d.id ? `Edit ${d.name}` : 'Add a stakeholder'}
      onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <div className="row">
        <label className="field grow">
          <span className="label">Name</span>
          <input className="input" autoFocus value={d.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={!!error && !d.name.trim()} />
        </label>
        <label className="field grow">
          <span className="label">Title</span>
          <input className="input" value={d.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
      </div>
      <label className="field">
        <span className="label">Email</span>
        <input className="input" type="email" value={d.email} onChange={(e) => set({ email: e.target.value })} />
      </label>
      <fieldset className="roles">
        <legend className="label">Roles</legend>
        {STAKEHOLDER_ROLES.map((r) => (
          <label key={r} className="chip">
            <input type="checkbox" checked={d.roles.includes(r)} onChange={() => set({ roles: d.roles.includes(r) ? d.roles.filter((x) => x !== r) : [...d.roles, r] })} />
            {roleLabel(r)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label className="field grow">
          <span className="label">Influence</span>
          <select className="select" value={d.influence ?? ''} onChange={(e) => set({ influence: (e.target.value || undefined) as StakeholderDraft['influence'] })}>
            <option value="">Not rated</option>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label className="field grow">
          <span className="label">Stance</span>
          <select className="select" value={d.stance ?? ''} onChange={(e) => set({ stance: (e.target.value || undefined) as StakeholderDraft['stance'] })}>
            <option value="">Not rated</option>
            <option value="pro">For us</option>
            <option value="neutral">Neutral</option>
            <option value="against">Against</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span className="label">Success, in their words</span>
        <textarea className="textarea" rows={2} value={d.definitionOfSuccess ?? ''} onChange={(e) => set({ definitionOfSuccess: e.target.value })} />
      </label>
      <label className="row">
        <input type="checkbox" checked={!!d.engagedTodayToggle} onChange={(e) => set({ engagedTodayToggle: e.target.checked })} />
        Engaged today
      </label>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <div className="row-end">
        {onRemove ? <button type="button" className="btn btn-danger" onClick={() => void onRemove()}>Remove</button> : null}
        <span className="grow" />
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary">Save</button>
      </div>
    </form>
  );
}
