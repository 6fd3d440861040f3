/**
 * The alignment panel page. It learns the record from the CRM tab (iframe or side panel), resolves it to a client
 * and shows loading, empty and error states that say what to do.
 */
import { Component, type ReactNode } from 'react';
import { Empty } from '../../components/ui';
import { useQuery } from '../../lib/hooks/data';
import { useSetting } from '../../lib/hooks/useSetting';
import { useSyncPokes, useSyncStatus } from '../../lib/hooks/useSyncStatus';
import type { CrmRef } from '../../lib/domain/schemas';
import { actorOf, FALLBACK_PROFILE } from '../../lib/domain/people';
import { profileSetting } from '../../lib/settings/profile';
import { openSidePanel, setPanelOpen } from './bridge';
import { ClientPanel, NoBundle } from './ClientPanel';
import { LinkRecord } from './LinkRecord';
import { RecordNotice } from './RecordNotice';
import { useHostRecord, type HostRecord } from './useHostRecord';
import { salesforceTarget, useRecordFacts } from './useRecordFacts';

export function App() {
  const host = useHostRecord();
  // The page's facts, with what the CRM's API supplies where the page shows no stage (lib/crm/facts.ts).
  const facts = useRecordFacts(host.record);
  const record = host.record && facts ? { ...host.record, stage: facts.facts.stage, isWonStage: facts.facts.isWonStage, account: facts.facts.account } : host.record;
  // While the panel is open, the server's pokes make the background pull at once (edits from teammates show live).
  useSyncPokes();
  return (
    <div className="panel" data-mode={host.mode}>
      <Header record={record} mode={host.mode} />
      <main className="panel-body">
      <ErrorBoundary>
        {host.status === 'waiting' ? (
          <Loading what="Reading the CRM page…" />
        ) : host.status === 'none' || !record ? (
          <Empty title="Open an account or an opportunity">
            <p>Baton shows the hand-over, stakeholders and objective of the record you are on.</p>
          </Empty>
        ) : record.ref.object === 'account' || record.ref.object === 'opportunity' ? (
          <>
            {facts ? <RecordNotice record={record} state={facts} /> : null}
            <RecordPanel record={record} />
          </>
        ) : (
          <Empty title={`Baton works on accounts and opportunities`}>
            <p>This is a {record.ref.object === 'contact' ? 'contact' : record.ref.objectName} record. Open its account or opportunity.</p>
          </Empty>
        )}
      </ErrorBoundary>
      </main>
    </div>
  );
}

function Header({ record, mode }: { record: HostRecord | null; mode: string }) {
  return (
    <header className="panel-header">
      <span className="logo" aria-hidden>B</span>
      <div className="grow title-block">
        <div className="record-title" title={record?.title ?? undefined}>{record?.title ?? (record?.pending ? 'Loading record…' : 'Baton')}</div>
        {record ? <div className="faint record-meta">{record.ref.object === 'opportunity' ? 'Opportunity' : record.ref.object === 'account' ? 'Account' : record.ref.objectName}{record.stage ? ` · ${record.stage}` : ''}</div> : null}
        <SyncLine />
      </div>
      <a className="btn-icon" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer" aria-label="Open the dashboard" title="Dashboard">
        ▦
      </a>
      {mode === 'iframe' ? (
        <>
          <button type="button" className="btn-icon" aria-label="Open in the browser's side panel" title="Open in side panel" onClick={() => void openSidePanel()}>
            ⇥
          </button>
          <button type="button" className="btn-icon" aria-label="Collapse the panel" title="Collapse (Esc)" onClick={() => setPanelOpen(false)}>
            ✕
          </button>
        </>
      ) : null}
    </header>
  );
}

/** Synced / syncing / offline with N pending / needs attention, with why. */
function SyncLine() {
  // The panel's App already listens for pokes.
  const view = useSyncStatus({ pokes: false });
  if (!view) return null;
  const dot = { off: '', synced: 'dot-ok', syncing: 'dot-busy', offline: 'dot-warn', attention: 'dot-bad' }[view.state];
  return (
    <div className="sync-line faint" role="status" title={view.reason ?? view.label}>
      <span className={`dot ${dot}`} aria-hidden /> {view.label}
    </div>
  );
}

function RecordPanel({ record }: { record: HostRecord }) {
  const profile = useSetting(profileSetting) ?? FALLBACK_PROFILE;
  const ref: CrmRef = { crm: record.ref.crm, instance: record.ref.instance, object: record.ref.object as CrmRef['object'], id: record.ref.id };
  const { value: view, error } = useQuery('recordView', [ref]);
  if (error) return <Failed error={error} />;
  if (view === undefined) return <Loading what="Looking up this record…" />;
  const { context: ctx, bundle } = view;
  if (!ctx.client) return <LinkRecord key={ctx.link?.id ?? `${ref.crm}:${ref.id}`} crmRef={ref} title={record.title} stage={record.stage} account={record.account ?? null} actor={actorOf(profile)} />;
  if (bundle === null) return <NoBundle />;
  const salesforce = salesforceTarget(record);
  return <ClientPanel key={`${bundle.client.id}:${ctx.deal?.id ?? ''}`} bundle={bundle} deal={ctx.deal} stage={record.stage} isWonStage={record.isWonStage} actor={actorOf(profile)} salesforce={salesforce} />;
}

function Failed({ error }: { error: Error }) {
  return (
    <Empty title="Baton could not read its data">
      <p className="error-text">{error.message}</p>
      <button type="button" className="btn" style={{ marginTop: 8 }} onClick={() => location.reload()}>Try again</button>
    </Empty>
  );
}

function Loading({ what }: { what: string }) {
  return (
    <div className="empty" role="status" aria-live="polite">
      <span className="spinner" aria-hidden /> {what}
    </div>
  );
}

/** A render error shows what happened and how to recover, instead of a blank panel. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <Empty title="Something went wrong in the panel">
          <p className="error-text">{this.state.error.message}</p>
          <button type="button" className="btn" style={{ marginTop: 8 }} onClick={() => location.reload()}>Reload the panel</button>
        </Empty>
      );
    }
    return this.props.children;
  }
}
