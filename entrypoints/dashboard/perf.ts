/**
 * Performance marks the benchmark reads in the page (`bench/dashboard.bench.ts`): the script starting, and the
 * triage's first render with its rows in the DOM.
 */
export const MARK_START = 'baton:dashboard:start';
export const MARK_TRIAGE_RENDERED = 'baton:triage:rendered';
/** The triage's tables are read (all of them, in bulk). */
export const MARK_TRIAGE_READ = 'baton:triage:read';
/** The triage is decided from them. */
export const MARK_TRIAGE_DECIDED = 'baton:triage:decided';
export const MEASURE_TRIAGE = 'baton:triage:first-render';

/** The freshly decided triage (not the snapshot of the last visit) is rendered. */
export const MARK_TRIAGE_FRESH = 'baton:triage:fresh-rendered';

let marked = false;
let markedFresh = false;

/** Mark the triage's first render with rows (once per page load), and the first render of the fresh triage. */
export function markTriageRendered(fresh: boolean): void {
  if (!marked) {
    marked = true;
    performance.mark(MARK_TRIAGE_RENDERED);
    try {
      performance.measure(MEASURE_TRIAGE, MARK_START, MARK_TRIAGE_RENDERED);
    } catch {
      // The start mark is missing only when this module runs outside the page (tests).
    }
  }
  if (fresh && !markedFresh) {
    markedFresh = true;
    performance.mark(MARK_TRIAGE_FRESH);
  }
}
