/**
 * Performance marks the popup benchmark reads (bench/popup.bench.ts): `baton:form-focused` when the title has the
 * focus, `baton:interactive` when, in addition, the client search is ready, `baton:queue-ready` when my queue is
 * first shown, and `baton:search-cached` when the fresh search index was written to its cache. Each is set once per page load, and
 * mirrored on `<html data-baton-interactive>` so tests can wait for it.
 */
import { markOnce as mark } from '../../lib/perf/marks';

export function markOnce(name: string): void {
  if (mark(name) && name === 'baton:interactive') document.documentElement.dataset.batonInteractive = String(Math.round(performance.now()));
}
