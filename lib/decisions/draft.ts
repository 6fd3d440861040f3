/**
 * The decision form's rules, pure so they are tested without React: how typed owner text becomes an `Owner`
 * (a stakeholder of the client, or one of our people), which people to suggest while typing, and what a draft
 * must hold before it is saved. `components/DecisionForm.tsx` renders these; the repositories validate again.
 */
import type { DecisionSource, Owner, Stakeholder } from '../domain/schemas';
import { isEmail, normalizeName, ownerName, parsePerson, type Person } from '../domain/people';
import { roleLabel } from '../domain/words';

/** The people an owner or participant may be: the client's stakeholders, then our teammates. */
export interface PeopleDirectory {
  stakeholders: readonly Pick<Stakeholder, 'id' | 'name' | 'email' | 'title' | 'roles'>[];
  teammates: readonly Person[];
}

/** One suggestion under the owner field. */
export interface OwnerSuggestion {
  owner: Owner;
  label: string;
  /** Role or title for a stakeholder, "Teammate" (and email) for one of ours. */
  detail: string;
}

/** What the user typed, as the form holds it. */
export interface DecisionDraft {
  title: string;
  /** The owner field's text. */
  ownerText: string;
  /** Set when the user picked a suggestion; cleared as soon as they type again. */
  ownerPick: Owner | null;
  text: string;
  /** Comma- or semicolon-separated names or emails. */
  participantsText: string;
  source: DecisionSource;
  /** `<input type="datetime-local">` value, in the browser's time zone. */
  decidedAt: string;
}

/** A valid draft, ready for `logDecision` (plus `clientId` and `actor`, which the page adds). */
export interface DecisionFormValue {
  title: string;
  text: string;
  owner: Owner;
  participants: Owner[];
  source: DecisionSource;
  decidedAt: number;
}

export type DraftField = 'title' | 'owner' | 'text' | 'participants' | 'decidedAt';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const TITLE_MAX = 200;
export const TEXT_MAX = 5000;
export const PARTICIPANTS_MAX = 50;
/** Clocks differ between devices: a decided-at this far ahead of now is still accepted. */
export const FUTURE_SLACK_MS = 5 * 60_000;

const norm = normalizeName;
const words = (s: string) => norm(s).split(/[\s.@<>_-]+/).filter(Boolean);

/** The label a chosen owner is shown with. */
export function ownerLabel(owner: Owner, dir?: PeopleDirectory): string {
  return ownerName(owner, dir?.stakeholders ?? []);
}

function stakeholderSuggestion(s: PeopleDirectory['stakeholders'][number]): OwnerSuggestion {
  const role = s.roles[0];
  const detail = [role ? roleLabel(role) : '', s.title].filter(Boolean).join(' · ') || 'Stakeholder';
  return { owner: { kind: 'stakeholder', stakeholderId: s.id, name: s.name }, label: s.name, detail };
}

function teammateSuggestion(p: Person): OwnerSuggestion {
  return {
    owner: p.email ? { kind: 'member', name: p.name, email: p.email } : { kind: 'member', name: p.name },
    label: p.name,
    detail: p.email ? `Teammate · ${p.email}` : 'Teammate',
  };
}

/**
 * How well `query` names a person: 3 exact name or email, 2 name starts with it, 1 a word of the name or the email
 * starts with it (`kim` finds Dana Kim), 0 no match. An empty query matches everyone weakly.
 */
function matchScore(query: string, name: string, email?: string): number {
  const q = norm(query);
  if (!q) return 0.5;
  const n = norm(name);
  if (n === q || (email && email.toLowerCase() === q)) return 3;
  if (n.startsWith(q)) return 2;
  const qw = words(q);
  const nw = [...words(name), ...(email ? words(email) : [])];
  return qw.every((w) => nw.some((x) => x.startsWith(w))) ? 1 : 0;
}

/** Suggestions for the owner field, best first: stakeholders before teammates at equal match. */
export function suggestOwners(query: string, dir: PeopleDirectory, limit = 6): OwnerSuggestion[] {
  const scored: { s: OwnerSuggestion; score: number; order: number }[] = [];
  let order = 0;
  for (const st of dir.stakeholders) {
    const score = matchScore(query, st.name, st.email);
    if (score > 0) scored.push({ s: stakeholderSuggestion(st), score, order: order++ });
  }
  const seen = new Set(dir.stakeholders.map((s) => (s.email ? s.email.toLowerCase() : norm(s.name))));
  for (const p of dir.teammates) {
    const key = p.email ? p.email.toLowerCase() : norm(p.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const score = matchScore(query, p.name, p.email);
    if (score > 0) scored.push({ s: teammateSuggestion(p), score, order: order++ });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((x) => x.s);
}

/**
 * Typed text to an owner: an exact name or email of a stakeholder or teammate; else the only person whose name
 * starts with it (or whose words do); else one of our people named as typed (`Name <email>` and bare emails are
 * read as such). Empty text gives null. Ambiguous prefixes never pick someone silently: they become a new name.
 */
export function resolveOwner(text: string, dir: PeopleDirectory): Owner | null {
  const t = text.trim();
  if (!t) return null;
  const all = suggestOwners(t, dir, 50);
  const exact = all.filter((s) => matchScore(t, s.label, s.owner.kind === 'member' ? s.owner.email : emailOf(s.owner, dir)) === 3);
  if (exact.length >= 1) return exact[0]!.owner;
  if (all.length === 1) return all[0]!.owner;
  const p = parsePerson(t);
  if (!p) return null;
  return p.email ? { kind: 'member', name: p.name, email: p.email } : { kind: 'member', name: p.name };
}

function emailOf(owner: Owner, dir: PeopleDirectory): string | undefined {
  return owner.kind === 'stakeholder' ? dir.stakeholders.find((s) => s.id === owner.stakeholderId)?.email : owner.email;
}

/** Split the participants field into owners (each resolved like the owner), dropping duplicates. */
export function resolveParticipants(text: string, dir: PeopleDirectory): Owner[] {
  const out: Owner[] = [];
  const keys = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const owner = resolveOwner(part, dir);
    if (!owner) continue;
    const key = owner.kind === 'stakeholder' ? `s:${owner.stakeholderId}` : `m:${owner.email ?? norm(owner.name)}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(owner);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms to a `datetime-local` value in the browser's time zone (minute precision). */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value back to epoch ms, or null when it is not a date and time. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const at = new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0).getTime();
  const back = new Date(at);
  // Reject dates the Date constructor rolled over (31 February).
  if (back.getMonth() !== mo! - 1 || back.getDate() !== d) return null;
  return at;
}

/** An empty draft: decided now, in a meeting. */
export function emptyDraft(now: number, source: DecisionSource = 'meeting'): DecisionDraft {
  return { title: '', ownerText: '', ownerPick: null, text: '', participantsText: '', source, decidedAt: toLocalInput(now) };
}

/**
 * Check a draft and turn it into a value. Errors are sentences for the field they belong to: a title is required
 * (at most 200 characters), an owner is required, the text is at most 5,000 characters, at most 50 participants
 * (emails must be emails), and decided-at must be a real date and time, not in the future.
 */
export function validateDraft(
  draft: DecisionDraft,
  dir: PeopleDirectory,
  now: number,
): { ok: true; value: DecisionFormValue } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = draft.title.trim().replace(/\s+/g, ' ');
  if (!title) errors.title = 'Give the decision a title.';
  else if (title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters (${title.length} now).`;

  const owner = draft.ownerPick ?? resolveOwner(draft.ownerText, dir);
  if (!owner) errors.owner = 'Name who owns this decision.';
  else if (owner.kind === 'member' && draft.ownerText.includes('@') && !owner.email) errors.owner = 'That email address does not look right.';

  const text = draft.text.trim();
  if (text.length > TEXT_MAX) errors.text = `Keep the text under ${TEXT_MAX.toLocaleString('en')} characters.`;

  const badEmail = draft.participantsText
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .find((p) => p.includes('@') && !p.includes('<') && !isEmail(p));
  const participants = resolveParticipants(draft.participantsText, dir);
  if (badEmail) errors.participants = `“${badEmail}” is not an email address.`;
  else if (participants.length > PARTICIPANTS_MAX) errors.participants = `At most ${PARTICIPANTS_MAX} participants.`;

  const decidedAt = fromLocalInput(draft.decidedAt);
  if (decidedAt === null) errors.decidedAt = 'Enter the date and time it was decided.';
  else if (decidedAt > now + FUTURE_SLACK_MS) errors.decidedAt = 'A decision cannot be made in the future.';
  else if (decidedAt < Date.UTC(2000, 0, 1)) errors.decidedAt = 'That date is too far in the past.';

  if (Object.keys(errors).length > 0 || !owner || decidedAt === null) return { ok: false, errors };
  return { ok: true, value: { title, text, owner, participants, source: draft.source, decidedAt } };
}
