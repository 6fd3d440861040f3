/**
 * A hand-over on the record: every payload field, filled or missing, with each gap's sentence; inline editing;
 * the completeness bar; submit, accept, reject with a reason per field; the rejection shown on the fields it names,
 * and, for the receiver, what changed since the rejection.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Gap } from '../../lib/domain/gaps';
import type { FieldValue, Handoff, HandoffTemplate, Stakeholder } from '../../lib/domain/schemas';
import { Badge, Banner, Meter, type Tone } from '../ui';
import { formatDay, pct } from '../../lib/domain/words';
import { FieldEditor } from './FieldEditor';
import { sameValue, summarizeValue } from './format';
import { RejectForm } from './RejectForm';

export interface HandoffViewProps {
  template: HandoffTemplate;
  /** Null until the first edit creates the draft. */
  handoff: Handoff | null;
  gaps: Gap[];
  completeness: number;
  stakeholders: readonly Stakeholder[];
  /** When the receiver's answer is due (submitted + SLA business days). */
  dueAt: number | null;
  now: number;
  /** A field to open and focus (the closed-won gate's links). */
  focusField: string | null;
  onFocusHandled(): void;
  onSave(key: string, value: FieldValue | null): Promise<void>;
  onOwners(owners: { senderOwner?: string; receiverOwner?: string }): Promise<void>;
  onSubmit(): Promise<void>;
  onAccept(): Promise<void>;
  onReject(reasons: { field: string; reason: string }[]): Promise<void>;
  onAddStakeholder(): void;
}

const STATUS: Record<Handoff['status'], [string, Tone]> = {
  draft: ['Draft', 'neutral'],
  submitted: ['Waiting for receiver', 'info'],
  accepted: ['Accepted', 'ok'],
  rejected: ['Rejected', 'bad'],
};

export function HandoffView(props: HandoffViewProps) {
  const { template, handoff, gaps, completeness, stakeholders, now } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const people = useMemo(() => new Map(stakeholders.map((s) => [s.id, s])), [stakeholders]);
  const gapByField = useMemo(() => new Map(gaps.map((g) => [g.field, g])), [gaps]);
  const status = handoff?.status ?? 'draft';
  const [label, tone] = STATUS[status];
  const required = template.fields.filter((f) => f.required).length;
  const requiredGaps = gaps.filter((g) => g.required).length;
  const locked = status === 'accepted';
  const rejection = handoff?.rejection;
  const resubmitted = status === 'submitted' && rejection !== undefined;

  useEffect(() => {
    if (!props.focusField) return;
    setEditing(props.focusField);
    document.getElementById(`field-${props.focusField}`)?.scrollIntoView({ block: 'center' });
    props.onFocusHandled();
  }, [props.focusField]);

  return (
    <div className="handoff stack">
      <div className="row">
        <h2 className="grow">{template.label}</h2>
        <Badge tone={tone}>{label}</Badge>
      </div>
      <p className="faint">
        {template.sender} → {template.receiver}
        {status === 'submitted' && props.dueAt ? (
          <> · answer due {props.dueAt < now ? <strong className="error-text">overdue since {formatDay(props.dueAt)}</strong> : formatDay(props.dueAt)}</>
        ) : null}
        {handoff?.incompleteAtClose ? <> · <Badge tone="warn">Incomplete at close</Badge></> : null}
      </p>

      <Owners handoff={handoff} locked={locked} onOwners={props.onOwners} />

      <div className="stack-tight">
        <div className="row">
          <span className="grow">
            <strong>{required - requiredGaps}</strong> of {required} required fields ready
          </span>
          <span className="faint">{pct(completeness)}</span>
        </div>
        <Meter value={completeness} label="Hand-over completeness" tone={completeness >= 1 ? 'ok' : completeness >= 0.5 ? 'warn' : 'bad'} />
      </div>

      {status === 'rejected' && rejection ? (
        <Banner tone="bad" title={`Rejected by ${rejection.by} on ${formatDay(rejection.at)}`} role="status">
          <p>Fix the fields marked below, then resubmit.</p>
        </Banner>
      ) : null}
      {resubmitted ? (
        <Banner tone="info" title="Resubmitted after a rejection">
          <p>The fields rejected before show what changed since.</p>
        </Banner>
      ) : null}

      <ol className="list fields" aria-label="Payload fields">
        {template.fields.map((field) => {
          const value = handoff?.values[field.key];
          const gap = gapByField.get(field.key);
          const reason = rejection?.reasons.filter((r) => r.field === field.key);
          const rejectedHere = rejection?.fields.includes(field.key) ?? false;
          const changedSince = rejectedHere && !sameValue(rejection?.valuesAtRejection[field.key], value);
          const summary = summarizeValue(value, people);
          const state = gap ? (gap.kind === 'missing' ? 'missing' : 'failing') : value ? 'ok' : 'optional';
          return (
            <li key={field.key} id={`field-${field.key}`} className={`field-row field-${state}${rejectedHere && status === 'rejected' ? ' field-rejected' : ''}`} data-field={field.key}>
              <div className="row">
                <span className={`dot ${state === 'ok' ? 'dot-ok' : state === 'failing' ? 'dot-warn' : state === 'missing' ? 'dot-bad' : ''}`} aria-hidden />
                <span className="grow field-label">
                  {field.label}
                  {field.required ? null : <span className="faint"> (optional)</span>}
                </span>
                {value && value.type === 'targets' ? <ValidationBadges criteria={value.criteria} /> : null}
                {!locked && editing !== field.key ? (
                  <button type="button" className="btn btn-small" aria-label={`${summary ? 'Edit' : 'Fill'} ${field.label}`} onClick={() => setEditing(field.key)}>
                    {summary ? 'Edit' : 'Fill'}
                  </button>
                ) : null}
              </div>
              {summary && editing !== field.key ? <p className="field-value">{summary}</p> : null}
              {gap ? <p className={gap.kind === 'missing' ? 'gap gap-missing' : 'gap gap-failing'}>{gap.sentence}</p> : null}
              {reason && reason.length && (status === 'rejected' || resubmitted) ? (
                <div className="rejection-note">
                  <strong>{status === 'rejected' ? 'Rejected: ' : 'Was rejected: '}</strong>
                  {reason.map((r) => r.reason).join(' ')}
                  {resubmitted ? (
                    <span className={changedSince ? 'badge badge-ok' : 'badge badge-warn'}>{changedSince ? 'Changed since' : 'Not changed'}</span>
                  ) : null}
                  {resubmitted && changedSince ? (
                    <p className="faint">Before: {summarizeValue(rejection?.valuesAtRejection[field.key] ?? undefined, people) || '(empty)'}</p>
                  ) : null}
                </div>
              ) : null}
              {editing === field.key ? (
                <FieldEditor
                  field={field}
                  value={value}
                  stakeholders={stakeholders}
                  onCancel={() => setEditing(null)}
                  onSave={async (v) => {
                    await props.onSave(field.key, v);
                    setEditing(null);
                  }}
                  onAddStakeholder={props.onAddStakeholder}
                />
              ) : null}
            </li>
          );
        })}
      </ol>

      {rejecting && handoff ? (
        <RejectForm
          template={template}
          gaps={gaps}
          onCancel={() => setRejecting(false)}
          onReject={async (reasons) => {
            await props.onReject(reasons);
            setRejecting(false);
          }}
        />
      ) : (
        <div className="row-end actions">
          {status === 'draft' || status === 'rejected' ? (
            <>
              {requiredGaps > 0 ? <span className="faint grow">{requiredGaps} gap{requiredGaps === 1 ? '' : 's'} left; the receiver may reject it.</span> : null}
              <button type="button" className="btn btn-primary" onClick={() => void props.onSubmit()}>
                {status === 'rejected' ? 'Resubmit' : 'Submit to receiver'}
              </button>
            </>
          ) : null}
          {status === 'submitted' ? (
            <>
              <button type="button" className="btn btn-danger" onClick={() => setRejecting(true)}>
                Reject…
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void props.onAccept()}>
                Accept
              </button>
            </>
          ) : null}
          {status === 'accepted' && handoff?.acceptedAt ? <span className="faint">Accepted {formatDay(handoff.acceptedAt)}</span> : null}
        </div>
      )}
    </div>
  );
}

function ValidationBadges({ criteria }: { criteria: { validation?: 'customer_validated' | 'sales_assumed' | undefined }[] }) {
  const assumed = criteria.filter((c) => c.validation === 'sales_assumed').length;
  const validated = criteria.filter((c) => c.validation === 'customer_validated').length;
  return (
    <>
      {validated ? <Badge tone="ok" title="Criteria the customer validated">{validated} validated</Badge> : null}
      {assumed ? <Badge tone="warn" title="Criteria sales assumed, not yet confirmed by the customer">{assumed} assumed</Badge> : null}
    </>
  );
}

function Owners({ handoff, locked, onOwners }: { handoff: Handoff | null; locked: boolean; onOwners: HandoffViewProps['onOwners'] }) {
  const [sender, setSender] = useState(handoff?.senderOwner ?? '');
  const [receiver, setReceiver] = useState(handoff?.receiverOwner ?? '');
  useEffect(() => {
    setSender(handoff?.senderOwner ?? '');
    setReceiver(handoff?.receiverOwner ?? '');
  }, [handoff?.senderOwner, handoff?.receiverOwner]);
  const commit = () => {
    if (sender !== (handoff?.senderOwner ?? '') || receiver !== (handoff?.receiverOwner ?? '')) void onOwners({ senderOwner: sender, receiverOwner: receiver });
  };
  return (
    <div className="owners row">
      <label className="field grow">
        <span className="label">Sending owner</span>
        <input className="input" value={sender} disabled={locked} placeholder="Who hands over" onChange={(e) => setSender(e.target.value)} onBlur={commit} />
      </label>
      <label className="field grow">
        <span className="label">Receiving owner</span>
        <input className="input" value={receiver} disabled={locked} placeholder="Who accepts" onChange={(e) => setReceiver(e.target.value)} onBlur={commit} />
      </label>
    </div>
  );
}
