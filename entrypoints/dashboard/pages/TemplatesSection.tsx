/**
 * The workspace's hand-over templates as JSON: validated on every check with errors that name the path, saved by
 * admins (the sync server's `/v1/me` role when connected; anyone when this browser works alone), or reset.
 */
import { useEffect, useState } from 'react';
import { Banner } from '../../../components/ui';
import { parseTemplateJson, TemplateValidationError } from '../../../lib/domain/template-json';
import { DEFAULT_TEMPLATES } from '../../../lib/domain/templates';
import type { PathIssue } from '../../../lib/domain/zod-issues';
import { useCall, useQuery } from '../../../lib/hooks/data';
import { syncSettings } from '../../../lib/settings/sync';
import { testConnection } from '../../../lib/sync/connect';

type Permission = { state: 'checking' } | { state: 'allowed'; why: string } | { state: 'denied'; why: string };

/** Who may change the templates. */
async function templatePermission(): Promise<Permission> {
  if (!(await syncSettings.get())) return { state: 'allowed', why: 'This browser is not connected to a workspace, so your templates are yours to edit.' };
  try {
    const { member, workspace } = await testConnection();
    return member.role === 'admin'
      ? { state: 'allowed', why: `You are an admin of ${workspace.name}: saved templates apply to the whole workspace.` }
      : { state: 'denied', why: `Only admins of ${workspace.name} can change the templates; you are a ${member.role}.` };
  } catch {
    return { state: 'denied', why: 'The sync server cannot be reached to check your role, so the templates cannot be changed now.' };
  }
}

export function TemplatesSection() {
  const templates = useQuery('templates', []).value;
  const call = useCall();
  const [text, setText] = useState<string>();
  const [issues, setIssues] = useState<PathIssue[]>([]);
  const [message, setMessage] = useState<string>();
  const [perm, setPerm] = useState<Permission>({ state: 'checking' });
  useEffect(() => {
    void templatePermission().then(setPerm);
  }, []);
  useEffect(() => {
    if (templates && text === undefined) setText(JSON.stringify({ templates }, null, 2));
  }, [templates, text]);

  const check = (): ReturnType<typeof parseTemplateJson> | null => {
    setMessage(undefined);
    try {
      const parsed = parseTemplateJson(text ?? '');
      setIssues([]);
      return parsed;
    } catch (err) {
      setIssues(err instanceof TemplateValidationError ? err.issues : [{ path: '', message: String(err) }]);
      return null;
    }
  };
  const save = async () => {
    const parsed = check();
    if (!parsed) return;
    await call('saveTemplates', parsed);
    setMessage(`Saved ${parsed.length} ${parsed.length === 1 ? 'template' : 'templates'}.`);
  };
  const reset = async () => {
    await call('resetTemplates');
    setText(JSON.stringify({ templates: DEFAULT_TEMPLATES }, null, 2));
    setIssues([]);
    setMessage('Back to the default templates.');
  };
  const canEdit = perm.state === 'allowed';
  return (
    <section className="card" id="templates" aria-labelledby="templates-h">
      <div className="card-head">
        <h2 id="templates-h">Hand-over templates</h2>
      </div>
      <div className="card-body stack">
        <p className="muted">
          Each template lists the fields a hand-over carries, whether each is required, and the acceptance rule that says when a value is good enough.
          {perm.state === 'checking' ? ' Checking your role…' : ` ${perm.why}`}
        </p>
        {text === undefined ? (
          <p className="faint">Loading the templates…</p>
        ) : (
          <textarea
            className="textarea code"
            aria-label="Hand-over templates as JSON"
            spellCheck={false}
            value={text}
            readOnly={!canEdit}
            aria-invalid={issues.length > 0}
            onChange={(e) => {
              setText(e.target.value);
              setMessage(undefined);
            }}
          />
        )}
        {issues.length ? (
          <Banner tone="bad" title={`${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}; nothing was saved`} role="alert">
            <ul className="issues">
              {issues.slice(0, 12).map((i, n) => (
                <li key={n}>
                  {i.path ? <code>{i.path}</code> : null}
                  {i.path ? ': ' : ''}
                  {i.message}
                </li>
              ))}
              {issues.length > 12 ? <li>and {issues.length - 12} more</li> : null}
            </ul>
          </Banner>
        ) : null}
        {message ? <Banner tone="ok" role="status">{message}</Banner> : null}
        <div className="row">
          <button className="btn" type="button" onClick={() => check() && setMessage('The templates are valid.')}>
            Check
          </button>
          <button className="btn btn-primary" type="button" disabled={!canEdit} onClick={() => void save()}>
            Save templates
          </button>
          <button className="btn btn-danger" type="button" disabled={!canEdit} onClick={() => void reset()}>
            Reset to defaults
          </button>
        </div>
      </div>
    </section>
  );
}
