/** Settings and data: who I am, where to sync, this browser's options, the hand-over templates, backup and delete. */
import { useEffect, useState, type FormEvent } from 'react';
import { Banner, Field } from '../../../components/ui';
import { profileSchema, profileSetting } from '../../../lib/settings/profile';
import { useSetting } from '../../../lib/hooks/useSetting';
import {
  disableReadFromSalesforce,
  enableReadFromSalesforce,
  changeLocalSettings,
  localSettings,
  type DockMode,
} from '../../../lib/settings/local';
import { DataSection } from './DataSection';
import { SyncSection } from './SyncSection';
import { TemplatesSection } from './TemplatesSection';

export function SettingsPage() {
  return (
    <div className="page settings">
      <div className="page-head">
        <div>
          <h1>Settings and data</h1>
          <p className="muted">Your name on records, sync, this browser’s options, hand-over templates, and your data.</p>
        </div>
      </div>
      <div className="settings-grid">
        <nav className="settings-nav no-print" aria-label="Settings sections">
          <a href="#/settings" onClick={jump('profile')}>Profile</a>
          <a href="#/settings" onClick={jump('sync')}>Sync</a>
          <a href="#/settings" onClick={jump('browser')}>This browser</a>
          <a href="#/settings" onClick={jump('templates')}>Hand-over templates</a>
          <a href="#/settings" onClick={jump('data')}>Your data</a>
        </nav>
        <div className="stack-lg">
          <ProfileSection />
          <SyncSection />
          <BrowserSection />
          <TemplatesSection />
          <DataSection />
        </div>
      </div>
    </div>
  );
}

/** In-page jumps that leave the hash route alone. */
function jump(id: string) {
  return (e: React.MouseEvent) => {
    e.preventDefault();
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
}

function ProfileSection() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void profileSetting.get().then((p) => {
      setName(p.name === 'Me' ? '' : p.name);
      setEmail(p.email);
    });
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = profileSchema.safeParse({ name, email });
    if (!parsed.success) {
      const out: { name?: string; email?: string } = {};
      for (const i of parsed.error.issues) out[i.path[0] as 'name' | 'email'] = i.message;
      return setErrors(out);
    }
    setErrors({});
    await profileSetting.set(parsed.data);
    setSaved(true);
  };
  return (
    <section className="card" id="profile" aria-labelledby="profile-h">
      <div className="card-head">
        <h2 id="profile-h">Profile</h2>
      </div>
      <form className="card-body form-grid" onSubmit={submit}>
        <p className="muted span-2">Written on the hand-over steps, decisions and events you record.</p>
        <Field label="Name" error={errors.name}>
          {(id, d) => <input id={id} className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} aria-describedby={d} autoComplete="name" />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(id, d) => <input id={id} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errors.email} aria-describedby={d} autoComplete="email" />}
        </Field>
        <div className="row span-2">
          <button className="btn btn-primary" type="submit">
            Save profile
          </button>
          {saved ? <span className="ok-text" role="status">Saved.</span> : null}
        </div>
      </form>
    </section>
  );
}

function BrowserSection() {
  const settings = useSetting(localSettings);
  const [note, setNote] = useState<string>();
  if (!settings) return null;
  // The permission request must be the first await of the click, so this handler calls it directly.
  const toggleSalesforce = async () => {
    setNote(undefined);
    if (settings.readFromSalesforce) {
      await disableReadFromSalesforce();
      return;
    }
    const granted = await enableReadFromSalesforce();
    if (!granted) setNote('The browser did not grant access to Salesforce, so Baton keeps reading stages from the page.');
  };
  return (
    <section className="card" id="browser" aria-labelledby="browser-h">
      <div className="card-head">
        <h2 id="browser-h">This browser</h2>
      </div>
      <div className="card-body stack">
        <label className="toggle">
          <input type="checkbox" role="switch" checked={settings.readFromSalesforce} onChange={() => void toggleSalesforce()} />
          <span>
            <strong>Read from Salesforce</strong>
            <span className="help">
              Read stages and contacts through the Salesforce API with your own session, instead of only from the page. Asks for access to
              *.my.salesforce.com and its cookies when turned on; given back when turned off.
            </span>
          </span>
        </label>
        {note ? <Banner tone="warn">{note}</Banner> : null}
        <fieldset className="radio-group">
          <legend>Where the panel opens</legend>
          {(
            [
              ['page', 'On the CRM page', 'Docked at the side of the record, inside the page.'],
              ['sidepanel', 'In the browser’s side panel', 'Beside the page, outside it; stays open as you move between records.'],
            ] as [DockMode, string, string][]
          ).map(([mode, label, help]) => (
            <label key={mode} className="radio">
              <input type="radio" name="dock" value={mode} checked={settings.dockMode === mode} onChange={() => void changeLocalSettings({ dockMode: mode })} />
              <span>
                <strong>{label}</strong>
                <span className="help">{help}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
