import type { StakeholderRole } from '../../domain/schemas';

/**
 * Salesforce's standard OpportunityContactRole picklist values (compared case-insensitively) to the
 * Baton role offered as a stakeholder suggestion. The user confirms every suggestion, so where the
 * Salesforce word is vague the table picks the role that prompts the right question:
 *
 * | Salesforce role          | Baton role          | why |
 * |--------------------------|---------------------|-----|
 * | Executive Sponsor        | executive_sponsor   | same meaning |
 * | Economic Buyer           | economic_buyer      | same meaning |
 * | Economic Decision Maker  | economic_buyer      | signs off the spend |
 * | Decision Maker           | economic_buyer      | decides the purchase; confirm who holds budget |
 * | Technical Buyer          | technical_owner     | owns the technical evaluation and integration |
 * | Business User            | user                | uses the product |
 * | Evaluator                | user                | tries the product hands-on |
 * | Influencer               | other               | influence is rated separately (high/low), not a role |
 * | Other, blank, custom     | other               | nothing to infer |
 */
export const CONTACT_ROLE_TO_BATON: Readonly<Record<string, StakeholderRole>> = {
  'executive sponsor': 'executive_sponsor',
  'economic buyer': 'economic_buyer',
  'economic decision maker': 'economic_buyer',
  'decision maker': 'economic_buyer',
  'technical buyer': 'technical_owner',
  'business user': 'user',
  evaluator: 'user',
  influencer: 'other',
  other: 'other',
};

/** The Baton role to suggest for a Salesforce contact role; `other` when there is nothing to infer. */
export function batonRoleFor(salesforceRole: string | null): StakeholderRole {
  return CONTACT_ROLE_TO_BATON[(salesforceRole ?? '').trim().toLowerCase()] ?? 'other';
}
