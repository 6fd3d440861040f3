/**
 * First visit to a record with no client: create one or link this record to an existing client. A new client is
 * named after the opportunity's account when the page (or the CRM's API) gives one, else after the record; the
 * rep can change the name before creating it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Banner } from '../../components/ui';
import { useCall, useQuery } from '../../lib/hooks/data';
import type { CrmRef } from '../../lib/domain/schemas';
import { useAction } from './useAction';

export function LinkRecord({ crmRef, title, stage, account, actor }: { crmRef: CrmRef; title: string | null; stage: string | null; account: string | null; actor: string }) {
  // The customer is the account: an opportunity's own name ("Acme – 200 Widgets") is the deal, not the client.
  const suggested = (crmRef.object === 'opportunity' ? account : null) ?? title;
  const [name, setName] = useState(suggested ?? '');
  const [typed, setTyped] = useState(false);
  // The page's facts often arrive after the record (SPA navigation): take them until the user types their own.
  useEffect(() => {
    if (!typed && suggested) setName(suggested);
  }, [suggested, typed]);
  const [mode, setMode] = useState<'create' | 'link'>('create');
  const [query, setQuery] = useState('');
  const { run, error } = useAction();
  const call = useCall();
  const clients = useQuery('clientNames', []).value;
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (clients ?? []).filter((c) => !q || c.name.toLowerCase().includes(q)).slice(0, 8);
  }, [clients, query]);
  const what = crmRef.object === 'opportunity' ? 'opportunity' : 'account';

  return (
    <div className="section stack link-record">
      <div className="stack-tight">
        <h2>Start alignment for this {what}</h2>
        <p className="muted">
          Baton keeps the hand-over, stakeholder map, shared objective and decisions for the customer behind this {what}. Create the client once; its other
          records link to it.
        </p>
      </div>
      <div className="tabs" role="tablist" aria-label="Create or link">
        <button type="button" role="tab" className="tab" aria-selected={mode === 'create'} onClick={() => setMode('create')}>New client</button>
        <button type="button" role="tab" className="tab" aria-selected={mode === 'link'} onClick={() => setMode('link')}>Link to an existing one</button>
      </div>
      {mode === 'create' ? (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); void run(() => call('createClientForRecord', { ref: crmRef, title, stage, name, actor })); }}>
          <label className="field">
            <span className="label">Client name</span>
            <input className="input" value={name} onChange={(e) => { setName(e.target.value); setTyped(true); }} autoFocus placeholder="Customer name" />
          </label>
          {crmRef.object === 'opportunity' && account && !typed ? <p className="faint">Named after the opportunity’s account. Change it if the customer goes by another name.</p> : null}
          <div className="row-end">
            <button type="submit" className="btn btn-primary">Create client</button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <label className="field">
            <span className="label">Find a client</span>
            <input className="input" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus placeholder="Type a name" />
          </label>
          {clients && clients.length === 0 ? <p className="faint">No clients yet: create the first one.</p> : null}
          <ul className="list">
            {matches.map((c) => (
              <li key={c.id} className="row">
                <span className="grow">{c.name}</span>
                <button type="button" className="btn btn-small" onClick={() => void run(() => call('linkRecord', { ref: crmRef, clientId: c.id, title, stage }))}>
                  Link
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error ? <Banner tone="bad" role="alert" title="Not saved">{error}</Banner> : null}
    </div>
  );
}
