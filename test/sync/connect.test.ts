import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncNetworkError, SyncUnauthorizedError } from '../../lib/sync/errors';
import {
  bindingOf,
  explainConnectionError,
  loadSyncSettings,
  originPattern,
  SETTINGS_KEY,
  syncSettingsInputSchema,
} from '../../lib/sync/connect';

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

  it('asks for the server’s origin only', () => {
    expect(originPattern('https://sync.example.com/baton')).toBe('https://sync.example.com/*');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });

  it('ties the install’s sync identity to the server and workspace', () => {
    expect(bindingOf({ serverUrl: 'https://s.example', token: 't', workspaceId: 'w1' })).toBe('https://s.example#w1');
    expect(bindingOf({ serverUrl: 'https://s.example', token: 't' })).toBe('https://s.example');
  });

  it('reads nothing from a stored value that is not valid', async () => {
    fakeBrowser.reset();
    expect(await loadSyncSettings()).toBeNull();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { serverUrl: 'javascript:alert(1)', token: 't' } });
    expect(await loadSyncSettings()).toBeNull();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { serverUrl: 'https://s.example', token: 't', workspaceId: 'w' } });
    expect(await loadSyncSettings()).toEqual({ serverUrl: 'https://s.example', token: 't', workspaceId: 'w' });
  });

  it('explains a failed connection test in one sentence', () => {
    expect(explainConnectionError(new SyncUnauthorizedError('GET x', 401, 'unauthorized', null))).toBe('The server did not accept this token. Check that you pasted all of it.');
    expect(explainConnectionError(new SyncNetworkError('GET x', new TypeError('fetch failed')))).toBe('No answer from that URL. Check the address and that the server is running.');
  });
});
