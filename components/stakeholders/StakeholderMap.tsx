/**
 * The influence × stance grid (champions, mobilizers, supporters, bystanders; blockers apart), with coverage,
 * single-thread risk and missing roles, and each person editable in place.
 */
import { useState } from 'react';
import { quadrant, type Coverage, type Quadrant } from '../../lib/domain/stakeholders';
import type { Stakeholder } from '../../lib/domain/schemas';
import { Badge, Banner, Meter } from '../ui';
import { pct, relativeTime, roleLabel } from '../../lib/domain/words';
import { StakeholderForm, type StakeholderDraft } from './StakeholderForm';

export interface Suggestion {
  key: string;
  name: string;
  title?: string;
  email?: string;
  roles: Stakeholder['roles'];
  crmContactId?: string;
}

export interface StakeholderMapProps {
  stakeholders: readonly Stakeholder[];
  coverage: Coverage;
  now: number;
  /** Contact roles from the CRM not yet on the map. */
  suggestions?: readonly Suggestion[];
  suggestionsNote?: string | null;
  onSave(draft: StakeholderDraft): Promise<void>;
  onRemove(id: string): Promise<void>;
  /** Open the add form at once (e.g. from a hand-over's people field). */
  startAdding?: boolean;
}

const QUADRANTS: { q: Quadrant; label: string; hint: string }[] = [
  { q: 'champion', label: 'Champions', hint: 'High influence, for us' },
  { q: 'mobilizer', label: 'Mobilizers', hint: 'High influence, neutral' },
  { q: 'supporter', label: 'Supporters', hint: 'Low influence, for us' },
  { q: 'bystander', label: 'Bystanders', hint: 'Low influence, neutral' },
];

export function StakeholderMap(props: StakeholderMapProps) {
  const { stakeholders, coverage, now } = props;
  const [editing, setEditing] = useState<string | 'new' | null>(props.startAdding ? 'new' : null);
  const [prefill, setPrefill] = useState<StakeholderDraft | null>(null);
  const by = (q: Quadrant) => stakeholders.filter((s) => quadrant(s) === q);
  const blockers = by('blocker');
  const unrated = by('unrated');

  const person = (s: Stakeholder) => (
    <li key={s.id} className="person">
      {editing === s.id ? (
        <StakeholderForm initial={s} onCancel={() => setEditing(null)} onSave={async (d) => { await props.onSave(d); setEditing(null); }}
          onRemove={async () => { await props.onRemove(s.id); setEditing(null); }} />
      ) : (
        <button type="button" className="person-button" onClick={() => setEditing(s.id)} aria-label={`Edit ${s.name}`}>
          <span className="person-name">{s.name}</span>
          {s.title ? <span className="faint">{s.title}</span> : null}
          {s.roles.length ? <span className="person-roles">{s.roles.map(roleLabel).join(', ')}</span> : null}
          <span className="faint">{s.lastEngagedAt ? `engaged ${relativeTime(s.lastEngagedAt, now)}` : 'never engaged'}</span>
        </button>
      )}
    </li>
  );

  return (
    <div className="stakeholders stack">
      <div className="stack-tight">
        <div className="row">
          <span className="grow">
            Coverage <strong>{coverage.engaged}</strong> of {coverage.total} decision-makers engaged in 45 days
          </span>
          <span className="faint">{pct(coverage.ratio)}</span>
        </div>
        <Meter value={coverage.ratio} label="Stakeholder coverage" tone={coverage.ratio >= 0.7 ? 'ok' : coverage.ratio >= 0.4 ? 'warn' : 'bad'} />
      </div>
      {coverage.singleThreadRisk && stakeholders.length > 0 ? (
        <Banner tone="warn" title="Single-thread risk">
          <p>{coverage.engagedHighInfluence === 0 ? 'No high-influence stakeholder was engaged in 45 days.' : 'Only one high-influence stakeholder was engaged in 45 days.'}</p>
        </Banner>
      ) : null}
      {coverage.missingRoles.length ? (
        <div className="row">
          <span className="faint">Missing:</span>
          {coverage.missingRoles.map((r) => <Badge key={r} tone="warn">{roleLabel(r)}</Badge>)}
        </div>
      ) : null}

      <div className="quadrants">
        {QUADRANTS.map(({ q, label, hint }) => (
          <section key={q} className={`quadrant quadrant-${q}`} aria-label={label}>
            <h3>{label} <span className="count">{by(q).length}</span></h3>
            <p className="faint">{hint}</p>
            <ul className="list">{by(q).map(person)}</ul>
          </section>
        ))}
      </div>
      {blockers.length ? (
        <section className="quadrant quadrant-blocker" aria-label="Blockers">
          <h3>Blockers <span className="count count-bad">{blockers.length}</span></h3>
          <p className="faint">Against us: actively misaligned</p>
          <ul className="list">{blockers.map(person)}</ul>
        </section>
      ) : null}
      {unrated.length ? (
        <section className="quadrant" aria-label="Not rated yet">
          <h3>Not rated yet <span className="count">{unrated.length}</span></h3>
          <p className="faint">Rate influence and stance to place them.</p>
          <ul className="list">{unrated.map(person)}</ul>
        </section>
      ) : null}

      {props.suggestions?.length ? (
        <section aria-label="Suggested from the CRM" className="stack-tight">
          <h3>From the opportunity's contact roles</h3>
          <ul className="list">
            {props.suggestions.map((s) => (
              <li key={s.key} className="row">
                <span className="grow">{s.name}{s.title ? <span className="faint"> · {s.title}</span> : null} <span className="faint">{s.roles.map(roleLabel).join(', ')}</span></span>
                <button type="button" className="btn btn-small" onClick={() => { setPrefill({ name: s.name, title: s.title ?? '', email: s.email ?? '', roles: s.roles, crmContactId: s.crmContactId }); setEditing('new'); }}>
                  Add
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.suggestionsNote ? <p className="faint">{props.suggestionsNote}</p> : null}

      {editing === 'new' ? (
        <StakeholderForm initial={prefill ?? undefined} onCancel={() => { setEditing(null); setPrefill(null); }}
          onSave={async (d) => { await props.onSave(d); setEditing(null); setPrefill(null); }} />
      ) : (
        <div className="row-end">
          <button type="button" className="btn" onClick={() => setEditing('new')}>Add a stakeholder</button>
        </div>
      )}
    </div>
  );
}
