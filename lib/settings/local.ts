/**
 * This browser's own settings (not synced): where the panel docks, and whether Baton may read records from
 * Salesforce's REST API. Kept in `browser.storage.local` under one key and validated on every read, so a value
 * written by an older version (or by hand) falls back to the defaults instead of breaking a page.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const DOCK_MODES = ['page', 'sidepanel'] as const;
export type DockMode = (typeof DOCK_MODES)[number];

export const localSettingsSchema = z.object({
  /** `page`: the panel is an iframe docked on the CRM page; `sidepanel`: the browser's side panel. */
  dockMode: z.enum(DOCK_MODES).default('page'),
  /** Read stages and contacts from the Salesforce REST API (needs the optional permissions below). */
  readFromSalesforce: z.boolean().default(false),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;

export const LOCAL_SETTINGS_KEY = 'baton.localSettings';
export const DEFAULT_LOCAL_SETTINGS: LocalSettings = { dockMode: 'page', readFromSalesforce: false };

/**
 * What "read from Salesforce" asks for: the `sid` cookie of the org's API host and that host itself. Optional in
 * the manifest, asked for only when the user turns the toggle on.
 */
export const SALESFORCE_PERMISSIONS: Parameters<typeof browser.permissions.request>[0] = {
  permissions: ['cookies'],
  origins: ['https://*.my.salesforce.com/*'],
};

/** The saved settings, or the defaults for anything missing or invalid. */
export async function getLocalSettings(): Promise<LocalSettings> {
  const stored = (await browser.storage.local.get(LOCAL_SETTINGS_KEY))[LOCAL_SETTINGS_KEY];
  const parsed = localSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_LOCAL_SETTINGS;
}

/** Change some settings (validated; the rest kept). */
export async function saveLocalSettings(change: Partial<LocalSettings>): Promise<LocalSettings> {
  const next = localSettingsSchema.parse({ ...(await getLocalSettings()), ...change });
  await browser.storage.local.set({ [LOCAL_SETTINGS_KEY]: next });
  return next;
}

/**
 * Turn "read from Salesforce" on. Call it straight from the click handler: the browser grants a permission request
 * only during a user gesture, so `permissions.request` is the first thing it awaits. Returns whether it is now on.
 */
export async function enableReadFromSalesforce(): Promise<boolean> {
  const granted: boolean = await browser.permissions.request(SALESFORCE_PERMISSIONS);
  if (granted) await saveLocalSettings({ readFromSalesforce: true });
  return granted;
}

/** Turn it off and give the permissions back. */
export async function disableReadFromSalesforce(): Promise<void> {
  await saveLocalSettings({ readFromSalesforce: false });
  try {
    await browser.permissions.remove(SALESFORCE_PERMISSIONS);
  } catch {
    // Firefox refuses to remove a permission another part of the extension still relies on; keeping it is harmless.
  }
}

/** The settings, kept current when another page changes them; `undefined` while loading. */
export function useLocalSettings(): LocalSettings | undefined {
  const [settings, setSettings] = useState<LocalSettings>();
  useEffect(() => {
    let live = true;
    void getLocalSettings().then((s) => live && setSettings(s));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(LOCAL_SETTINGS_KEY in changes)) return;
      const parsed = localSettingsSchema.safeParse(changes[LOCAL_SETTINGS_KEY]?.newValue ?? {});
      setSettings(parsed.success ? parsed.data : DEFAULT_LOCAL_SETTINGS);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  return settings;
}
