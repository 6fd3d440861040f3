import { detectRecord } from '../../lib/crm/detect';
import type { BackgroundToContent, TabRecord } from '../../lib/messages/panel';
import { CRM_MATCHES } from './matches';
import { mountDock, type Dock } from './dock';
import { outlineFor } from './report';
import { watchRecord } from './record';

/**
 * The content script: small and dumb (ARCHITECTURE.md). It runs on whole CRM hosts, decides in code whether the
 * page is a record (on load and on every SPA navigation), mounts the panel iframe once per tab, and posts the
 * record to it and, for the side panel, to the background. No React, Dexie or zod: every byte loads on every page.
 */
export default defineContentScript({
  matches: CRM_MATCHES,
  main(ctx) {
    let dock: Dock | undefined;
    let view: AbortController | undefined;
    let current: TabRecord = { type: 'baton:no-record' };
    let viewKey = '';

    // "Extension context invalidated" (the extension was updated or reloaded): `ctx.isValid` notices it and
    // invalidates the context, which tears everything down quietly (see onInvalidated below).
    const alive = () => ctx.isValid;
    const publish = (record: TabRecord) => {
      current = record;
      dock?.post(record);
      dock?.place();
      if (alive()) browser.runtime.sendMessage({ type: 'baton:tab-record', record }).catch(alive);
    };
    const show = (url: string, spa: boolean) => {
      if (!alive()) return;
      const ref = detectRecord(url);
      const key = ref ? `${ref.crm}/${ref.instance}/${ref.objectName}/${ref.id}` : '';
      // Same record, other URL (a tab of the record page, a tracking query, a hash): keep following it.
      if (key && key === viewKey) return;
      viewKey = key;
      view?.abort();
      if (!ref) {
        dock?.setRecordPage(false);
        if (current.type !== 'baton:no-record') publish({ type: 'baton:no-record' });
        return;
      }
      dock ??= mountDock(ref.crm, alive);
      dock.setRecordPage(true);
      view = new AbortController();
      void watchRecord(ref, spa, view.signal, publish);
    };

    // Answered with sendResponse, synchronously: this script runs without webextension-polyfill (see wxt.config.ts),
    // and Chrome's own onMessage does not take a returned promise everywhere yet.
    const onMessage = (msg: BackgroundToContent, _sender: unknown, respond: (answer: unknown) => void) => {
      if (msg?.type === 'baton:get-record') respond(current);
      // The panel's "Copy a layout report": an outline of this page's elements, never its text (lib/crm/outline.ts).
      if (msg?.type === 'baton:layout-outline') respond(current.type === 'baton:record' ? outlineFor(current.ref.crm) : null);
      if (msg?.type !== 'baton:toggle') return;
      if (dock && current.type === 'baton:record') dock.setOpen(!dock.open, true);
      respond(dock && current.type === 'baton:record' ? { open: dock.open } : null);
    };
    browser.runtime.onMessage.addListener(onMessage as never);
    ctx.onInvalidated(() => {
      view?.abort();
      dock?.remove();
      try {
        browser.runtime.onMessage.removeListener(onMessage as never);
      } catch {
        // the runtime is already gone
      }
    });
    // An updated or reloaded extension leaves this script orphaned, with a dead panel on screen; Chrome tells no
    // one, so look every few seconds (ctx.setInterval checks the context before each tick and tears down).
    ctx.setInterval(() => undefined, 5_000);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => show(newUrl.href, true));
    show(location.href, false);
  },
});
