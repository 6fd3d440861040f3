import { describe, expect, it } from 'vitest';
import { SyncNetworkError, SyncUnauthorizedError } from '../../lib/sync/errors';
import { bindingOf, explainConnectionError, originPattern } from '../../lib/sync/connect';

describe('connecting to a sync server', () => {
  it('asks for the server’s origin only', () => {
    expect(originPattern('https://sync.example.com/baton')).toBe('https://sync.example.com/*');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });

  it('ties the install’s sync identity to the server and workspace', () => {
    expect(bindingOf({ serverUrl: 'https://s.example', token: 't', workspaceId: 'w1' })).toBe('https://s.example#w1');
    expect(bindingOf({ serverUrl: 'https://s.example', token: 't' })).toBe('https://s.example');
  });

  it('explains a failed connection test in one sentence', () => {
    expect(explainConnectionError(new SyncUnauthorizedError('GET x', 401, 'unauthorized', null))).toBe('The server did not accept this token. Check that you pasted all of it.');
    expect(explainConnectionError(new SyncNetworkError('GET x', new TypeError('fetch failed')))).toBe('No answer from that URL. Check the address and that the server is running.');
  });
});
