/**
 * The toolbar popup: log a decision in seconds, circulate it, reopen one, and see what waits for me.
 * It opens straight into the decision form with the focus in the title; the client comes from the CRM record of
 * the tab it was opened over, or is picked by typing. Everything is written to the local database (works offline);
 * the background syncs it later.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ClientPicker, type ClientOption } from '../../components/ClientPicker';
import { DecisionForm, type DecisionFormValue, type PeopleDirectory } from '../../components/DecisionForm';
import { Banner, Empty } from '../../components/ui';
import { decisionSummary, mailtoUrl, recipients } from '../../lib/decisions/circulate';
import { CRM_NAMES, linkUrl } from '../../lib/crm/links';
import type { Decision } from '../../lib/domain/schemas';
import { actorOf, parsePerson, type Person } from '../../lib/domain/people';
import type { SyncStatusView } from '../../lib/sync/status';
// The first bundle: React, the form, the picker, the search over its cache. The database and validation (Dexie,
// zod) come with the data layer (`data-layer.ts`), loaded once the popup is interactive (or when a write needs it);
// nothing here imports them but as types.
import { useCall } from '../../lib/hooks/data';
import { useSyncStatus } from '../../lib/hooks/useSyncStatus';
import { loadDataLayer, useActiveRecord, useClientContext, useClientIndex, useDataLayer, useProfile, useQueue } from './data';

// Out of the first bundle: what the popup needs only after it is interactive (lists, and the writes with their
// validation), so opening parses less.
const QueueList = lazy(() => import('./QueueList').then((m) => ({ default: m.QueueList })));
const RecentDecisions = lazy(() => import('./RecentDecisions').then((m) => ({ default: m.RecentDecisions })));
import { markOnce } from './perf';

const OBJECT_NAMES = { account: 'account', opportunity: 'opportunity' } as const;

/** The header's few words about sync; the full sentence (useSyncStatus's label) is the tooltip. */
const SYNC_SHORT: Record<SyncStatusView['state'], (pending: number) => string> = {
  off: () => 'On this device',
  offline: (n) => (n ? `Offline · ${n} to sync` : 'Offline'),
  syncing: () => 'Syncing…',
  synced: (n) => (n ? `${n} to sync` : 'Synced'),
  attention: () => 'Sync needs attention',
};

export function App() {
  const [formReady, setFormReady] = useState(false);
  const [settled, setSettled] = useState(false);
  const [dlWanted, setDlWanted] = useState(false);
  const dl = useDataLayer(dlWanted);
  const profile = useProfile(dl);
  // The profile is the fallback ("Me", no e-mail) until the data layer is here, and its actor is then its name.
  const actor = actorOf(profile);
  const call = useCall();
  const me = useMemo<Person>(() => ({ name: profile.name, ...(profile.email ? { email: profile.email } : {}) }), [profile.name, profile.email]);
  const index = useClientIndex(dl, settled);
  const active = useActiveRecord(dl);
  const interactive = formReady && index !== null;
  useEffect(() => {
    if (!interactive) return;
    markOnce('baton:interactive');
    setDlWanted(true);
  }, [interactive]);

  // The client: the active record's, until the user picks another (or clears it with "Change").
  const [picked, setPicked] = useState<ClientOption | null | undefined>(undefined);
  const recordClientId = active.link?.clientId ?? null;
  const clientId = picked === undefined ? recordClientId : (picked?.id ?? null);
  const context = useClientContext(dl, clientId);
  const client = context?.client ?? null;
  const pickerRef = useRef<HTMLInputElement>(null);

  const [reopening, setReopening] = useState<Decision | null>(null);
  const [justLogged, setJustLogged] = useState<{ id: string; title: string; reopened: boolean } | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  // The record's client first: the queue's big read waits until the pre-fill is settled, so it never delays it.
  const prefillSettled =
    active.tab !== null && (active.ref === null || (active.link !== undefined && (active.link === null || context !== undefined)));
  const queue = useQueue(dl, me, interactive && prefillSettled);
  useEffect(() => {
    if (!queue) return;
    markOnce('baton:queue-ready');
    // Now the big read: refresh the client search from the tables.
    setSettled(true);
  }, [queue]);
  const sync = useSyncStatus({ enabled: dl !== null });

  const people = useMemo<PeopleDirectory>(() => {
    const teammates: Person[] = [];
    const add = (p: Person | null) => {
      if (p && !teammates.some((t) => (t.email && t.email === p.email) || t.name.toLowerCase() === p.name.toLowerCase())) teammates.push(p);
    };
    if (profile.name !== 'Me' || profile.email) add(me);
    add(parsePerson(client?.salesOwner));
    add(parsePerson(client?.csOwner));
    for (const d of context?.decisions ?? []) {
      for (const o of [d.owner, ...d.participants]) if (o.kind === 'member') add(o.email ? { name: o.name, email: o.email } : { name: o.name });
    }
    return { stakeholders: context?.stakeholders ?? [], teammates };
  }, [context, client, me, profile.name, profile.email]);

  const search = useCallback(
    (q: string, limit: number): ClientOption[] =>
      (index?.search(q, limit) ?? []).map((h) => ({ id: h.id, name: h.name, ...(h.crmId ? { detail: `CRM id ${h.crmId}` } : {}) })),
    [index],
  );

  const recordNote = (() => {
    if (!active.ref || picked !== undefined) return null;
    const where = `${CRM_NAMES[active.ref.crm]} ${OBJECT_NAMES[active.ref.object]}`;
    return active.link ? `From the open ${where}` : null;
  })();

  async function save(value: DecisionFormValue) {
    if (!clientId) throw new Error('Choose a client first.');
    // Saving before the data layer is here waits for it (the form shows "Saving…").
    // Read now: a save before the profile state has loaded must still be signed by the saved profile.
    const by = actorOf(await (await loadDataLayer()).profileSetting.get());
    const d = reopening ? await call('reopenDecision', reopening.id, { ...value, actor: by }) : await call('logDecision', { ...value, clientId, actor: by });
    setJustLogged({ id: d.id, title: d.title, reopened: !!reopening });
    setReopening(null);
    setNotice(null);
  }

  const summaryOf = (d: Decision) => {
    const link = active.link && active.link.clientId === d.clientId ? active.link : null;
    return decisionSummary(d, {
      stakeholders: people.stakeholders,
      clientName: client?.name ?? 'the client',
      reopened: d.reopens ? (context?.decisions.find((x: Decision) => x.id === d.reopens) ?? null) : null,
      recordUrl: link ? linkUrl(link) : null,
      loggedBy: actor,
    });
  };

  async function copy(d: Decision) {
    const s = summaryOf(d);
    try {
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([s.markdown], { type: 'text/plain' }),
            'text/html': new Blob([s.html], { type: 'text/html' }),
          }),
        ]);
      } else await navigator.clipboard.writeText(s.markdown);
    } catch (err) {
      setNotice({ tone: 'bad', text: `Could not copy to the clipboard (${err instanceof Error ? err.message : String(err)}). Nothing was marked circulated.` });
      return;
    }
    await call('markCirculated', d.id, actor);
    setNotice({ tone: 'ok', text: `Summary of “${d.title}” copied. Marked as circulated.` });
  }

  const mailtoFor = (d: Decision) => {
    const s = summaryOf(d);
    const r = recipients(d, people, me);
    return { url: mailtoUrl(r.to, s.subject, s.text), to: r.to.length, missing: r.missing };
  };

  const emailed = (d: Decision) => {
    void call('markCirculated', d.id, actor).then(() => setNotice({ tone: 'ok', text: `E-mail to the owners of “${d.title}” opened. Marked as circulated.` }));
  };

  const open = (url: string) => {
    void browser.tabs.create({ url }).then(async () => {
      // The toolbar popup closes itself; popup.html open as a tab stays.
      if (!(await browser.tabs.getCurrent())) window.close();
    });
  };

  const createClient = async () => {
    const tab = active.tab;
    if (!active.ref || tab?.type !== 'baton:record') return;
    await call('createClientForRecord', { ref: active.ref, title: tab.title, stage: tab.stage, actor });
    setPicked(undefined);
  };

  /** Link the open record to the client picked above (so the next visit pre-fills it, and no duplicate is made). */
  const linkToPicked = async () => {
    const tab = active.tab;
    if (!active.ref || tab?.type !== 'baton:record' || !picked) return;
    try {
      await call('linkRecord', { ref: active.ref, title: tab.title, stage: tab.stage, actor, clientId: picked.id });
      setPicked(undefined);
    } catch (err) {
      setNotice({ tone: 'bad', text: `Could not link the record: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const clientValue: ClientOption | null = clientId ? { id: clientId, name: client?.name ?? picked?.name ?? '…' } : null;
  // The open record is linked to no client: create one from it, or link it to the client picked above.
  const unlinked = active.ref && active.link === null && picked !== null && active.tab?.type === 'baton:record' ? active.tab : null;
  const urgent = queue ? queue.items.filter((i) => i.urgent).length : 0;

  return (
    <div className="popup">
      <header className="popup-head">
        <span className="popup-logo" aria-hidden="true">
          B
        </span>
        <h1>{reopening ? 'Reopen a decision' : 'Log a decision'}</h1>
        <span className={`popup-sync sync-${sync?.state ?? 'off'}`} title={sync?.label ?? ''}>
          <span className={`dot ${sync?.state === 'synced' ? 'dot-ok' : sync?.state === 'attention' ? 'dot-bad' : sync?.state === 'syncing' ? 'dot-busy' : ''}`} aria-hidden="true" />
          {sync ? SYNC_SHORT[sync.state](sync.pending) : ''}
        </span>
      </header>

      <section className="popup-form" aria-label="Decision">
        <DecisionForm
          people={people}
          onSubmit={save}
          blockedReason={clientId ? null : 'Choose a client first: type its name or CRM id.'}
          onBlocked={() => pickerRef.current?.focus()}
          reopening={reopening}
          onCancelReopen={() => setReopening(null)}
          onReady={() => {
            markOnce('baton:form-focused');
            setFormReady(true);
          }}
          header={
            <>
              <ClientPicker
                value={clientValue}
                search={search}
                ready={index !== null}
                inputRef={pickerRef}
                note={recordNote}
                onChange={(c) => {
                  setPicked(c);
                  setReopening(null);
                  if (c) requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.df-title')?.focus());
                }}
              />
              {unlinked && picked ? (
                <div className="popup-unlinked">
                  <span>
                    This {CRM_NAMES[unlinked.ref.crm]} {unlinked.ref.object} is not linked to a client yet.
                  </span>
                  <button type="button" className="btn btn-small" onClick={() => void linkToPicked()}>
                    Link it to “{picked.name}”
                  </button>
                </div>
              ) : unlinked ? (
                <div className="popup-unlinked">
                  <span>
                    This {CRM_NAMES[unlinked.ref.crm]} {unlinked.ref.object} is not linked to a client yet. Pick its client above to link it, or:
                  </span>
                  <button type="button" className="btn btn-small" onClick={() => void createClient()}>
                    Create “{unlinked.title ?? 'client'}”
                  </button>
                </div>
              ) : null}
            </>
          }
        />
        {justLogged && !notice ? (
          <div className="popup-logged" role="status">
            <span className="dot dot-ok" aria-hidden="true" /> {justLogged.reopened ? 'Reopened as' : 'Logged'} “{justLogged.title}”. Circulate it below.
          </div>
        ) : null}
        {notice ? (
          <Banner tone={notice.tone} role={notice.tone === 'bad' ? 'alert' : 'status'}>
            {notice.text}
          </Banner>
        ) : null}
      </section>

      {clientId && context ? (
        <section className="popup-section" aria-labelledby="recent-h">
          <div className="section-head">
            <h2 id="recent-h">Recent decisions</h2>
            <span className="faint grow">{client?.name}</span>
          </div>
          <Suspense fallback={<p className="faint popup-none">Loading…</p>}>
          <RecentDecisions
            decisions={context.decisions}
            circulations={context.circulations}
            people={people}
            now={now}
            highlightId={justLogged?.id ?? null}
            reopeningId={reopening?.id ?? null}
            onReopen={(d) => {
              setReopening(d);
              setJustLogged(null);
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.df-title')?.focus());
            }}
            onCopy={copy}
            mailtoFor={mailtoFor}
            onEmailed={emailed}
          />
          </Suspense>
        </section>
      ) : null}

      <section className="popup-section" aria-labelledby="queue-h">
        <div className="section-head">
          <h2 id="queue-h">My queue</h2>
          {queue ? <span className={`count${urgent ? ' count-bad' : ''}`} title={`${urgent} urgent`}>{queue.items.length}</span> : null}
          <span className="grow" />
          {urgent ? <span className="faint">{urgent} urgent</span> : null}
        </div>
        {!queue ? (
          <p className="faint popup-none">Loading…</p>
        ) : queue.items.length === 0 ? (
          <Empty title="Nothing waits for you">
            {profile.name === 'Me' && !profile.email ? (
              <span className="faint">
                Set your name and e-mail in{' '}
                <a href={browser.runtime.getURL('/dashboard.html#/settings' as '/dashboard.html')} target="_blank" rel="noreferrer">
                  Settings
                </a>{' '}
                so Baton knows which hand-overs are yours.
              </span>
            ) : (
              <span className="faint">Hand-overs to accept, rejections, overdue answers and decisions to circulate show here.</span>
            )}
          </Empty>
        ) : (
          <Suspense fallback={<p className="faint popup-none">Loading…</p>}>
            <QueueList queue={queue} onOpen={open} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
