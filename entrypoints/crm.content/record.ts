import { readPage, readPageFacts } from '../../lib/crm/read';
import type { CrmRecordRef, PageFacts } from '../../lib/crm/types';
import type { RecordMessage } from '../../lib/messages/panel';

/** How often, at most, a changing page is read again (ms): the Path re-renders in bursts. */
const REREAD_MS = 250;

/** Resolves at the next change under `target` (or after `ms`); rejects when `signal` aborts. */
function nextChange(target: Node, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    };
    const abort = () => (done(), reject(signal.reason));
    const observer = new MutationObserver(() => (done(), resolve()));
    const timer = setTimeout(() => (done(), resolve()), ms);
    signal.addEventListener('abort', abort);
    observer.observe(target, { childList: true, subtree: true });
  });
}

/**
 * Follows one record view until `signal` aborts (navigation, context invalidated): posts the ref at once
 * (`pending`, so the panel can look the record up while the page renders), then the page facts once read,
 * then again whenever the title, stage or account changes on the page (the deal moves to Closed Won on the Path).
 * After an SPA navigation the previous record's DOM is still on screen, so reading waits for the page to change.
 */
export async function watchRecord(
  ref: CrmRecordRef,
  spa: boolean,
  signal: AbortSignal,
  post: (msg: RecordMessage) => void,
): Promise<void> {
  let last = '';
  const send = (facts: PageFacts, pending: boolean) => {
    const key = JSON.stringify([facts.title, facts.stage, facts.isWonStage, facts.account, pending]);
    if (key === last || signal.aborted) return;
    last = key;
    post({ type: 'baton:record', ref, crmOrigin: location.origin, pending, ...facts });
  };
  send({ title: null, stage: null, isWonStage: null, account: null }, true);
  try {
    if (spa) await nextChange(document.body, 1500, signal);
    send(await readPageFacts(ref, document, { signal }), false);
  } catch {
    return; // aborted: a newer view owns the panel
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      send(readPage(ref, document), false);
    }, REREAD_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'hidden', 'title', 'data-label', 'aria-current', 'data-selected-stage'] });
  signal.addEventListener('abort', () => (observer.disconnect(), clearTimeout(timer)), { once: true });
}
