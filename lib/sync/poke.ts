/**
 * Live updates while an extension page is open: reads the server's `GET /v1/stream` server-sent events over fetch
 * (EventSource cannot send an Authorization header) and asks the background to sync on every `poke`. Reconnects with
 * backoff; everything stops with the caller's AbortSignal. A page that is closed needs nothing more: the background's
 * minute alarm keeps syncing.
 */
import { browser } from 'wxt/browser';
import { SyncClient, type FetchLike } from './client';
import { abortableSleep, backoffMs } from './backoff';
import { SyncProtocolError, SyncUnauthorizedError } from './errors';
import type { SyncNowMessage } from '../messages/sync';
import { syncSettings } from '../settings/sync';

/** One server-sent event. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Parse a server-sent event stream (the WHATWG "event stream" format: `event:` and `data:` lines, a blank line ends
 * an event, `:` lines are comments). Yields events as they complete.
 */
export async function* readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<ServerEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
        if (line === '') {
          if (data.length || event) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}

export interface PokeOptions {
  serverUrl: string;
  token: string;
  signal: AbortSignal;
  /** Called on every `poke`, and once per (re)connection, since pokes sent while disconnected were missed. */
  onPoke: () => void;
  /** Called when the server refuses the stream for good (401, 426): listening stops. */
  onStop?: (err: Error) => void;
  fetch?: FetchLike;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Listen for pokes until `signal` aborts, reconnecting with backoff (½ s doubling to 30 s, reset after a connection). */
export async function listenForPokes(options: PokeOptions): Promise<void> {
  const { signal } = options;
  const client = new SyncClient({ serverUrl: options.serverUrl, token: options.token, fetch: options.fetch });
  const sleep = options.sleep ?? abortableSleep;
  const policy = { baseMs: 500, maxMs: 30_000 };
  let failures = 0;
  while (!signal.aborted) {
    try {
      const body = await client.stream(signal);
      failures = 0;
      options.onPoke();
      for await (const ev of readEvents(body, signal)) if (ev.event === 'poke') options.onPoke();
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof SyncUnauthorizedError || err instanceof SyncProtocolError) {
        options.onStop?.(err);
        return;
      }
    }
    if (signal.aborted) return;
    try {
      await sleep(backoffMs(failures++, policy, options.random ?? Math.random), signal);
    } catch {
      return;
    }
  }
}

/**
 * For extension pages (panel, popup, dashboard): while the page is open and sync is set up, listen for pokes and
 * ask the background to sync. Only one open page holds the stream at a time (a Web Lock; the next page takes over
 * when it closes). Restarts when the settings change. Returns when `signal` aborts.
 */
export async function watchPokesFromPage(signal: AbortSignal): Promise<void> {
  const run = () => holdStream(signal);
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    try {
      await locks.request('baton-sync-poke', { signal }, run);
      return;
    } catch {
      // Aborted, or no Web Locks here: the in-page panel's frame is third-party on the CRM site, where Chromium
      // blocks storage-like APIs. Then this page holds its own stream.
      if (signal.aborted) return;
    }
  }
  await run();
}

async function holdStream(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const round = new AbortController();
    const stop = () => round.abort();
    signal.addEventListener('abort', stop, { once: true });
    const unwatch = syncSettings.watch(() => round.abort());
    try {
      const settings = await syncSettings.get();
      if (settings) {
        await listenForPokes({
          ...settings,
          signal: round.signal,
          onPoke: () => void askBackgroundToSync(),
        });
      }
      // Not set up, or refused for good: wait for the settings to change.
      if (!round.signal.aborted) await new Promise((resolve) => round.signal.addEventListener('abort', resolve, { once: true }));
    } finally {
      unwatch();
      signal.removeEventListener('abort', stop);
    }
  }
}

/** Ask the background to sync now; a missing background (extension reloading) is not an error here. */
export async function askBackgroundToSync(force = false): Promise<void> {
  const message: SyncNowMessage = { type: 'sync:now', ...(force ? { force } : {}) };
  await browser.runtime.sendMessage(message).catch(() => undefined);
}
