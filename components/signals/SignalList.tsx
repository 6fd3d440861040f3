/** The misalignment signals that hold for a client, each with the fact behind it. Shown, never hidden. */
import type { Signal } from '../../lib/domain/signals';
import { Empty } from '../ui';

export function SignalList({ signals }: { signals: readonly Signal[] }) {
  if (signals.length === 0) {
    return (
      <Empty title="No misalignment signals">
        <p>Sponsors agree, hand-overs are answered, decisions hold. Keep it that way.</p>
      </Empty>
    );
  }
  return (
    <ul className="list signals" aria-label="Misalignment signals">
      {signals.map((s, i) => (
        <li key={`${s.code}-${i}`} className="signal">
          <div className="row">
            <span className="dot dot-bad" aria-hidden />
            <strong className="grow">{s.title}</strong>
            <span className="faint">#{s.signal}</span>
          </div>
          <p className="muted">{s.fact}</p>
        </li>
      ))}
    </ul>
  );
}
