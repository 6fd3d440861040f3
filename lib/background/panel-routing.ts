/**
 * The background's part in showing the panel: the `toggle-panel` keyboard command, the browser side panel's
 * behaviour, and relaying the active tab's record to side panels. Stateless (MV3 stops the worker at will):
 * every answer is asked of the tab's content script again.
 */
import type { Browser } from 'wxt/browser';
import {
  panelRuntimeMessageSchema,
  tabRecordSchema,
  TOGGLE_PANEL_COMMAND,
  type ActiveRecordChanged,
  type BackgroundToContent,
  type TabRecord,
  type WhoAmIAnswer,
} from '../messages/panel';

const NO_RECORD: TabRecord = { type: 'baton:no-record' };

/** Sends a message to a tab's top-frame content script; resolves undefined when no content script listens there. */
async function toTab(tabId: number, msg: BackgroundToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, msg, { frameId: 0 }).catch(() => undefined);
}

/**
 * The `toggle-panel` command: asks the content script of `tab` (the active tab when the command fires) to open
 * or collapse its panel. Resolves with the content script's answer (`{ open }`, or null off record pages).
 */
export async function togglePanelInTab(tab?: Browser.tabs.Tab): Promise<unknown> {
  const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return id === undefined ? undefined : toTab(id, { type: 'baton:toggle' });
}

/** What the active tab of `windowId` shows, asked of its content script (no content script: no record). */
export async function activeRecord(windowId: number): Promise<TabRecord> {
  const [tab] = await browser.tabs.query({ active: true, windowId });
  if (tab?.id === undefined) return NO_RECORD;
  const answer = tabRecordSchema.safeParse(await toTab(tab.id, { type: 'baton:get-record' }));
  return answer.success ? answer.data : NO_RECORD;
}

/** Tells every open side panel what the active tab of `windowId` now shows (none open: nothing to do). */
function broadcast(windowId: number, record: TabRecord): void {
  const msg: ActiveRecordChanged = { type: 'baton:active-record', windowId, record };
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

/** Answers the panel feature's runtime messages; returns undefined for messages it does not own. */
function onRuntimeMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  const parsed = panelRuntimeMessageSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  switch (msg.type) {
    case 'baton:tab-record':
      // A content script's record changed: relay it if its tab is the one a side panel shows.
      if (sender.tab?.active && sender.frameId === 0) broadcast(sender.tab.windowId, msg.record);
      return undefined;
    case 'baton:get-active-record':
      return activeRecord(msg.windowId);
    case 'baton:whoami': {
      const tab = sender.tab;
      const answer: WhoAmIAnswer = tab?.id === undefined ? null : { tabId: tab.id, windowId: tab.windowId };
      return Promise.resolve(answer);
    }
  }
}

/**
 * Chrome: the toolbar button keeps its popup; the side panel opens from the panel's own "open in side panel"
 * action (`chrome.sidePanel.open`, called from the panel page with the user's gesture). Firefox declares
 * `sidebar_action` in the manifest and needs nothing here.
 */
function configureSidePanel(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(b: object): Promise<void> } } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}

/** Registers the panel's listeners; call synchronously at the top of the background's main (MV3 wakes on them). */
export function registerPanelRouting(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_PANEL_COMMAND) void togglePanelInTab(tab);
  });
  browser.runtime.onMessage.addListener(onRuntimeMessage);
  browser.tabs.onActivated.addListener(({ windowId }) => {
    void activeRecord(windowId).then((record) => broadcast(windowId, record));
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    // A full load of the active tab, CRM or not: content scripts report records themselves, this catches the rest.
    if (change.status === 'complete' && tab.active) void activeRecord(tab.windowId).then((record) => broadcast(tab.windowId, record));
  });
  configureSidePanel();
}
