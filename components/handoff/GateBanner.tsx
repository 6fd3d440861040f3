/**
 * The closed-won gate: the deal shows a won stage while the close → onboarding hand-over has gaps. Names exactly
 * what is missing, with one click to each field.
 */
import type { Gap } from '../../lib/domain/gaps';
import { Banner } from '../ui';

export function GateBanner({ stage, gaps, onGoTo }: { stage: string | null; gaps: readonly Gap[]; onGoTo(field: string): void }) {
  return (
    <Banner tone="bad" role="alert" title={`${stage ?? 'Won'}, but the hand-over to CS has ${gaps.length} gap${gaps.length === 1 ? '' : 's'}`}>
      <p>It goes to customer success marked “incomplete at close”. Fill these now:</p>
      <ul className="gate-gaps">
        {gaps.map((g) => (
          <li key={g.field}>
            <button type="button" className="btn-link" onClick={() => onGoTo(g.field)}>
              {g.label}
            </button>
            <span className="muted"> {g.sentence.slice(g.label.length + 2)}</span>
          </li>
        ))}
      </ul>
    </Banner>
  );
}
