/**
 * Reaching into the dock the content script mounts on CRM pages. It lives in a CLOSED shadow root, which neither
 * page scripts nor Playwright selectors can enter; the DevTools protocol can (`DOM.getDocument` with `pierce`).
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the content script has mounted on a page. */
export interface DockState {
  /** `<baton-panel>` host elements in the page (must stay 1 once mounted, 0 before). */
  hosts: number;
  /** Panel iframes inside those hosts (must stay 1). */
  iframes: number;
  /** The panel iframe's box, null while hidden. */
  panel: Box | null;
  /** The launcher button's box, null while hidden. */
  launcher: Box | null;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  return session;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

async function find(page: Page): Promise<{ session: CDPSession; hosts: DomNode[]; iframes: DomNode[]; buttons: DomNode[] }> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const hosts = [...walk(root)].filter((n) => n.nodeName === 'BATON-PANEL');
  const inside = hosts.flatMap((h) => (h.shadowRoots ?? []).flatMap((r) => [...walk(r)]));
  return {
    session,
    hosts,
    iframes: inside.filter((n) => n.nodeName === 'IFRAME'),
    buttons: inside.filter((n) => n.nodeName === 'BUTTON'),
  };
}

async function box(session: CDPSession, node: DomNode | undefined): Promise<Box | null> {
  if (!node) return null;
  try {
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[]; width: number; height: number } };
    if (!model.width || !model.height) return null;
    return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
  } catch {
    return null; // display: none has no box
  }
}

/** Counts and boxes of the dock's host, iframe and launcher. */
export async function dockState(page: Page): Promise<DockState> {
  const { session, hosts, iframes, buttons } = await find(page);
  return { hosts: hosts.length, iframes: iframes.length, panel: await box(session, iframes[0]), launcher: await box(session, buttons[0]) };
}

/** Moves keyboard focus onto the launcher button (as Tab would), for keyboard tests. */
export async function focusLauncher(page: Page): Promise<void> {
  const { session, buttons } = await find(page);
  if (!buttons[0]) throw new Error('no launcher on this page');
  await session.send('DOM.focus', { nodeId: buttons[0].nodeId });
}

/** Polls `dockState` until `predicate` holds; returns that state. */
export async function waitForDock(page: Page, predicate: (s: DockState) => boolean, timeoutMs = 5_000): Promise<DockState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await dockState(page);
    if (predicate(state)) return state;
    if (Date.now() > deadline) throw new Error(`dock never reached the expected state; last: ${JSON.stringify(state)}`);
    await page.waitForTimeout(50);
  }
}
