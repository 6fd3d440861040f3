/**
 * Which CRM record the user was looking at when they opened the popup.
 *
 * The popup asks the tab's content script directly (`baton:get-record`, the same question the background's
 * `activeRecord` asks), so there is no state to keep in the service worker and no extra background handler.
 * Which tab: the toolbar popup is not a tab, so it is the window's active tab. When popup.html is open as a tab
 * itself (tests, "open in tab", keyboard users who pinned it), the active tab is the popup: then it is the most
 * recently used *other* tab of the same window (`lastAccessed`, Chrome 121+ and Firefox; no "tabs" permission
 * needed for it). Only that one tab is asked: an older CRM tab behind a non-CRM active tab is not what the user is
 * looking at.
 */
import { browser, type Browser } from 'wxt/browser';

type TabLike = Pick<Browser.tabs.Tab, 'id' | 'active' | 'lastAccessed'>;

/** The tab whose record pre-fills the popup: the active tab, or the last used other tab when the popup is a tab. */
export function pickRecordTab<T extends TabLike>(tabs: readonly T[], selfTabId: number | undefined): T | null {
  const others = tabs.filter((t) => t.id !== undefined && t.id !== selfTabId);
  if (selfTabId === undefined) return others.find((t) => t.active) ?? null;
  let best: T | null = null;
  for (const t of others) if (!best || (t.lastAccessed ?? 0) > (best.lastAccessed ?? 0)) best = t;
  return best;
}

/**
 * Ask the chosen tab's content script what it shows: its raw answer, to validate with `tabRecordSchema` (the popup
 * does that once its data layer, with zod, has loaded: this runs on the first bundle's path). Undefined when there is
 * no answer (any non-CRM page has no content script) or it takes longer than `timeoutMs`.
 */
export async function askActiveTab(timeoutMs = 400): Promise<unknown> {
  try {
    const self = await browser.tabs.getCurrent();
    const tabs = await browser.tabs.query(self ? { windowId: self.windowId } : { currentWindow: true });
    const tab = pickRecordTab(tabs, self?.id);
    if (tab?.id === undefined) return undefined;
    return await Promise.race([
      browser.tabs.sendMessage(tab.id, { type: 'baton:get-record' }, { frameId: 0 }).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, timeoutMs)),
    ]);
  } catch {
    return undefined;
  }
}
