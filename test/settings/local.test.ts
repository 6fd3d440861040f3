import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_LOCAL_SETTINGS,
  LOCAL_SETTINGS_KEY,
  SALESFORCE_PERMISSIONS,
  disableReadFromSalesforce,
  enableReadFromSalesforce,
  getLocalSettings,
  saveLocalSettings,
} from '../../lib/settings/local';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('local settings', () => {
  it('defaults to the docked page panel with Salesforce reading off', async () => {
    expect(await getLocalSettings()).toEqual(DEFAULT_LOCAL_SETTINGS);
  });

  it('saves a change and keeps the rest', async () => {
    await saveLocalSettings({ dockMode: 'sidepanel' });
    expect(await getLocalSettings()).toEqual({ dockMode: 'sidepanel', readFromSalesforce: false });
  });

  it('falls back to the defaults for a stored value it cannot read', async () => {
    await browser.storage.local.set({ [LOCAL_SETTINGS_KEY]: { dockMode: 'floating' } });
    expect(await getLocalSettings()).toEqual(DEFAULT_LOCAL_SETTINGS);
  });

  it('refuses an invalid change', async () => {
    await expect(saveLocalSettings({ dockMode: 'floating' as never })).rejects.toThrow();
  });

  it('turns Salesforce reading on only when the browser grants the permissions', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValueOnce(false as never).mockResolvedValueOnce(true as never);
    expect(await enableReadFromSalesforce()).toBe(false);
    expect((await getLocalSettings()).readFromSalesforce).toBe(false);
    expect(await enableReadFromSalesforce()).toBe(true);
    expect((await getLocalSettings()).readFromSalesforce).toBe(true);
    expect(request).toHaveBeenCalledWith(SALESFORCE_PERMISSIONS);
  });

  it('turning it off gives the permissions back', async () => {
    await saveLocalSettings({ readFromSalesforce: true });
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    await disableReadFromSalesforce();
    expect((await getLocalSettings()).readFromSalesforce).toBe(false);
    expect(remove).toHaveBeenCalledWith(SALESFORCE_PERMISSIONS);
  });
});
