/**
 * Our people are written on records as free text (`salesOwner`, `receiverOwner`, an event's `actor`): a name, an
 * email, or `Name <email>` (`actorOf`). These helpers read that text back into a person and compare two of them, so
 * the popup's queue can say which hand-overs wait for *me* and the decision form can offer teammates as owners.
 */

/** A person as written on a record. */
export interface Person {
  name: string;
  email?: string;
}

import type { Owner, Stakeholder } from './schemas';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const ANGLE = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;

/** The name part of a person as written: "Sam Rep <sam@baton.test>" → "Sam Rep" (the text itself when there is none). */
export function nameOf(written: string): string {
  return written.replace(/\s*<[^>]*>\s*$/, '').trim() || written;
}

/** True for a plain email address (no name around it). */
export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * Read `Name <email>`, `email` or `Name`. An email alone gets a name from its local part (`dana.kim@x` → `Dana
 * Kim`) so lists never show a bare address where a name is expected. Empty text gives null.
 */
export function parsePerson(text: string | undefined | null): Person | null {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  if (!t) return null;
  const m = ANGLE.exec(t);
  if (m) {
    const email = m[2]!.toLowerCase();
    const name = m[1]!.trim().replace(/^"|"$/g, '').trim();
    return { name: name || nameFromEmail(email), email };
  }
  if (isEmail(t)) return { name: nameFromEmail(t), email: t.toLowerCase() };
  return { name: t };
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A name compared ignoring case and spacing: "  Dana   KIM " and "dana kim" are the same key. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
const norm = normalizeName;

/**
 * Whether two written people are the same person: equal emails when both have one (a name then does not matter,
 * and different emails never match), else equal names ignoring case and spacing.
 */
export function samePerson(a: Person | null, b: Person | null): boolean {
  if (!a || !b) return false;
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return norm(a.name) === norm(b.name);
}

/** Whether free text written on a record (`receiverOwner`, `actor`, …) names `me`. */
export function isMe(written: string | undefined | null, me: Person): boolean {
  const p = parsePerson(written);
  if (!p) return false;
  if (p.email && me.email) return p.email === me.email.toLowerCase();
  return norm(p.name) === norm(me.name);
}

/** How a person is written on records: `Name <email>` when the email is known, else `Name`. */
export function actorOf(p: Person): string {
  return p.email ? `${p.name} <${p.email}>` : p.name;
}

/** Who records are stamped with before this browser's profile has a name. */
export const FALLBACK_PROFILE = { name: 'Me', email: '' } as const;

/** What an owner is called when the stakeholder it named is no longer on the map. */
export const FORMER_STAKEHOLDER = 'a former stakeholder';

/** A lookup from stakeholder id to name over `stakeholders`, naming a removed one `FORMER_STAKEHOLDER`. */
export function stakeholderNames(stakeholders: Iterable<Pick<Stakeholder, 'id' | 'name'>>): (id: string) => string {
  const names = new Map<string, string>();
  for (const s of stakeholders) names.set(s.id, s.name);
  return (id) => names.get(id) ?? FORMER_STAKEHOLDER;
}

/** An owner's name: one of our people by the name written on it, a stakeholder by the map's current name. */
export function ownerName(owner: Owner, stakeholders: readonly Pick<Stakeholder, 'id' | 'name'>[]): string {
  if (owner.kind === 'member') return owner.name;
  return stakeholders.find((s) => s.id === owner.stakeholderId)?.name ?? owner.name ?? FORMER_STAKEHOLDER;
}
