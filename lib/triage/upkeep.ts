/**
 * Keeps the dashboard's triage summaries (`lib/triage/store.ts`) built when nothing else would: after Baton is
 * installed or updated, when they are missing or from an older version, the background builds them all (seconds for
 * a large portfolio), so the first dashboard open does not. Writes keep them current from then on.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import type { BatonDb } from '../db/schema';
import { refreshTriage } from './store';

/** Registers the listener; call synchronously at the top of the background's main (MV3 wakes on it). */
export function registerTriageUpkeep(options: { db?: BatonDb } = {}): void {
  browser.runtime.onInstalled.addListener(() => {
    void refreshTriage(options.db ?? getDb()).catch((err: unknown) => {
      console.warn('Baton could not prepare the triage:', err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error');
    });
  });
}
