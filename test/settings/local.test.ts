import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_LOCAL_SETTINGS,
  SALESFORCE_PERMISSIONS,
  changeLocalSettings,
  disableReadFromSalesforce,
  enableReadFromSalesforce,
  localSettings,
} from '../../lib/settings/local';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('local settings', () => {
  it('defaults to the docked page panel with Salesforce reading off', async () => {
    expect(await localSettings.get()).toEqual(DEFAULT_LOCAL_SETTINGS);
  });

  it('saves a change and keeps the rest', async () => {
    await changeLocalSettings({ dockMode: 'sidepanel' });
    expect(await localSettings.get()).toEqual({ dockMode: 'sidepanel', readFromSalesforce: false });
  });

  it('falls back to the defaults for a stored value it cannot read', async () => {
    await browser.storage.local.set({ 'baton.localSettings': { dockMode: 'floating' } });
    expect(await localSettings.get()).toEqual(DEFAULT_LOCAL_SETTINGS);
  });

  it('refuses an invalid change', async () => {
    await expect(changeLocalSettings({ dockMode: 'floating' as never })).rejects.toThrow();
  });

  it('turns Salesforce reading on only when the browser grants the permissions', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValueOnce(false as never).mockResolvedValueOnce(true as never);
    expect(await enableReadFromSalesforce()).toBe(false);
    expect((await localSettings.get()).readFromSalesforce).toBe(false);
    expect(await enableReadFromSalesforce()).toBe(true);
    expect((await localSettings.get()).readFromSalesforce).toBe(true);
    expect(request).toHaveBeenCalledWith(SALESFORCE_PERMISSIONS);
  });

  it('turning it off gives the permissions back', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    await disableReadFromSalesforce();
    expect((await localSettings.get()).readFromSalesforce).toBe(false);
    expect(remove).toHaveBeenCalledWith(SALESFORCE_PERMISSIONS);
  });
});
