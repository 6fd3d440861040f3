/**
 * The panel ↔ background runtime message that reads an opportunity from the Salesforce REST API with the user's
 * own session (the optional "read from Salesforce" capability). The panel frame cannot read the `sid` cookie or the
 * local settings itself, so it asks the background, which answers with the opportunity or why there is none.
 */
import { z } from 'zod';
import { stakeholderRoleSchema } from '../domain/schemas';

export const SF_OPPORTUNITY_MESSAGE = 'baton:sf-opportunity';

/** Panel → background: read this opportunity of the org that `pageUrl` (a Lightning page or origin) belongs to. */
export const sfOpportunityRequestSchema = z.object({
  type: z.literal(SF_OPPORTUNITY_MESSAGE),
  pageUrl: z.string().url().max(2000),
  opportunityId: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/),
});
export type SfOpportunityRequest = z.infer<typeof sfOpportunityRequestSchema>;

const text = z.string().max(2000).nullable();

export const sfContactRoleSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  name: text,
  email: text,
  title: text,
  role: text,
  isPrimary: z.boolean(),
  suggestedRole: stakeholderRoleSchema,
});

export const sfOpportunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  stageName: z.string(),
  isWon: z.boolean(),
  isClosed: z.boolean(),
  amount: z.number().nullable(),
  closeDate: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: text,
  contactRoles: z.array(sfContactRoleSchema),
});

/**
 * Background → panel. `off`: the user has not turned the capability on (show nothing); `permission`: on, but the
 * browser does not hold the permissions for this org; `error`: anything else, with a message saying what to do.
 */
export const sfOpportunityAnswerSchema = z.union([
  z.object({ ok: z.literal(true), opportunity: sfOpportunitySchema }),
  z.object({ ok: z.literal(false), reason: z.literal('off') }),
  z.object({ ok: z.literal(false), reason: z.enum(['permission', 'error']), message: z.string() }),
]);
export type SfOpportunityAnswer = z.infer<typeof sfOpportunityAnswerSchema>;
