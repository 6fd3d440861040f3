/** Everything about one client on one page: hand-overs with history, objective, stakeholders, decisions, timeline. */
import { useMemo } from 'react';
import { EventForm, Timeline, type NewEvent } from '../../../components/dashboard/Timeline';
import { Badge, Empty, Meter, type Tone } from '../../../components/ui';
import { formatDay, handoffKindLabel, pct, relativeTime, roleName } from '../../../lib/domain/words';
import type { ClientBundle } from '../../../lib/db/queries';
import { useCall, useQuery } from '../../../lib/hooks/data';
import { useNow } from '../../../lib/hooks/useNow';
import { useSetting } from '../../../lib/hooks/useSetting';
import { criterionStatus } from '../../../lib/domain/objective';
import type { LifecycleEvent, Stakeholder } from '../../../lib/domain/schemas';
import { findSignals } from '../../../lib/domain/signals';
import { coverage, quadrant, type Quadrant } from '../../../lib/domain/stakeholders';
import { firstEventAt } from '../../../lib/domain/bundle';
import { isoDate } from '../../../lib/domain/time';
import { profileSetting } from '../../../lib/settings/profile';
import { decisionViews, handoffViews, objectiveView, toDomainBundle, type HandoffView, type ObjectiveView } from '../../../lib/clients/views';
import { crmName, linkUrl } from '../crm';
import { href } from '../router';
import { Loading } from './Loading';
import { actorOf, FALLBACK_PROFILE, nameOf } from '../../../lib/domain/people';

const STATUS_TONE: Record<string, Tone> = { draft: 'neutral', submitted: 'info', accepted: 'ok', rejected: 'bad' };
const QUADRANT_TONE: Record<Quadrant, Tone> = { champion: 'ok', mobilizer: 'info', supporter: 'ok', bystander: 'neutral', blocker: 'bad', unrated: 'neutral' };

export function ClientPage({ clientId }: { clientId: string }) {
  const bundle = useQuery('clientBundle', [clientId]).value;
  const profile = useSetting(profileSetting) ?? FALLBACK_PROFILE;
  const call = useCall();
  const now = useNow();
  if (bundle === undefined) return <Loading what="the client" />;
  if (bundle === null) {
    return (
      <div className="page">
        <Empty title="This client is not in this browser’s data">
          <p>It may have been deleted, or not synced here yet. <a href={href.triage}>Back to the triage</a></p>
        </Empty>
      </div>
    );
  }
  const addByHand = async (e: NewEvent) => {
    await call('addEvent', { clientId, name: e.name, at: e.at, actor: actorOf(profile), payload: e.note ? { note: e.note } : {} });
  };
  return <ClientView bundle={bundle} now={now} onAddEvent={addByHand} />;
}

function ClientView({ bundle: b, now, onAddEvent }: { bundle: ClientBundle; now: number; onAddEvent(e: NewEvent): Promise<void> }) {
  const handoffs = useMemo(() => handoffViews(b, now), [b, now]);
  const objective = useMemo(() => objectiveView(b, now), [b, now]);
  const decisions = useMemo(() => decisionViews(b, now), [b, now]);
  const signals = useMemo(() => findSignals(toDomainBundle(b, now)), [b, now]);
  const names = new Map(b.stakeholders.map((s) => [s.id, s.name]));
  const describe = (e: LifecycleEvent): string | null => {
    const p = e.payload;
    if (e.name.startsWith('handoff_') && typeof p['kind'] === 'string') return handoffKindLabel(p['kind'] as never);
    if (e.name === 'objective_signed' && typeof p['stakeholderId'] === 'string') return `${names.get(p['stakeholderId']) ?? 'A former stakeholder'} signed version ${String(p['version'])}`;
    if ((e.name === 'decision_logged' || e.name === 'decision_reopened' || e.name === 'decision_circulated') && typeof p['decisionId'] === 'string') {
      const d = b.decisions.find((x) => x.id === p['decisionId']);
      return d ? `“${d.title}”` : null;
    }
    return null;
  };
  const deal = [...b.deals].sort((x, y) => (y.stageReadAt ?? y.createdAt) - (x.stageReadAt ?? x.createdAt))[0];
  return (
    <div className="page client">
      <div className="page-head">
        <div>
          <p className="crumbs">
            <a href={href.triage}>Triage</a> / Client
          </p>
          <h1>{b.client.name}</h1>
          <p className="muted">
            {[b.client.salesOwner && `Sales: ${nameOf(b.client.salesOwner)}`, b.client.csOwner && `CS: ${nameOf(b.client.csOwner)}`, deal?.stage && `Stage: ${deal.stage}`].filter(Boolean).join(' · ') || 'No owner set'}
          </p>
        </div>
        <div className="row">
          {b.links.map((l) => {
            const url = linkUrl(l);
            return url ? (
              <a key={l.id} className="btn" href={url} target="_blank" rel="noopener noreferrer" title={l.title ?? undefined}>
                {crmName(l.crm)} {l.object} ↗
              </a>
            ) : null;
          })}
          <a className="btn btn-primary" href={href.onePager(b.client.id)}>
            One-pager
          </a>
        </div>
      </div>

      {signals.length ? (
        <section className="banner banner-warn signals" aria-label="Misalignment signals">
          <strong>
            {signals.length} misalignment {signals.length === 1 ? 'signal' : 'signals'}
          </strong>
          <ul>
            {signals.map((s, i) => (
              <li key={i}>
                <strong>{s.title}.</strong> {s.fact}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="client-grid">
        <div className="stack-lg">
          <section className="card" aria-labelledby="ho-h">
            <div className="card-head">
              <h2 id="ho-h">Hand-overs</h2>
            </div>
            {handoffs.length ? handoffs.map((h) => <HandoffCard key={h.handoff.id} view={h} />) : <Empty title="No hand-over yet">
                <p>Hand-overs start from the panel on the CRM record.</p>
              </Empty>}
          </section>

          <section className="card" aria-labelledby="obj-h">
            <div className="card-head">
              <h2 id="obj-h">Shared objective</h2>
              {objective ? <ObjectiveBadge view={objective} /> : null}
            </div>
            {objective && b.objective ? <ObjectiveCard view={objective} bundle={b} now={now} /> : <Empty title="No shared objective yet">
                <p>Write it with the customer in the panel; the three sponsors sign it there.</p>
              </Empty>}
          </section>

          <section className="card" aria-labelledby="dec-h">
            <div className="card-head">
              <h2 id="dec-h">Decisions</h2>
              <span className="count">{decisions.length}</span>
            </div>
            {decisions.length ? (
              <ul className="list card-list">
                {decisions.map((d) => (
                  <li key={d.decision.id}>
                    <div className="row">
                      <strong className="grow">{d.decision.title}</strong>
                      {d.circulated ? <Badge tone="ok">Circulated</Badge> : d.overdue ? <Badge tone="warn">Not circulated</Badge> : <Badge>Circulating</Badge>}
                      {d.reopenedBy ? <Badge tone="warn">Reopened</Badge> : null}
                    </div>
                    {d.decision.text ? <p className="muted">{d.decision.text}</p> : null}
                    <p className="faint">
                      {formatDay(d.decision.decidedAt)} · {d.decision.source} · owner {d.owner}
                      {d.reopens ? ` · reopens “${d.reopens.title}”` : ''}
                      {d.reopenedBy ? ` · reopened by “${d.reopenedBy.title}”` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty title="No decisions logged">
                <p>Log decisions from the toolbar popup on any CRM record: it takes seconds.</p>
              </Empty>
            )}
          </section>
        </div>

        <div className="stack-lg">
          <StakeholdersCard stakeholders={b.stakeholders} now={now} />
          <section className="card" aria-labelledby="tl-h">
            <div className="card-head">
              <h2 id="tl-h">Lifecycle</h2>
              <span className="count">{b.events.length}</span>
            </div>
            <div className="card-body">
              <EventForm today={isoDate(now)} onAdd={onAddEvent} />
            </div>
            {b.events.length ? <Timeline events={b.events} describe={describe} /> : <Empty title="No events yet">
                <p>Add “Contract signed” first: time to first value and due dates count from it.</p>
              </Empty>}
          </section>
        </div>
      </div>
    </div>
  );
}

function HandoffCard({ view }: { view: HandoffView }) {
  const h = view.handoff;
  return (
    <article className="handoff" aria-label={`${handoffKindLabel(h.kind)} hand-over`}>
      <div className="row">
        <h3 className="grow">{handoffKindLabel(h.kind)}</h3>
        {h.incompleteAtClose ? <Badge tone="warn">Incomplete at close</Badge> : null}
        <Badge tone={STATUS_TONE[h.status]}>{h.status}</Badge>
      </div>
      <p className="faint">
        {nameOf(h.senderOwner) || view.template.sender} → {nameOf(h.receiverOwner) || view.template.receiver} · answer within {h.slaBusinessDays} business {h.slaBusinessDays === 1 ? 'day' : 'days'}
      </p>
      {h.status !== 'accepted' ? (
        <div className="row handoff-meter">
          <Meter value={view.completeness} label="Completeness" tone={view.completeness >= 1 ? 'ok' : view.completeness >= 0.6 ? 'warn' : 'bad'} />
          <span className="faint">{pct(view.completeness)} of the required fields pass</span>
        </div>
      ) : null}
      {view.history.length ? (
        <ol className="steps">
          {view.history.map((s, i) => (
            <li key={i} className={`step step-${s.kind}`}>
              <span className="step-what">
                {s.kind === 'submitted' ? 'Submitted' : s.kind === 'rejected' ? 'Rejected' : 'Accepted'}
                {s.completeness !== null ? ` at ${pct(s.completeness)}` : ''}
              </span>
              <span className="faint">
                {formatDay(s.at)}
                {s.actor ? ` · ${s.actor}` : ''}
              </span>
              {s.reasons.length ? (
                <ul className="reasons">
                  {s.reasons.map((r, j) => (
                    <li key={j}>
                      <strong>{r.field}:</strong> {r.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="faint">Not submitted yet.</p>
      )}
    </article>
  );
}

function ObjectiveBadge({ view }: { view: ObjectiveView }) {
  const s = view.status;
  if (s.changedSinceSigned) return <Badge tone="warn">Changed since signed</Badge>;
  if (s.reviewOverdue) return <Badge tone="warn">Review overdue</Badge>;
  if (s.draft) return <Badge>Draft</Badge>;
  return <Badge tone="ok">Signed</Badge>;
}

function ObjectiveCard({ view, bundle: b, now }: { view: ObjectiveView; bundle: ClientBundle; now: number }) {
  const o = b.objective!;
  const signedAt = firstEventAt(b.events, 'contract_signed');
  const tone = { met: 'ok', on_track: 'ok', at_risk: 'warn', off_track: 'bad', unknown: 'neutral' } as const;
  return (
    <div className="card-body stack">
      <p className="outcome">{o.outcome || <span className="faint">No outcome written yet.</span>}</p>
      {o.successCriteria.length ? (
        <table className="grid">
          <thead>
            <tr>
              <th>Success criterion</th>
              <th>Target</th>
              <th>Now</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {o.successCriteria.map((c) => {
              const p = criterionStatus(c, signedAt, now);
              return (
                <tr key={c.id}>
                  <td>{c.metric}</td>
                  <td>
                    {c.target ?? '—'}
                    {c.unit === '%' ? '%' : c.unit ? ` ${c.unit}` : ''}
                    {c.dueDay ? <span className="faint"> by day {c.dueDay}</span> : null}
                  </td>
                  <td>{c.current ?? '—'}</td>
                  <td>
                    <Badge tone={tone[p.status]} title={p.reason}>
                      {p.status.replace('_', ' ')}
                    </Badge>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div>
        <h3>Signatures</h3>
        <ul className="signatures">
          {view.signatures.map((s) => (
            <li key={s.role}>
              <span className="label">{roleName(s.role)}</span>
              {s.name ? (
                <span>
                  {s.name} <span className="faint">· version {s.version} · {formatDay(s.at!)}</span>{' '}
                  {s.current ? <Badge tone="ok">current</Badge> : <Badge tone="warn">older version</Badge>}
                </span>
              ) : (
                <span className="faint">Not signed</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Versions</h3>
        <ol className="versions">
          {view.versions.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong>
              {v.current ? <span className="faint"> · current{o.updatedAt ? `, changed ${formatDay(o.updatedAt)}` : ''}</span> : null}
              {v.signings.length ? (
                <span className="muted"> · signed by {v.signings.map((s) => `${s.name} (${roleName(s.role)}, ${formatDay(s.at)})`).join(', ')}</span>
              ) : (
                <span className="faint"> · not signed</span>
              )}
            </li>
          ))}
        </ol>
      </div>
      <p className="faint">
        Reviewed every {o.reviewCadenceDays} days; {view.status.reviewOverdue ? `review was due ${relativeTime(view.status.reviewDueAt, now)}` : `next review ${relativeTime(view.status.reviewDueAt, now)}`}.
      </p>
    </div>
  );
}

function StakeholdersCard({ stakeholders, now }: { stakeholders: readonly Stakeholder[]; now: number }) {
  const cov = coverage(stakeholders, now);
  return (
    <section className="card" aria-labelledby="sh-h">
      <div className="card-head">
        <h2 id="sh-h">Stakeholders</h2>
        <span className="count">{stakeholders.length}</span>
      </div>
      {stakeholders.length ? (
        <>
          <div className="card-body stack-tight">
            <div className="row">
              <span className="grow">
                Coverage <strong>{cov.total ? pct(cov.ratio) : '—'}</strong> <span className="faint">({cov.engaged} of {cov.total} decision-makers engaged in 45 days)</span>
              </span>
              {cov.singleThreadRisk ? <Badge tone="warn">Single-threaded</Badge> : null}
            </div>
            <Meter value={cov.ratio} label="Coverage ratio" tone={cov.ratio >= 0.6 ? 'ok' : cov.ratio >= 0.4 ? 'warn' : 'bad'} />
            {cov.missingRoles.length ? <p className="faint">Nobody named as {cov.missingRoles.map(roleName).join(', ')}.</p> : null}
          </div>
          <ul className="list card-list">
            {stakeholders.map((s) => {
              const q = quadrant(s);
              return (
                <li key={s.id}>
                  <div className="row">
                    <strong className="grow">
                      {s.name}
                      {s.title ? <span className="muted"> · {s.title}</span> : null}
                    </strong>
                    <Badge tone={QUADRANT_TONE[q]}>{q}</Badge>
                  </div>
                  <p className="faint">
                    {s.roles.length ? s.roles.map(roleName).join(', ') : 'no role'} · {s.lastEngagedAt ? `engaged ${relativeTime(s.lastEngagedAt, now)}${s.engagedBy ? ` by ${s.engagedBy}` : ''}` : 'never engaged'}
                  </p>
                  {s.definitionOfSuccess ? <p className="muted quote">“{s.definitionOfSuccess}”</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <Empty title="No stakeholders mapped">
          <p>Map them in the panel on the CRM record: influence, stance and role for each.</p>
        </Empty>
      )}
    </section>
  );
}
