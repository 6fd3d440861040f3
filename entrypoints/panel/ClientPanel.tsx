/**
 * The alignment panel for one linked record: hand-over, stakeholders, objective, decisions and signals, plus the
 * closed-won gate. Reads live from the database; every edit goes through a repository (one transaction each).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DecisionList } from '../../components/decisions/DecisionList';
import { GateBanner } from '../../components/handoff/GateBanner';
import { HandoffView } from '../../components/handoff/HandoffView';
import { ObjectiveView } from '../../components/objective/ObjectiveView';
import { SignalList } from '../../components/signals/SignalList';
import { StakeholderMap } from '../../components/stakeholders/StakeholderMap';
import type { StakeholderDraft } from '../../components/stakeholders/StakeholderForm';
import { Banner, Empty } from '../../components/ui';
import { useCall } from '../../lib/hooks/data';
import type { ClientBundle } from '../../lib/db/queries';
import { firstEventAt } from '../../lib/domain/bundle';
import { completeness as completenessOf, findGaps } from '../../lib/domain/gaps';
import { closedWonGate, defaultHandoffKind, recordHandoff } from '../../lib/handoffs/record';
import { objectiveStatus } from '../../lib/domain/objective';
import { HANDOFF_KINDS, type Deal, type HandoffKind } from '../../lib/domain/schemas';
import { findSignals } from '../../lib/domain/signals';
import { coverage as coverageOf } from '../../lib/domain/stakeholders';
import { handoffDueAt } from '../../lib/domain/windows';
import { QuickDecision } from './QuickDecision';
import { useAction } from './useAction';
import { useSalesforceSuggestions, type SalesforceTarget } from './useSalesforceSuggestions';

type Tab = 'handoff' | 'people' | 'objective' | 'decisions' | 'signals';

export interface ClientPanelProps {
  bundle: ClientBundle;
  deal: Deal | null;
  /** What the CRM page shows now. */
  stage: string | null;
  isWonStage: boolean | null;
  actor: string;
  /** On a Salesforce opportunity: where to read its contact roles from ("read from Salesforce", when turned on). */
  salesforce?: SalesforceTarget | null;
}

export function ClientPanel({ bundle, deal, stage, isWonStage, actor, salesforce }: ClientPanelProps) {
  const [tab, setTab] = useState<Tab>('handoff');
  const [kind, setKind] = useState<HandoffKind>(() => defaultHandoffKind(bundle.handoffs, deal));
  const [focusField, setFocusField] = useState<string | null>(null);
  const [addPerson, setAddPerson] = useState(false);
  const { run, error, clear } = useAction();
  const call = useCall();
  const now = Date.now();
  const { client, stakeholders, objective } = bundle;
  // Asked once per opportunity, after the first paint; suggestions drop out as people are added to the map.
  const sf = useSalesforceSuggestions(salesforce, stakeholders);

  const template = bundle.templates.find((t) => t.kind === kind)!;
  const handoff = recordHandoff(bundle.handoffs, kind, deal?.id);
  const ctx = { stakeholders, now };
  const gaps = useMemo(() => findGaps(template, handoff ?? { values: {} }, ctx), [template, handoff, stakeholders]);
  const completeness = useMemo(() => completenessOf(template, handoff ?? { values: {} }, ctx), [template, handoff, stakeholders]);
  const coverage = useMemo(() => coverageOf(stakeholders, now), [stakeholders]);
  const objStatus = objective ? objectiveStatus(objective, now) : null;
  const signals = useMemo(
    () => findSignals({ client, stakeholders, objective: objective ?? undefined, decisions: bundle.decisions, handoffs: bundle.handoffs, events: bundle.events, now }),
    [bundle],
  );
  const circulations = useMemo(() => bundle.events.filter((e) => e.name === 'decision_circulated'), [bundle.events]);
  const gate = useMemo(
    () => closedWonGate({ deal, isWonStage, handoffs: bundle.handoffs, templates: bundle.templates, stakeholders, now }),
    [deal, isWonStage, bundle.handoffs, bundle.templates, stakeholders, now],
  );

  // Keep the deal's stage as last read, and record "incomplete at close" once when the deal is seen won.
  const gateDone = useRef<string | null>(null);
  useEffect(() => {
    if (!deal || !stage) return;
    void call('recordDealStage', deal.id, stage, isWonStage).catch(() => undefined);
    if (isWonStage !== true || gateDone.current === deal.id) return;
    gateDone.current = deal.id;
    void run(() => call('recordDealWon', { clientId: client.id, dealId: deal.id, actor }));
  }, [deal?.id, stage, isWonStage]);

  // For the benchmark and the e2e tests: the moment this record's hand-over is on screen.
  useEffect(() => {
    performance.mark('baton:handoff-shown', { detail: client.id });
  }, [client.id, deal?.id]);

  const ensure = async () =>
    handoff ?? (await call('ensureHandoff', { clientId: client.id, kind, dealId: deal?.id, senderOwner: actor }));

  const tabs: { id: Tab; label: string; count?: number; bad?: boolean }[] = [
    { id: 'handoff', label: 'Hand-over', count: gaps.filter((g) => g.required).length || undefined, bad: gaps.length > 0 },
    { id: 'people', label: 'People', count: stakeholders.length },
    { id: 'objective', label: 'Objective' },
    { id: 'decisions', label: 'Decisions', count: bundle.decisions.length || undefined },
    { id: 'signals', label: 'Signals', count: signals.length || undefined, bad: signals.length > 0 },
  ];

  const saveStakeholderDraft = async (d: StakeholderDraft) => {
    await call('saveStakeholder', {
      id: d.id,
      clientId: client.id,
      name: d.name,
      title: d.title,
      email: d.email.trim() || undefined,
      roles: d.roles,
      influence: d.influence,
      stance: d.stance,
      definitionOfSuccess: d.definitionOfSuccess?.trim() || undefined,
      lastEngagedAt: d.engagedTodayToggle ? Date.now() : d.lastEngagedAt,
      engagedBy: d.engagedTodayToggle ? actor : undefined,
      crmContactId: d.crmContactId,
      createdAt: d.createdAt,
    });
  };

  return (
    <>
      {gate.open ? (
        <div className="section gate">
          <GateBanner stage={stage} gaps={gate.gaps} onGoTo={(f) => { setKind('close_to_onboarding'); setTab('handoff'); setFocusField(f); }} />
        </div>
      ) : null}
      <div className="tabs panel-tabs" role="tablist" aria-label="Alignment">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-controls={`tabpanel-${t.id}`} aria-selected={tab === t.id} className="tab"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = tabs.findIndex((x) => x.id === tab);
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
              if (next) {
                e.preventDefault();
                setTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}>
            {t.label}
            {t.count !== undefined ? <span className={`count${t.bad ? ' count-bad' : ''}`}>{t.count}</span> : null}
          </button>
        ))}
      </div>
      {error ? (
        <div className="section">
          <Banner tone="bad" role="alert" title="Not saved">
            <p>{error}</p>
            <button type="button" className="btn-link" onClick={clear}>Dismiss</button>
          </Banner>
        </div>
      ) : null}
      <div className="section" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'handoff' ? (
          <div className="stack">
            <label className="row kind-picker">
              <span className="label">Hand-over</span>
              <select className="select grow" value={kind} onChange={(e) => setKind(e.target.value as HandoffKind)}>
                {HANDOFF_KINDS.map((k) => {
                  const t = bundle.templates.find((x) => x.kind === k)!;
                  const h = recordHandoff(bundle.handoffs, k, deal?.id);
                  return <option key={k} value={k}>{t.label}{h ? ` (${h.status})` : ''}</option>;
                })}
              </select>
            </label>
            <HandoffView
              template={template}
              handoff={handoff}
              gaps={gaps}
              completeness={completeness}
              stakeholders={stakeholders}
              dueAt={handoff?.status === 'submitted' ? handoffDueAt(handoff) : null}
              now={now}
              focusField={focusField}
              onFocusHandled={() => setFocusField(null)}
              onSave={async (key, value) => { await run(async () => call('setHandoffValue', (await ensure()).id, key, value)); }}
              onOwners={async (o) => { await run(async () => call('setHandoffOwners', (await ensure()).id, o)); }}
              onSubmit={async () => {
                await run(async () => call('submitHandoff', (await ensure()).id, { actor, gapFields: gaps.filter((g) => g.required).map((g) => g.field), completeness }));
              }}
              onAccept={async () => { if (handoff) await run(() => call('acceptHandoff', handoff.id, actor)); }}
              onReject={async (reasons) => { if (handoff) await run(() => call('rejectHandoff', handoff.id, actor, reasons)); }}
              onAddStakeholder={() => { setAddPerson(true); setTab('people'); }}
            />
          </div>
        ) : null}
        {tab === 'people' ? (
          <StakeholderMap
            stakeholders={stakeholders}
            coverage={coverage}
            now={now}
            startAdding={addPerson}
            suggestions={sf.suggestions}
            suggestionsNote={sf.note}
            onSave={async (d) => { await run(() => saveStakeholderDraft(d)); setAddPerson(false); }}
            onRemove={async (id) => { await run(() => call('removeStakeholder', id)); }}
          />
        ) : null}
        {tab === 'objective' ? (
          <ObjectiveView
            objective={objective}
            status={objStatus}
            stakeholders={stakeholders}
            contractSignedAt={firstEventAt(bundle.events, 'contract_signed')}
            now={now}
            onCreate={async () => { await run(() => call('ensureObjective', client.id)); }}
            onEdit={async (c) => { if (objective) await run(() => call('editObjective', objective.id, c)); }}
            onSign={async (role, who) => { if (objective) await run(() => call('signObjective', objective.id, role, who, actor)); }}
            onReviewed={async () => { if (objective) await run(() => call('markObjectiveReviewed', objective.id)); }}
          />
        ) : null}
        {tab === 'decisions' ? (
          <div className="stack">
            <QuickDecision clientId={client.id} stakeholders={stakeholders} actor={actor} />
            <DecisionList decisions={bundle.decisions} stakeholders={stakeholders} circulations={circulations} now={now} />
          </div>
        ) : null}
        {tab === 'signals' ? <SignalList signals={signals} /> : null}
        {tab === 'handoff' && stakeholders.length === 0 ? (
          <p className="faint" style={{ marginTop: 8 }}>Tip: people fields pick from the stakeholder map. Add the customer's people under People.</p>
        ) : null}
      </div>
    </>
  );
}

export function NoBundle() {
  return <Empty title="This client was removed">Link the record to another client from the dashboard.</Empty>;
}
