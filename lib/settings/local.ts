/**
 * This browser's own settings (not synced): where the panel docks, and whether Baton may read records from
 * Salesforce's REST API. Kept as one setting (`lib/settings/item.ts`), so a value written by an older version (or by hand) reads as the
 * defaults instead of breaking a page.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { defineSetting } from './item';

export const DOCK_MODES = ['page', 'sidepanel'] as const;
export type DockMode = (typeof DOCK_MODES)[number];

export const localSettingsSchema = z.object({
  /** `page`: the panel is an iframe docked on the CRM page; `sidepanel`: the browser's side panel. */
  dockMode: z.enum(DOCK_MODES).default('page'),
  /** Read stages and contacts from the Salesforce REST API (needs the optional permissions below). */
  readFromSalesforce: z.boolean().default(false),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;

/** Every page's defaults. */
export const DEFAULT_LOCAL_SETTINGS: LocalSettings = { dockMode: 'page', readFromSalesforce: false };

/** This browser's settings (`baton.localSettings`). */
export const localSettings = defineSetting('local:baton.localSettings', localSettingsSchema, { fallback: DEFAULT_LOCAL_SETTINGS });

/** Change some settings (validated; the rest kept). */
export async function changeLocalSettings(change: Partial<LocalSettings>): Promise<LocalSettings> {
  return localSettings.set({ ...(await localSettings.get()), ...change });
}

/**
 * What "read from Salesforce" asks for: the `sid` cookie of the org's API host and that host itself. Optional in
 * the manifest, asked for only when the user turns the toggle on.
 */
export const SALESFORCE_PERMISSIONS: Parameters<typeof browser.permissions.request>[0] = {
  permissions: ['cookies'],
  origins: ['https://*.my.salesforce.com/*'],
};

/**
 * Turn "read from Salesforce" on. Call it straight from the click handler: the browser grants a permission request
 * only during a user gesture, so `permissions.request` is the first thing it awaits. Returns whether it is now on.
 */
export async function enableReadFromSalesforce(): Promise<boolean> {
  const granted: boolean = await browser.permissions.request(SALESFORCE_PERMISSIONS);
  if (granted) await changeLocalSettings({ readFromSalesforce: true });
  return granted;
}

/** Turn it off and give the permissions back. */
export async function disableReadFromSalesforce(): Promise<void> {
  await changeLocalSettings({ readFromSalesforce: false });
  try {
    await browser.permissions.remove(SALESFORCE_PERMISSIONS);
  } catch {
    // Firefox refuses to remove a permission another part of the extension still relies on; keeping it is harmless.
  }
}
