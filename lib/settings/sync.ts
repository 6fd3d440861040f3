/**
 * Where to sync: the server URL and token, kept in the extension's local storage (never in the synced database),
 * validated with zod. `lib/sync/connect.ts` saves them after the server answered; the engine and every page read them
 * from here.
 */
import { z } from 'zod';
import { defineSetting } from './item';

const urlOf = (s: string): URL | null => (URL.canParse(s) ? new URL(s) : null);

// zod runs every refinement even after one failed, so each guards against an unparseable URL itself.
export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, 'enter the sync server URL')
  .refine((s) => s === '' || urlOf(s) !== null, 'must be a URL such as https://sync.example.com')
  .refine((s) => !urlOf(s) || /^https?:$/.test(urlOf(s)!.protocol), 'must start with http:// or https://')
  .refine((s) => !urlOf(s)?.username && !urlOf(s)?.password, 'must not contain a user name or password')
  .transform((s) => {
    const u = new URL(s);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  });

export const syncSettingsInputSchema = z.object({
  serverUrl: serverUrlSchema,
  token: z.string().trim().min(1, 'paste the token your admin gave you').max(500),
});
export type SyncSettingsInput = z.input<typeof syncSettingsInputSchema>;

export const syncSettingsSchema = syncSettingsInputSchema.extend({
  /** The workspace the token reached when the settings were saved; part of the install's sync identity. */
  workspaceId: z.string().optional(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** The sync settings (`baton.sync`); null when sync was never set up or the stored value is not valid. */
export const syncSettings = defineSetting('local:baton.sync', syncSettingsSchema.nullable(), { fallback: null });
