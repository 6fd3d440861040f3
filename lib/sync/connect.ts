/**
 * Connecting to a sync server: test what a URL and token reach, save them (`lib/settings/sync.ts`) only once the
 * server answered, and disconnect. The server's origin is an optional host permission asked for that origin only,
 * when the user connects, so Baton holds no access to a sync server the user did not choose.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { SyncClient, type FetchLike } from './client';
import type { MeResponse } from './shared/protocol';
import { SyncNetworkError, SyncProtocolError, SyncResponseError, SyncTimeoutError, SyncUnauthorizedError } from './errors';
import { clearAttention, SENTENCES } from './status';
import { syncSettings, syncSettingsInputSchema, type SyncSettings, type SyncSettingsInput } from '../settings/sync';

/** The permission pattern for a server URL: its origin only. */
export function originPattern(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

/** What the token reaches. */
export interface ConnectionInfo {
  workspace: MeResponse['workspace'];
  member: MeResponse['member'];
}

/** Call `/v1/me` with these settings (or the saved ones): the workspace and member the token reaches. */
export async function testConnection(input?: SyncSettingsInput, fetchImpl?: FetchLike): Promise<ConnectionInfo> {
  const settings = input ? syncSettingsInputSchema.parse(input) : await syncSettings.get();
  if (!settings) throw new Error('Sync is not set up: enter a server URL and token first.');
  const me = await new SyncClient({ ...settings, fetch: fetchImpl, timeoutMs: 15_000 }).me();
  return { workspace: me.workspace, member: me.member };
}

export type ConnectResult =
  | { ok: true; settings: SyncSettings; connection: ConnectionInfo }
  | { ok: false; reason: string };

/**
 * Save the settings from the dashboard's form. Call it straight from the submit handler: the host permission
 * request is its first asynchronous step, as browsers grant permissions only during a user gesture. Then it tests
 * the connection and saves; a refused permission or a failed test saves nothing.
 */
export async function connectSyncServer(input: SyncSettingsInput): Promise<ConnectResult> {
  const parsed = syncSettingsInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ') };
  const granted = await browser.permissions.request({ origins: [originPattern(parsed.data.serverUrl)] });
  if (!granted) return { ok: false, reason: `Baton needs permission to reach ${new URL(parsed.data.serverUrl).origin} to sync.` };
  let connection: ConnectionInfo;
  try {
    connection = await testConnection(parsed.data);
  } catch (err) {
    return { ok: false, reason: explainConnectionError(err) };
  }
  const settings: SyncSettings = { ...parsed.data, workspaceId: connection.workspace.id };
  await syncSettings.set(settings);
  await clearAttention(getDb());
  return { ok: true, settings, connection };
}

/** Turn sync off: forget the server and token and give the host permission back. Local data stays. */
export async function disconnectSyncServer(): Promise<void> {
  const current = await syncSettings.get();
  await syncSettings.remove();
  if (current) await browser.permissions.remove({ origins: [originPattern(current.serverUrl)] }).catch(() => false);
}

/** The install's server-side identity: a new server or workspace gets a new client id (see `SyncEngineOptions`). */
export function bindingOf(settings: SyncSettings): string {
  return settings.workspaceId ? `${settings.serverUrl}#${settings.workspaceId}` : settings.serverUrl;
}

/** A failed connection test in one plain sentence for the settings form. */
export function explainConnectionError(err: unknown): string {
  if (err instanceof SyncUnauthorizedError) return 'The server did not accept this token. Check that you pasted all of it.';
  if (err instanceof SyncProtocolError) return SENTENCES.protocol;
  if (err instanceof SyncNetworkError || err instanceof SyncTimeoutError) return 'No answer from that URL. Check the address and that the server is running.';
  if (err instanceof SyncResponseError) return 'That URL answered, but not as a Baton sync server. Check the address.';
  return err instanceof Error ? err.message : String(err);
}
