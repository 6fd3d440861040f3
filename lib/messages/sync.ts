/**
 * Sync's runtime messages (the panel feature's live in `lib/messages/panel.ts`): an extension page asks the background to
 * sync now, after a server `poke` or the user's "Sync now".
 */
import { z } from 'zod';

export const syncNowMessageSchema = z.object({
  type: z.literal('sync:now'),
  /** Run even when the status says sync is blocked (the user pressed "Sync now"). */
  force: z.boolean().optional(),
});
export type SyncNowMessage = z.infer<typeof syncNowMessageSchema>;
