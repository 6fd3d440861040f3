/**
 * Who is using this browser profile: the name and email written on hand-over steps, decisions and events. Set in the
 * dashboard's settings (or taken from the sync server's `/v1/me`); kept in the extension's local storage.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'enter your name').max(120),
  email: z.union([z.email('must be an email address'), z.literal('')]).default(''),
});
export type Profile = z.infer<typeof profileSchema>;

const KEY = 'baton.profile';
const FALLBACK: Profile = { name: 'Me', email: '' };

/** The saved profile, or a neutral fallback until one is saved. */
export async function getProfile(): Promise<Profile> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = profileSchema.safeParse(stored);
  return parsed.success ? parsed.data : FALLBACK;
}

/** Save the profile (validated). */
export async function saveProfile(input: unknown): Promise<Profile> {
  const profile = profileSchema.parse(input);
  await browser.storage.local.set({ [KEY]: profile });
  return profile;
}

/** How a person is written on records: "Name <email>" when the email is known. */
export function actorOf(p: Profile): string {
  return p.email ? `${p.name} <${p.email}>` : p.name;
}

/** The profile, kept current when another page saves it. */
export function useProfile(): Profile {
  const [profile, setProfile] = useState<Profile>(FALLBACK);
  useEffect(() => {
    let live = true;
    void getProfile().then((p) => live && setProfile(p));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && KEY in changes) {
        const parsed = profileSchema.safeParse(changes[KEY]?.newValue);
        setProfile(parsed.success ? parsed.data : FALLBACK);
      }
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  return profile;
}
