/**
 * The one-page shared objective: outcome, scope and non-scope, success criteria with their status, decision owners,
 * review cadence; the status badge; signatures by the three sponsors with the version each signed; "changed since
 * signed" and "review overdue" made obvious.
 */
import { useState } from 'react';
import { criterionStatus, type CriterionStatus, type ObjectiveStatusInfo } from '../../lib/domain/objective';
import { stakeholderNames } from '../../lib/domain/people';
import { SIGNER_ROLES, type Objective, type SignerRole, type Stakeholder } from '../../lib/domain/schemas';
import { formatDay, roleLabel } from '../../lib/domain/words';
import { Badge, Banner, Empty, type Tone } from '../ui';
import { ObjectiveForm, type ObjectiveEdit } from './ObjectiveForm';

export interface ObjectiveViewProps {
  objective: Objective | null;
  status: ObjectiveStatusInfo | null;
  stakeholders: readonly Stakeholder[];
  contractSignedAt: number | undefined;
  now: number;
  onCreate(): Promise<void>;
  onEdit(change: ObjectiveEdit): Promise<void>;
  onSign(role: SignerRole, stakeholderId: string): Promise<void>;
  onReviewed(): Promise<void>;
}

const STATUS_LABEL: Record<ObjectiveStatusInfo['status'], [string, Tone]> = {
  draft: ['Draft', 'neutral'],
  signed: ['Signed', 'ok'],
  changed_since_signed: ['Changed since signed', 'bad'],
  review_overdue: ['Review overdue', 'warn'],
};
const CRITERION: Record<CriterionStatus, [string, Tone]> = {
  met: ['Met', 'ok'],
  on_track: ['On track', 'info'],
  at_risk: ['At risk', 'warn'],
  off_track: ['Off track', 'bad'],
  unknown: ['No target', 'neutral'],
};

export function ObjectiveView(props: ObjectiveViewProps) {
  const { objective, status, stakeholders, now } = props;
  const [editing, setEditing] = useState(false);
  if (!objective || !status) {
    return (
      <Empty title="No shared objective yet">
        <p>One page the customer's sponsors sign: the outcome, what is in and out of scope, and how success is measured.</p>
        <button type="button" className="btn btn-primary" style={{ marginTop: 8 }} onClick={() => void props.onCreate().then(() => setEditing(true))}>
          Start the objective
        </button>
      </Empty>
    );
  }
  if (editing) {
    return <ObjectiveForm objective={objective} stakeholders={stakeholders} onCancel={() => setEditing(false)} onSave={async (c) => { await props.onEdit(c); setEditing(false); }} />;
  }
  const name = stakeholderNames(stakeholders);
  const [label, tone] = STATUS_LABEL[status.status];
  return (
    <div className="objective stack">
      <div className="row">
        <h2 className="grow">Shared objective</h2>
        <Badge tone={tone}>{label}</Badge>
        <span className="faint">v{objective.version}</span>
      </div>
      {status.changedSinceSigned ? (
        <Banner tone="bad" title="Changed since it was signed" role="status">
          <p>
            Version {objective.version} is not what {status.signedBy.filter((s) => s.version < objective.version).map((s) => name(s.stakeholderId)).join(', ')} signed
            {status.signedVersion ? ` (v${status.signedVersion})` : ''}. Ask them to sign again.
          </p>
        </Banner>
      ) : null}
      {status.reviewOverdue ? (
        <Banner tone="warn" title={`Review overdue by ${status.overdueByDays} day${status.overdueByDays === 1 ? '' : 's'}`}>
          <div className="row">
            <p className="grow">Was due {formatDay(status.reviewDueAt)} (every {objective.reviewCadenceDays} days).</p>
            <button type="button" className="btn btn-small" onClick={() => void props.onReviewed()}>Reviewed today</button>
          </div>
        </Banner>
      ) : null}

      <section aria-label="Outcome">
        <h3>Outcome</h3>
        <p className="outcome">{objective.outcome || <span className="faint">Not written yet.</span>}</p>
      </section>
      <div className="two-col">
        <section aria-label="In scope">
          <h3>In scope</h3>
          {objective.scope.length ? <ul className="bullets">{objective.scope.map((s, i) => <li key={i}>{s}</li>)}</ul> : <p className="faint">—</p>}
        </section>
        <section aria-label="Not in scope">
          <h3>Not in scope</h3>
          {objective.nonScope.length ? <ul className="bullets">{objective.nonScope.map((s, i) => <li key={i}>{s}</li>)}</ul> : <p className="faint">—</p>}
        </section>
      </div>
      <section aria-label="Success criteria">
        <h3>Success criteria</h3>
        {objective.successCriteria.length ? (
          <ul className="list">
            {objective.successCriteria.map((c) => {
              const p = criterionStatus(c, props.contractSignedAt, now);
              const [cl, ct] = CRITERION[p.status];
              return (
                <li key={c.id} className="row criterion">
                  <span className="grow">
                    {c.metric}: {c.target ?? '?'}{c.unit ? ` ${c.unit}` : ''}{c.dueDay ? ` by day ${c.dueDay}` : ''}
                    {c.current !== undefined ? <span className="faint"> · now {c.current}{c.unit ? ` ${c.unit}` : ''}</span> : null}
                  </span>
                  <Badge tone={ct} title={p.reason}>{cl}</Badge>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="faint">No criteria yet: each needs a numeric target and a due day.</p>
        )}
      </section>
      {objective.decisionOwners.length ? (
        <section aria-label="Decision owners">
          <h3>Decision owners</h3>
          <dl className="kv">
            {objective.decisionOwners.map((o, i) => (
              <div key={i} style={{ display: 'contents' }}>
                <dt>{o.area}</dt>
                <dd>{name(o.stakeholderId)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <p className="faint">Reviewed every {objective.reviewCadenceDays} days · next review {formatDay(status.reviewDueAt)}</p>

      <section aria-label="Signatures" className="stack-tight">
        <h3>Signatures</h3>
        {SIGNER_ROLES.map((role) => (
          <SignatureRow key={role} role={role} objective={objective} stakeholders={stakeholders} onSign={props.onSign} name={name} />
        ))}
      </section>
      <div className="row-end">
        <button type="button" className="btn" onClick={() => setEditing(true)}>Edit objective</button>
      </div>
    </div>
  );
}

function SignatureRow({ role, objective, stakeholders, onSign, name }: { role: SignerRole; objective: Objective; stakeholders: readonly Stakeholder[]; onSign: ObjectiveViewProps['onSign']; name(id: string): string }) {
  const sig = objective.signatures.find((s) => s.role === role);
  const holders = stakeholders.filter((s) => s.roles.includes(role));
  const [who, setWho] = useState(holders[0]?.id ?? '');
  const stale = sig && sig.version < objective.version;
  return (
    <div className="row signature">
      <span className="grow">
        <strong>{roleLabel(role)}</strong>{' '}
        {sig ? (
          <span>
            {name(sig.stakeholderId)} signed v{sig.version} on {formatDay(sig.at)} {stale ? <Badge tone="bad">older version</Badge> : <Badge tone="ok">current</Badge>}
          </span>
        ) : (
          <span className="faint">not signed</span>
        )}
      </span>
      {!sig || stale ? (
        stakeholders.length ? (
          <span className="row">
            <select className="select" style={{ width: 130 }} aria-label={`Who signs as ${roleLabel(role)}`} value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">Choose…</option>
              {(holders.length ? holders : stakeholders).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <button type="button" className="btn btn-small" disabled={!who || !objective.outcome.trim()} onClick={() => void onSign(role, who)}>
              Record signature
            </button>
          </span>
        ) : (
          <span className="faint">add stakeholders to sign</span>
        )
      ) : null}
    </div>
  );
}
