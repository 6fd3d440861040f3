/** The sync server and token: connect (asks for that origin's permission), test, disconnect; and the status line. */
import { useEffect, useState, type FormEvent } from 'react';
import { Banner, Field } from '../../../components/ui';
import {
  connectSyncServer,
  disconnectSyncServer,
  explainConnectionError,
  testConnection,
  type ConnectionInfo,
} from '../../../lib/sync/connect';
import { useSyncStatus } from '../../../lib/hooks/useSyncStatus';
import { syncSettings } from '../../../lib/settings/sync';

export function SyncSection() {
  const status = useSyncStatus();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState<boolean>();
  const [busy, setBusy] = useState<'connect' | 'test' | null>(null);
  const [result, setResult] = useState<{ ok: true; info: ConnectionInfo } | { ok: false; reason: string }>();
  useEffect(() => {
    void syncSettings.get().then((s) => {
      setSaved(!!s);
      if (s) {
        setServerUrl(s.serverUrl);
        setToken(s.token);
      }
    });
  }, []);

  const connect = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('connect');
    setResult(undefined);
    // connectSyncServer asks for the host permission first, inside this submit's user gesture.
    const r = await connectSyncServer({ serverUrl, token });
    setBusy(null);
    if (r.ok) {
      setSaved(true);
      setResult({ ok: true, info: r.connection });
    } else setResult({ ok: false, reason: r.reason });
  };
  const test = async () => {
    setBusy('test');
    setResult(undefined);
    try {
      setResult({ ok: true, info: await testConnection(serverUrl && token ? { serverUrl, token } : undefined) });
    } catch (err) {
      setResult({ ok: false, reason: explainConnectionError(err) });
    } finally {
      setBusy(null);
    }
  };
  const disconnect = async () => {
    await disconnectSyncServer();
    setSaved(false);
    setToken('');
    setResult(undefined);
  };
  return (
    <section className="card" id="sync" aria-labelledby="sync-h">
      <div className="card-head">
        <h2 id="sync-h">Sync</h2>
        {status ? <span className="faint">{status.label}</span> : null}
      </div>
      <form className="card-body form-grid" onSubmit={connect}>
        <p className="muted span-2">
          Share hand-overs, objectives and decisions with your team through your workspace’s sync server. Without one, Baton keeps everything in this browser.
        </p>
        <Field label="Server URL" help="e.g. https://sync.example.com">
          {(id, d) => <input id={id} className="input" type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://" aria-describedby={d} />}
        </Field>
        <Field label="Token" help="From your workspace admin. Stored only in this browser.">
          {(id, d) => <input id={id} className="input" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" aria-describedby={d} />}
        </Field>
        <div className="row span-2">
          <button className="btn btn-primary" type="submit" disabled={busy !== null || !serverUrl || !token}>
            {busy === 'connect' ? 'Connecting…' : saved ? 'Save and reconnect' : 'Connect'}
          </button>
          <button className="btn" type="button" onClick={() => void test()} disabled={busy !== null || (!saved && (!serverUrl || !token))}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          {saved ? (
            <button className="btn btn-danger" type="button" onClick={() => void disconnect()}>
              Disconnect
            </button>
          ) : null}
        </div>
        {result ? (
          <div className="span-2" role="status">
            {result.ok ? (
              <Banner tone="ok" title={`Connected to ${result.info.workspace.name}`}>
                Signed in as {result.info.member.name} ({result.info.member.email}), {result.info.member.role}.
              </Banner>
            ) : (
              <Banner tone="bad" title="Could not connect">
                {result.reason}
              </Banner>
            )}
          </div>
        ) : null}
      </form>
    </section>
  );
}
