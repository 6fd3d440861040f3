import type { ReadOptions } from './types';

/** How long a page reader waits for a late-rendered record page before it settles for what it has. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The reason a wait rejects when its signal aborts without giving one. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The page read was aborted.', 'AbortError');
}

/**
 * Reads `read()` now and again after every DOM change until `isComplete` accepts the value, then
 * resolves with it. CRM pages render records long after `load` (Lightning, HubSpot and Dynamics are
 * single-page apps, and `wxt:locationchange` fires before the new DOM exists), so a single read is
 * not enough. On timeout it resolves with the last value read (partial facts beat none); when the
 * signal aborts it rejects with the signal's reason. In every case the observer is disconnected,
 * the timer cleared and the abort listener removed, so nothing keeps running after a navigation.
 */
export function waitForPage<T>(
  doc: Document,
  read: () => T,
  isComplete: (value: T) => boolean,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS }: ReadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    let last = read();
    if (isComplete(last)) return resolve(last);

    const Observer: typeof MutationObserver = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(abortReason(signal!));
    };
    const observer = new Observer(() => {
      last = read();
      if (isComplete(last)) {
        stop();
        resolve(last);
      }
    });
    const timer = setTimeout(() => {
      stop();
      resolve(last);
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    observer.observe(doc.documentElement ?? doc, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
  });
}
