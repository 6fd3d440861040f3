/**
 * The panel's side of the host handshake, and how a side panel follows the active tab. No React here.
 *
 * Iframe mode (`panel.html#<nonce>` inside the CRM page): the content script posts `baton:hello` with a
 * `MessageChannel` port to this frame, targeted at the extension origin. We accept only a hello that comes from
 * `window.parent`, from a CRM origin (the embedding page's), carrying the nonce of our own `location.hash`, and
 * then talk over that port only. Page scripts can post to this frame (`window.frames[i]`), but they can neither
 * read the nonce nor reach the port, so a fake record posted to the window is ignored.
 *
 * Side-panel mode (`panel.html?mode=sidebar`): the background answers `baton:get-active-record` and broadcasts
 * `baton:active-record` whenever the active tab of a window shows another record.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  activeRecordChangedSchema,
  helloSchema,
  hostToPanelSchema,
  tabRecordSchema,
  whoAmIAnswerSchema,
  type HostToPanel,
  type PanelToHost,
  type TabRecord,
  type WhoAmIAnswer,
} from '../../lib/messages/panel';

/** Where this panel page runs: in the CRM page (`iframe`), the browser's side panel (`sidebar`), or alone (`page`). */
export type PanelMode = 'iframe' | 'sidebar' | 'page';

export const panelMode: PanelMode =
  new URLSearchParams(location.search).get('mode') === 'sidebar' ? 'sidebar' : window.parent !== window ? 'iframe' : 'page';

const nonce = location.hash.slice(1);
let port: MessagePort | undefined;
/** The latest record (or no-record) and the latest visibility, replayed to late subscribers. */
let lastRecord: HostToPanel | undefined;
let lastVisibility: HostToPanel | undefined;
const subscribers = new Set<(msg: HostToPanel) => void>();

/** The CRM hosts the content script runs on, from the manifest, so the list is written once (wxt.config.ts). */
function isCrmOrigin(origin: string): boolean {
  if (!origin.startsWith('https://')) return false;
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor !== undefined && ancestor !== origin) return false;
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  return patterns.some((p) => new MatchPattern(p).includes(`${origin}/`));
}

/**
 * Shows the panel's current record on its root element (`data-baton-record`, the JSON of the last record
 * message, or `none`): what the e2e tests assert before the UI renders it, and handy when debugging.
 */
export function reflectRecord(record: TabRecord): void {
  document.documentElement.dataset.batonRecord =
    record.type === 'baton:record' ? JSON.stringify({ ref: record.ref, title: record.title, stage: record.stage, isWonStage: record.isWonStage, pending: record.pending }) : 'none';
}

function deliver(msg: HostToPanel) {
  if (msg.type === 'baton:visibility') lastVisibility = msg;
  else {
    lastRecord = msg;
    reflectRecord(msg);
  }
  for (const s of subscribers) s(msg);
}

// Listen from the first moment the page runs: the hello is posted on the iframe's `load`, which may come before
// React mounts anything.
if (panelMode === 'iframe' && nonce) {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isCrmOrigin(event.origin)) return;
    const hello = helloSchema.safeParse(event.data);
    const offered = event.ports[0];
    if (!hello.success || hello.data.nonce !== nonce || !offered) return;
    port?.close();
    port = offered;
    port.onmessage = ({ data }) => {
      const msg = hostToPanelSchema.safeParse(data);
      if (msg.success) deliver(msg.data);
    };
  });
  // Escape collapses the panel unless something inside it (a dialog, a menu) handled the key first.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) port?.postMessage({ type: 'baton:set-open', open: false } satisfies PanelToHost);
  });
}

/** A connection to the CRM tab that hosts this panel iframe. */
export interface HostConnection {
  post(msg: PanelToHost): void;
  close(): void;
}

/**
 * Subscribes to what the host page tells the panel (`baton:record`, `baton:no-record`, `baton:visibility`). The
 * latest record and visibility are replayed at once, so a late subscriber misses nothing. Outside iframe mode nothing arrives.
 */
export function connectToHost(onMessage: (msg: HostToPanel) => void): HostConnection {
  subscribers.add(onMessage);
  if (lastRecord) onMessage(lastRecord);
  if (lastVisibility) onMessage(lastVisibility);
  return {
    post: (msg) => port?.postMessage(msg),
    close: () => void subscribers.delete(onMessage),
  };
}

/** Asks the host page to collapse the panel to its launcher (or to show it). */
export function setPanelOpen(open: boolean): void {
  port?.postMessage({ type: 'baton:set-open', open } satisfies PanelToHost);
}

/**
 * Side-panel mode: calls `onRecord` with the record of this window's active tab now and whenever it changes.
 * Returns the unsubscribe function.
 */
export function followActiveTab(onRecord: (record: TabRecord) => void): () => void {
  let windowId: number | undefined;
  let stopped = false;
  const show = (record: TabRecord) => {
    if (stopped) return;
    reflectRecord(record);
    onRecord(record);
  };
  const listener = (message: unknown) => {
    const msg = activeRecordChangedSchema.safeParse(message);
    if (msg.success && msg.data.windowId === windowId) show(msg.data.record);
  };
  browser.runtime.onMessage.addListener(listener);
  void (async () => {
    windowId = (await browser.windows.getCurrent()).id;
    if (windowId === undefined) return;
    const answer = tabRecordSchema.safeParse(await browser.runtime.sendMessage({ type: 'baton:get-active-record', windowId }).catch(() => null));
    show(answer.success ? answer.data : { type: 'baton:no-record' });
  })();
  return () => {
    stopped = true;
    browser.runtime.onMessage.removeListener(listener);
  };
}

let whoAmI: Promise<WhoAmIAnswer> | undefined;
let tabId: number | undefined;
/** The tab this iframe panel lives in (asked of the background once, up front, so openSidePanel stays synchronous). */
function askWhoAmI(): Promise<WhoAmIAnswer> {
  whoAmI ??= browser.runtime
    .sendMessage({ type: 'baton:whoami' })
    .then((a) => whoAmIAnswerSchema.parse(a))
    .catch(() => null);
  return whoAmI.then((a) => ((tabId = a?.tabId), a));
}
if (panelMode === 'iframe') void askWhoAmI();

/**
 * The tab whose CRM page this panel is about: its own tab in the page, the window's active tab in the side panel.
 * Undefined when there is none (the panel opened as a page of its own).
 */
export async function hostTabId(): Promise<number | undefined> {
  if (panelMode === 'iframe') return (await askWhoAmI())?.tabId;
  if (panelMode === 'page') return undefined;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/**
 * Opens Baton in the browser's own side panel and collapses the in-page one. Call it straight from a click or
 * key handler: Chrome's `sidePanel.open` and Firefox's `sidebarAction.open` need the user's gesture, which an
 * `await` before them would lose. Resolves false when the browser has no side panel for us.
 */
export async function openSidePanel(): Promise<boolean> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (chromeSidePanel && tabId !== undefined) await chromeSidePanel.open({ tabId });
    else if (firefoxSidebar) await firefoxSidebar.open();
    else return false;
  } catch {
    return false;
  }
  setPanelOpen(false);
  return true;
}
