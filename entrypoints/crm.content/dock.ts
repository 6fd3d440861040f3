import type { CrmKind } from '../../lib/crm/types';
import type { HostToPanel, PanelToHost } from '../../lib/messages/panel';
import { LAYOUTS, OVERLAY_BELOW, PANEL_WIDTH } from './layout';
import { loadDock, saveDock, type DockPrefs } from './prefs';

/** The panel docked on the CRM page: shown on record pages, hidden elsewhere, open or collapsed to a launcher. */
export interface Dock {
  /** Show (record page) or hide (any other page) the panel and its launcher. */
  setRecordPage(on: boolean): void;
  /** Open or collapse the panel; `focus` moves keyboard focus into the panel or onto the launcher. */
  setOpen(open: boolean, focus?: boolean): void;
  readonly open: boolean;
  /** Post to the panel; the last record is re-sent whenever the panel (re)connects. */
  post(msg: HostToPanel): void;
  /** Measure the CRM header again (it may render after the record). */
  place(): void;
  remove(): void;
}

const STYLE = `:host{all:initial!important}
iframe{position:fixed;right:0;box-sizing:border-box;z-index:2147483646;width:${PANEL_WIDTH}px;max-width:100vw;border:0;border-left:1px solid #c9c9c9;background:#fff;color-scheme:light}
iframe.o{box-shadow:-4px 0 16px rgba(0,0,0,.18)}
button{position:fixed;right:0;z-index:2147483646;writing-mode:vertical-rl;padding:12px 5px;border:1px solid #0176d3;border-right:0;border-radius:6px 0 0 6px;background:#0176d3;color:#fff;font:600 12px/1 system-ui,sans-serif;letter-spacing:.04em;cursor:grab;touch-action:none;user-select:none}
button:focus-visible{outline:2px solid #1b1b1b;outline-offset:2px}
[hidden]{display:none!important}`;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), props);

/**
 * `alive()` is the content script context's validity check (it tears everything down once the extension is gone).
 *
 * Mounts the panel once per tab: a host element with a CLOSED shadow root (page scripts cannot reach the
 * iframe or the launcher), the panel iframe at `panel.html#<nonce>`, and a launcher tab. After every iframe
 * load a fresh `MessageChannel` port goes to the panel in `baton:hello` (target origin: the extension), so
 * only the panel, which knows the nonce, ever talks to us.
 */
export function mountDock(crm: CrmKind, alive: () => boolean): Dock {
  const layout = LAYOUTS[crm];
  const extOrigin = new URL(browser.runtime.getURL('/')).origin;
  const nonce = crypto.randomUUID();
  const host = el('baton-panel' as 'div', {});
  const root = host.attachShadow({ mode: 'closed' });
  // `clipboard-write`: the panel's "Copy a layout report" (a cross-origin frame may not write the clipboard otherwise).
  const frame = el('iframe', { title: 'Baton', allow: 'clipboard-write', src: `${browser.runtime.getURL('/panel.html')}#${nonce}` });
  const launcher = el('button', { type: 'button', textContent: 'Baton', title: 'Show Baton (Alt+Shift+B)' });
  // Pushes the CRM's content left; a style rule rather than an inline style so re-rendered containers keep it.
  const push = el('style', {});
  root.append(el('style', { textContent: STYLE }), frame, launcher);

  let prefs: DockPrefs = { open: true, y: null };
  let onRecord = false;
  let ready = false;
  let port: MessagePort | undefined;
  let last: HostToPanel | undefined;
  let top = layout.top;

  const send = (msg: HostToPanel) => port?.postMessage(msg);
  const render = () => {
    const show = onRecord && ready;
    const overlay = innerWidth < OVERLAY_BELOW;
    frame.hidden = !show || !prefs.open;
    launcher.hidden = !show || prefs.open;
    frame.className = overlay ? 'o' : '';
    frame.style.top = `${top}px`;
    frame.style.height = `calc(100vh - ${top}px)`;
    const y = Math.max(top, Math.min(prefs.y ?? top + 160, innerHeight - launcher.offsetHeight - 8));
    launcher.style.top = `${y}px`;
    push.textContent = show && prefs.open && !overlay ? `${layout.push}{margin-right:${PANEL_WIDTH}px!important}` : '';
  };
  const place = () => {
    let bottom = 0;
    for (const h of document.querySelectorAll(layout.header)) bottom = Math.max(bottom, h.getBoundingClientRect().bottom);
    top = Math.round(bottom > 0 ? bottom : layout.top);
    render();
  };
  const save = () => void saveDock(crm, prefs).catch(alive);
  const setOpen = (open: boolean, focus = false) => {
    if (open === prefs.open) return;
    prefs = { ...prefs, open };
    render();
    save();
    send({ type: 'baton:visibility', open });
    if (focus) (open ? frame : launcher).focus();
  };

  frame.addEventListener('load', () => {
    port?.close();
    // The extension was reloaded or updated: its frames die with it, and this script is an orphan (the
    // teardown runs from the context's invalidation).
    if (!alive()) return;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = ({ data }: MessageEvent<PanelToHost>) => {
      if (data?.type === 'baton:set-open') setOpen(data.open === true, true);
    };
    frame.contentWindow?.postMessage({ type: 'baton:hello', nonce }, extOrigin, [channel.port2]);
    if (last) send(last);
    send({ type: 'baton:visibility', open: prefs.open });
  });

  // Launcher: click opens; drag (pointer) or arrow keys move it up and down, remembered per CRM.
  let drag: { y0: number; top0: number; moved: boolean } | undefined;
  let dragged = false;
  const moveTo = (y: number) => {
    prefs = { ...prefs, y: Math.round(y) };
    render();
  };
  launcher.onpointerdown = (e) => {
    if (e.button) return;
    drag = { y0: e.clientY, top0: launcher.getBoundingClientRect().top, moved: false };
    launcher.setPointerCapture(e.pointerId);
  };
  launcher.onpointermove = (e) => {
    if (!drag) return;
    const dy = e.clientY - drag.y0;
    if (Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) moveTo(drag.top0 + dy);
  };
  launcher.onpointerup = launcher.onpointercancel = () => {
    dragged = !!drag?.moved;
    if (dragged) save();
    drag = undefined;
  };
  launcher.onclick = () => {
    if (!dragged) setOpen(true, true);
    dragged = false;
  };
  launcher.onkeydown = (e) => {
    const step = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (!step) return;
    e.preventDefault();
    moveTo(launcher.getBoundingClientRect().top + step * (e.shiftKey ? 64 : 16));
    save();
  };

  let raf = 0;
  const onResize = () => {
    cancelAnimationFrame(raf);
    raf = requestAnimationFrame(place);
  };
  addEventListener('resize', onResize);
  (document.head ?? document.documentElement).append(push);
  document.documentElement.append(host);
  loadDock(crm)
    .then((p) => {
      prefs = p;
      ready = true;
      place();
    })
    .catch(alive);

  return {
    setRecordPage(on) {
      onRecord = on;
      place();
    },
    setOpen,
    get open() {
      return prefs.open;
    },
    post(msg) {
      last = msg;
      send(msg);
    },
    place,
    remove() {
      removeEventListener('resize', onResize);
      port?.close();
      host.remove();
      push.remove();
    },
  };
}
