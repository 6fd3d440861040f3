/** Export the whole local database as JSON, import it back (validated: an invalid file changes nothing), delete it. */
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { Banner, Field } from '../../../components/ui';
import { BACKUP_TABLES, BackupImportError, DELETE_CONFIRMATION, backupToJson, parseBackup, type ImportSummary } from '../../../lib/db/backup';
import { useCall } from '../../../lib/hooks/data';
import { useSetting } from '../../../lib/hooks/useSetting';
import { syncSettings } from '../../../lib/settings/sync';
import { isoDate } from '../../../lib/domain/time';
import { disconnectSyncServer } from '../../../lib/sync/connect';

const TABLE_NAMES: Record<(typeof BACKUP_TABLES)[number], string> = {
  clients: 'clients',
  crmLinks: 'CRM links',
  deals: 'deals',
  handoffs: 'hand-overs',
  stakeholders: 'stakeholders',
  objectives: 'objectives',
  templates: 'templates',
  decisions: 'decisions',
  events: 'events',
};

type ImportState =
  | { state: 'idle' }
  | { state: 'busy'; file: string }
  | { state: 'failed'; file: string; error: BackupImportError | Error }
  | { state: 'done'; file: string; summary: ImportSummary };

export function DataSection() {
  const [imp, setImp] = useState<ImportState>({ state: 'idle' });
  const [exporting, setExporting] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [deleted, setDeleted] = useState<null | { disconnected: boolean; synced: boolean }>(null);
  const input = useRef<HTMLInputElement>(null);
  // With sync set up, the next sync would download the workspace again: offer to disconnect as well (on by default).
  const sync = useSetting(syncSettings) ?? null;
  const call = useCall();
  const [disconnect, setDisconnect] = useState(true);

  const doExport = async () => {
    setExporting(true);
    try {
      const json = backupToJson(await call('exportBackup'));
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `baton-backup-${isoDate(Date.now())}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setExporting(false);
    }
  };
  const doImport = async (file: File) => {
    setImp({ state: 'busy', file: file.name });
    try {
      const backup = parseBackup(await file.text());
      setImp({ state: 'done', file: file.name, summary: await call('importBackup', backup) });
    } catch (err) {
      setImp({ state: 'failed', file: file.name, error: err instanceof Error ? err : new Error(String(err)) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  const doDelete = async () => {
    const disconnecting = !!sync && disconnect;
    // Disconnect first, so no sync starting meanwhile pulls the data back in.
    if (disconnecting) await disconnectSyncServer();
    await call('deleteAllLocalData');
    setConfirm('');
    setDeleted({ disconnected: disconnecting, synced: !!sync });
  };
  return (
    <section className="card" id="data" aria-labelledby="data-h">
      <div className="card-head">
        <h2 id="data-h">Your data</h2>
      </div>
      <div className="card-body stack-lg">
        <div className="data-row">
          <div>
            <h3>Export</h3>
            <p className="muted">Every client, hand-over, stakeholder, objective, decision and event in this browser, as one JSON file.</p>
          </div>
          <button className="btn" onClick={() => void doExport()} disabled={exporting}>
            {exporting ? 'Exporting…' : 'Export JSON'}
          </button>
        </div>
        <div className="data-row">
          <div>
            <h3>Import</h3>
            <p className="muted">Read a Baton backup back in. The whole file is checked first: if anything in it is wrong, nothing changes. Rows already here are updated, nothing is removed, and imported changes sync like edits.</p>
          </div>
          <label className="btn file-btn">
            {imp.state === 'busy' ? 'Importing…' : 'Import JSON…'}
            <input ref={input} type="file" accept="application/json,.json" className="sr-only" aria-label="Import a backup file" onChange={(e) => e.target.files?.[0] && void doImport(e.target.files[0])} />
          </label>
        </div>
        {imp.state === 'failed' ? (
          <Banner tone="bad" role="alert" title={`${imp.file} was not imported; nothing changed`}>
            {imp.error instanceof BackupImportError ? (
              <ul className="issues" data-testid="import-issues">
                {imp.error.issues.slice(0, 10).map((i, n) => (
                  <li key={n}>
                    {i.path ? <code>{i.path}</code> : null}
                    {i.path ? ': ' : ''}
                    {i.message}
                  </li>
                ))}
                {imp.error.issues.length > 10 ? <li>and {imp.error.issues.length - 10} more</li> : null}
              </ul>
            ) : (
              <p>{imp.error.message}</p>
            )}
          </Banner>
        ) : imp.state === 'done' ? (
          <Banner tone="ok" role="status" title={`Imported ${imp.file}`}>
            <p data-testid="import-summary">{summarise(imp.summary)}</p>
          </Banner>
        ) : null}
        <div className="danger-zone">
          <h3>Delete all local data</h3>
          <p className="muted">
            Removes every client, hand-over, stakeholder, objective, decision and event from this browser, and any changes not yet synced. The sync server keeps its copy; export first if you work without one.
          </p>
          {sync ? (
            <label className="toggle">
              <input type="checkbox" checked={disconnect} onChange={(e) => setDisconnect(e.target.checked)} />
              <span>
                <strong>Also disconnect from the sync server</strong>
                <span className="help">
                  {disconnect
                    ? `This browser forgets ${new URL(sync.serverUrl).host} and its token, so nothing comes back.`
                    : `The next sync downloads your workspace’s data from ${new URL(sync.serverUrl).host} again.`}
                </span>
              </span>
            </label>
          ) : null}
          <div className="row">
            <Field label={`Type “${DELETE_CONFIRMATION}” to confirm`}>
              {(id) => <input id={id} className="input confirm-input" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />}
            </Field>
            <button className="btn btn-danger delete-btn" disabled={confirm.trim().toLowerCase() !== DELETE_CONFIRMATION} onClick={() => void doDelete()}>
              Delete all local data
            </button>
          </div>
          {deleted ? (
            <Banner tone="ok" role="status">
              All local data was deleted.
              {deleted.disconnected ? ' This browser is no longer connected to the sync server.' : deleted.synced ? ' The next sync downloads your workspace’s data again.' : ''}
            </Banner>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function summarise(s: ImportSummary): string {
  const parts: string[] = [];
  for (const t of BACKUP_TABLES) {
    const c = s[t];
    if (c.added) parts.push(`${c.added.toLocaleString('en')} ${TABLE_NAMES[t]} added`);
    if (c.updated) parts.push(`${c.updated.toLocaleString('en')} ${TABLE_NAMES[t]} updated`);
  }
  return parts.length ? `${parts.join(', ')}.` : 'Everything in the file was already here; nothing changed.';
}
