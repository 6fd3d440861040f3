import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncSettings, syncSettingsInputSchema } from '../../lib/settings/sync';

describe('sync settings', () => {
  it.each([
    ['https://sync.example.com', 'https://sync.example.com'],
    ['  https://sync.example.com/baton/  ', 'https://sync.example.com/baton'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('accepts %j as %j', (input, url) => {
    expect(syncSettingsInputSchema.parse({ serverUrl: input, token: ' t ' })).toEqual({ serverUrl: url, token: 't' });
  });

  it.each([
    ['', 'enter the sync server URL'],
    ['sync.example.com', 'must be a URL such as https://sync.example.com'],
    ['ftp://sync.example.com', 'must start with http:// or https://'],
    ['https://me:secret@sync.example.com', 'must not contain a user name or password'],
  ])('refuses the URL %j: %s', (serverUrl, message) => {
    const r = syncSettingsInputSchema.safeParse({ serverUrl, token: 't' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it('refuses an empty token', () => {
    expect(syncSettingsInputSchema.safeParse({ serverUrl: 'https://s.example', token: '   ' }).error?.issues[0]?.message).toBe('paste the token your admin gave you');
  });

  it('reads nothing from a stored value that is not valid', async () => {
    fakeBrowser.reset();
    expect(await syncSettings.get()).toBeNull();
    await fakeBrowser.storage.local.set({ 'baton.sync': { serverUrl: 'javascript:alert(1)', token: 't' } });
    expect(await syncSettings.get()).toBeNull();
    await fakeBrowser.storage.local.set({ 'baton.sync': { serverUrl: 'https://s.example', token: 't', workspaceId: 'w' } });
    expect(await syncSettings.get()).toEqual({ serverUrl: 'https://s.example', token: 't', workspaceId: 'w' });
  });

});
