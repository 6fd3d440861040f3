/** Log a decision from the record: title, owner, source; Enter saves. */
import { useState } from 'react';
import { useCall } from '../../lib/hooks/data';
import type { DecisionSource, Owner, Stakeholder } from '../../lib/domain/schemas';
import { useAction } from './useAction';

export function QuickDecision({ clientId, stakeholders, actor }: { clientId: string; stakeholders: readonly Stakeholder[]; actor: string }) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('me');
  const [source, setSource] = useState<DecisionSource>('meeting');
  const [saved, setSaved] = useState(false);
  const { run, error } = useAction();
  const call = useCall();
  const submit = async () => {
    const s = stakeholders.find((x) => x.id === owner);
    const o: Owner = s ? { kind: 'stakeholder', stakeholderId: s.id, name: s.name } : { kind: 'member', name: actor };
    const done = await run(() => call('logDecision', { clientId, title, owner: o, decidedAt: Date.now(), source, actor }));
    if (done) {
      setTitle('');
      setSaved(true);
    }
  };
  return (
    <form className="quick-decision card card-body stack-tight" aria-label="Log a decision" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <input className="input" aria-label="Decision" placeholder="Log a decision… (Enter saves)" value={title}
        onChange={(e) => { setTitle(e.target.value); setSaved(false); }} aria-invalid={!!error} />
      <div className="row">
        <select className="select grow" aria-label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="me">Owner: me ({actor})</option>
          {stakeholders.map((s) => <option key={s.id} value={s.id}>Owner: {s.name}</option>)}
        </select>
        <select className="select" style={{ width: 100 }} aria-label="Source" value={source} onChange={(e) => setSource(e.target.value as DecisionSource)}>
          <option value="meeting">Meeting</option>
          <option value="call">Call</option>
          <option value="email">Email</option>
        </select>
        <button type="submit" className="btn btn-small btn-primary">Log</button>
      </div>
      {error ? <p className="error-text" role="alert">{error}</p> : saved ? <p className="faint" role="status">Logged.</p> : null}
    </form>
  );
}
