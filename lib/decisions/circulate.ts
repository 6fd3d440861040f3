/**
 * Circulating a decision: every decision must reach all its owners within 24 hours (DOMAIN.md). This module makes
 * the ready-to-send summary (plain text for e-mail bodies, Markdown for chat and tickets, HTML for rich paste), the
 * `mailto:` URL with the owners' e-mails, and says how much of the 24 hours is left. Pure.
 *
 * Clipboard choice: the popup writes ONE clipboard item with `text/plain` = the Markdown (it reads fine as plain
 * text and renders in Slack, Teams, Jira, GitHub) and `text/html` = the same summary as HTML (Gmail, Outlook and
 * docs paste it formatted). The `mailto:` body is the plain-text version: mail clients do not render Markdown.
 */
import { isEmail, ownerName, samePerson, type Person } from '../domain/people';
import type { Decision, Owner, Stakeholder } from '../domain/schemas';
import { formatDayTime } from '../domain/words';

/** "24 h left", "5 h 20 min left", "40 min left", "3 h overdue", "2 days overdue". */
export function formatTimeLeft(leftMs: number): string {
  const abs = Math.abs(leftMs);
  const mins = Math.floor(abs / 60_000);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  let span: string;
  if (h >= 48) span = `${Math.floor(h / 24)} days`;
  // From 10 hours on, whole hours, rounded: a decision logged a minute ago has "24 h left", not 23.
  else if (h >= 10) span = `${Math.round(mins / 60)} h`;
  else if (h >= 1) span = m ? `${h} h ${m} min` : `${h} h`;
  else span = `${Math.max(1, m)} min`;
  return leftMs >= 0 ? `${span} left` : `${span} overdue`;
}

/** The people the page knows, to name owners and find their e-mails. */
export interface SummaryPeople {
  stakeholders: readonly Pick<Stakeholder, 'id' | 'name' | 'email'>[];
}

export interface SummaryContext extends SummaryPeople {
  clientName: string;
  /** The decision this one reopens, when it does. */
  reopened?: Pick<Decision, 'title' | 'decidedAt'> | null;
  /** A link to the CRM record, when known. */
  recordUrl?: string | null;
  /** Who logged it (`actorOf(profile)`). */
  loggedBy?: string;
  /** IANA time zone for dates (default: the runtime's). */
  timeZone?: string;
}

export interface Summary {
  subject: string;
  text: string;
  markdown: string;
  html: string;
}

function nameOf(owner: Owner, people: SummaryPeople): string {
  return ownerName(owner, people.stakeholders);
}

const SOURCE_WORDS = { meeting: 'in a meeting', call: 'on a call', email: 'by email' } as const;

/** Markdown-escape inline text so a title like `*urgent* [draft]` stays literal. */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The ready-to-send summary of a decision. */
export function decisionSummary(decision: Decision, ctx: SummaryContext): Summary {
  const owner = nameOf(decision.owner, ctx);
  const participants = decision.participants.map((p) => nameOf(p, ctx));
  const decided = `${formatDayTime(decision.decidedAt, ctx.timeZone)}, ${SOURCE_WORDS[decision.source]}`;
  const reopens = ctx.reopened ? `“${ctx.reopened.title}” (decided ${formatDayTime(ctx.reopened.decidedAt, ctx.timeZone)})` : null;
  const rows: [string, string][] = [
    ['Client', ctx.clientName],
    ['Owner', owner],
    ['Decided', decided],
    ...(participants.length ? [['Participants', participants.join(', ')] as [string, string]] : []),
    ...(reopens ? [['Reopens', reopens] as [string, string]] : []),
    ...(ctx.loggedBy ? [['Logged by', ctx.loggedBy] as [string, string]] : []),
  ];
  const body = decision.text.trim();
  const subject = `${ctx.reopened ? 'Decision reopened' : 'Decision'}: ${decision.title} (${ctx.clientName})`;

  const text = [
    `${ctx.reopened ? 'Decision (reopened)' : 'Decision'}: ${decision.title}`,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    ...(body ? ['', body] : []),
    ...(ctx.recordUrl ? ['', `Record: ${ctx.recordUrl}`] : []),
  ].join('\n');

  const markdown = [
    `**${ctx.reopened ? 'Decision (reopened)' : 'Decision'}: ${mdEscape(decision.title)}**`,
    '',
    ...rows.map(([k, v]) => `- **${k}:** ${mdEscape(v)}`),
    ...(body ? ['', ...body.split('\n').map((l) => `> ${l}`.trimEnd())] : []),
    ...(ctx.recordUrl ? ['', `[Open the record](${ctx.recordUrl.replace(/[()\s]/g, encodeURIComponent)})`] : []),
  ].join('\n');

  const html = [
    `<p><strong>${ctx.reopened ? 'Decision (reopened)' : 'Decision'}: ${htmlEscape(decision.title)}</strong></p>`,
    `<ul>${rows.map(([k, v]) => `<li><strong>${htmlEscape(k)}:</strong> ${htmlEscape(v)}</li>`).join('')}</ul>`,
    ...(body ? [`<blockquote>${body.split('\n').map(htmlEscape).join('<br>')}</blockquote>`] : []),
    ...(ctx.recordUrl && /^https:\/\//.test(ctx.recordUrl) ? [`<p><a href="${htmlEscape(ctx.recordUrl)}">Open the record</a></p>`] : []),
  ].join('');

  return { subject, text, markdown, html };
}

export interface Recipients {
  /** E-mail addresses of the owner and participants, lower-cased, de-duplicated, without the sender. */
  to: string[];
  /** Owners and participants with no known e-mail (named, so the user can add them by hand). */
  missing: string[];
}

/** Who the decision must reach: its owner and participants, by their e-mail where known. */
export function recipients(decision: Pick<Decision, 'owner' | 'participants'>, people: SummaryPeople, me?: Person): Recipients {
  const to: string[] = [];
  const missing: string[] = [];
  for (const o of [decision.owner, ...decision.participants]) {
    const email = (o.kind === 'member' ? o.email : people.stakeholders.find((s) => s.id === o.stakeholderId)?.email)?.toLowerCase();
    const name = nameOf(o, people);
    if (me && samePerson({ name, ...(email ? { email } : {}) }, me)) continue;
    if (email && isEmail(email)) {
      if (!to.includes(email)) to.push(email);
    } else if (!missing.includes(name)) missing.push(name);
  }
  return { to, missing };
}

/**
 * A `mailto:` URL (RFC 6068): addresses comma-separated and percent-encoded except `@`, subject and body
 * percent-encoded with `encodeURIComponent` (spaces as %20, never `+`), line breaks as CRLF (%0D%0A).
 */
export function mailtoUrl(to: readonly string[], subject: string, body: string): string {
  const addr = to.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${addr}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}
