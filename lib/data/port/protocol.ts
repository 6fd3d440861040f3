/** Messages on the database port between the panel iframe and the background (zod-checked on both ends). */
import { z } from 'zod';

export const DB_PORT_NAME = 'baton-db';

export const portRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), id: z.number().int(), query: z.string().max(64), args: z.array(z.unknown()).max(8) }),
  z.object({ type: z.literal('unsubscribe'), id: z.number().int() }),
  z.object({ type: z.literal('call'), id: z.number().int(), op: z.string().max(64), args: z.array(z.unknown()).max(8) }),
]);
export type PortRequest = z.infer<typeof portRequestSchema>;

/** An error as it crosses: its class name, message and, for validation errors, the issues with their paths. */
export const portErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type PortError = z.infer<typeof portErrorSchema>;

export const portResponseSchema = z.union([
  z.object({ type: z.literal('value'), id: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: portErrorSchema }),
  z.object({ type: z.literal('query-error'), id: z.number().int(), error: portErrorSchema }),
]);
export type PortResponse = z.infer<typeof portResponseSchema>;
