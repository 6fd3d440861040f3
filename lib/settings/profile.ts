/**
 * Who is using this browser profile: the name and email written on hand-over steps, decisions and events. Set in the
 * dashboard's settings (or taken from the sync server's `/v1/me`); kept in the extension's local storage.
 */
import { z } from 'zod';
import { FALLBACK_PROFILE } from '../domain/people';
import { defineSetting } from './item';

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'enter your name').max(120),
  email: z.union([z.email('must be an email address'), z.literal('')]).default(''),
});
export type Profile = z.infer<typeof profileSchema>;

/** The profile setting (`baton.profile`). */
export const profileSetting = defineSetting('local:baton.profile', profileSchema, { fallback: { ...FALLBACK_PROFILE } });
