/**
 * "Read from Salesforce" in the panel: asks the background once per opportunity for the opportunity (its stage, won
 * flag and account fill in what the page does not show, see useRecordFacts.ts) and its contact roles, turned into
 * stakeholder suggestions (the ones not on the map yet). Off, or not a Salesforce opportunity: nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Suggestion } from '../../components/stakeholders/StakeholderMap';
import { toSalesforceId18 } from '../../lib/crm/salesforce/id';
import {
  SF_OPPORTUNITY_MESSAGE,
  sfOpportunityAnswerSchema,
  type SfOpportunityAnswer,
  type SfOpportunityRequest,
} from '../../lib/messages/salesforce';
import type { Stakeholder } from '../../lib/domain/schemas';

/** The Salesforce opportunity the panel is on: the page's origin (for its org) and the record id. */
export interface SalesforceTarget {
  pageOrigin: string;
  opportunityId: string;
}

// Successful reads, per org and opportunity, for the life of the panel page: remounts (another tab, back to this
// record) do not ask again. Failures are not kept, so signing in again and reopening the record retries.
const answers = new Map<string, SfOpportunityAnswer>();
// Reads under way, so the record's facts and its contact-role suggestions share one request.
const inFlight = new Map<string, Promise<SfOpportunityAnswer>>();

async function ask(target: SalesforceTarget): Promise<SfOpportunityAnswer> {
  const request: SfOpportunityRequest = { type: SF_OPPORTUNITY_MESSAGE, pageUrl: target.pageOrigin, opportunityId: target.opportunityId };
  try {
    const parsed = sfOpportunityAnswerSchema.safeParse(await browser.runtime.sendMessage(request));
    // No answer at all: an older background without the reader; treat as off.
    return parsed.success ? parsed.data : { ok: false, reason: 'off' };
  } catch {
    return { ok: false, reason: 'off' };
  }
}

/** After the first paint, without holding up the panel's own reads. */
function afterFirstPaint(run: () => void): () => void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) {
    const id = idle(run, { timeout: 500 });
    return () => (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
}

const norm = (id: string | null | undefined) => (id ? (toSalesforceId18(id) ?? id) : null);

/** Contact roles as suggestions: one per contact (its roles merged), minus anyone already on the map. */
export function toSuggestions(answer: SfOpportunityAnswer | null, stakeholders: readonly Stakeholder[]): Suggestion[] {
  if (!answer?.ok) return [];
  const onMapIds = new Set(stakeholders.map((s) => norm(s.crmContactId)).filter((x): x is string => !!x));
  const onMapEmails = new Set(stakeholders.map((s) => s.email?.trim().toLowerCase()).filter((x): x is string => !!x));
  const byContact = new Map<string, Suggestion>();
  for (const r of answer.opportunity.contactRoles) {
    const contactId = norm(r.contactId);
    const email = r.email?.trim() || undefined;
    if (contactId && onMapIds.has(contactId)) continue;
    if (email && onMapEmails.has(email.toLowerCase())) continue;
    const name = r.name?.trim() || email;
    if (!name) continue;
    const key = contactId ?? r.id;
    const seen = byContact.get(key);
    if (seen) {
      if (!seen.roles.includes(r.suggestedRole)) seen.roles = [...seen.roles, r.suggestedRole];
      continue;
    }
    byContact.set(key, { key, name, title: r.title?.trim() || undefined, email, roles: [r.suggestedRole], crmContactId: contactId ?? undefined });
  }
  // `other` says nothing once a contact has a real role.
  return [...byContact.values()].map((s) => (s.roles.length > 1 ? { ...s, roles: s.roles.filter((x) => x !== 'other') } : s));
}

/**
 * The background's answer for this opportunity (null until it arrives, and for no target): asked once per
 * opportunity after the first paint, shared by every caller. "Read from Salesforce" off answers `off`.
 */
export function useSalesforceAnswer(target: SalesforceTarget | null | undefined): SfOpportunityAnswer | null {
  const key = target ? `${target.pageOrigin}|${target.opportunityId}` : null;
  const [answer, setAnswer] = useState<{ key: string; value: SfOpportunityAnswer } | null>(() =>
    key && answers.has(key) ? { key, value: answers.get(key)! } : null,
  );
  useEffect(() => {
    if (!target || !key || answers.has(key)) return;
    let live = true;
    const cancel = afterFirstPaint(() => {
      let asking = inFlight.get(key);
      if (!asking) {
        asking = ask(target).then((value) => {
          inFlight.delete(key);
          if (value.ok) answers.set(key, value);
          return value;
        });
        inFlight.set(key, asking);
      }
      void asking.then((value) => {
        if (live) setAnswer({ key, value });
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [key]);
  return answer && answer.key === key ? answer.value : key && answers.has(key) ? answers.get(key)! : null;
}

export interface SalesforceSuggestions {
  suggestions: Suggestion[];
  /** Why there are no suggestions (permission missing, session expired…); null when off or fine. */
  note: string | null;
}

export function useSalesforceSuggestions(target: SalesforceTarget | null | undefined, stakeholders: readonly Stakeholder[]): SalesforceSuggestions {
  const current = useSalesforceAnswer(target);
  const suggestions = useMemo(() => toSuggestions(current, stakeholders), [current, stakeholders]);
  const note = current && !current.ok && current.reason !== 'off' ? current.message : null;
  return { suggestions, note };
}
