/**
 * Performance marks the benchmark reads in the page (`bench/dashboard.bench.ts`): the script starting, and the
 * triage's first render with its rows in the DOM.
 */
import { markOnce } from '../../lib/perf/marks';

export const MARK_START = 'baton:dashboard:start';
export const MARK_TRIAGE_RENDERED = 'baton:triage:rendered';
export const MEASURE_TRIAGE = 'baton:triage:first-render';

/** Mark the triage's first render with its rows (once per page load). */
export function markTriageRendered(): void {
  if (!markOnce(MARK_TRIAGE_RENDERED)) return;
  try {
    performance.measure(MEASURE_TRIAGE, MARK_START, MARK_TRIAGE_RENDERED);
  } catch {
    // The start mark is missing only when this module runs outside the page (tests).
  }
}
