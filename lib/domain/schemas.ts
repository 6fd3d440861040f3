/**
 * The model of DOMAIN.md as zod schemas. Every row that crosses a boundary (import, sync, messages) is parsed
 * with these; the types the rest of the code uses are inferred from them, so the two cannot drift apart.
 */
import { z } from 'zod';

export const CRMS = ['salesforce', 'hubspot', 'dynamics', 'pipedrive'] as const;
export const crmSchema = z.enum(CRMS);
export type Crm = z.infer<typeof crmSchema>;

/** Our own ids: ULID/UUID-like strings. */
export const idSchema = z.string().min(1, 'must not be empty').max(200);
/** Timestamps are epoch milliseconds. */
export const timeSchema = z.number().int().nonnegative();
const text = (max = 2000) => z.string().trim().max(max);
const name = z.string().trim().min(1, 'must not be empty').max(200);

export const crmRefSchema = z.object({
  crm: crmSchema,
  instance: z.string().min(1).max(120),
  object: z.enum(['account', 'opportunity']),
  id: z.string().min(1).max(64),
});
export type CrmRef = z.infer<typeof crmRefSchema>;

// ---------------------------------------------------------------- clients, links, deals

export const clientSchema = z.object({
  id: idSchema,
  name,
  /** Our sales owner (email or name of a teammate). */
  salesOwner: text(200).optional(),
  /** Our customer-success owner. */
  csOwner: text(200).optional(),
  /** Imported revenue figures by period (`2026-01`), used for net revenue retention; never invented. */
  revenue: z.record(z.string().regex(/^\d{4}-\d{2}$/, 'must be a month like 2026-01'), z.number().nonnegative()).optional(),
  createdAt: timeSchema,
});
export type Client = z.infer<typeof clientSchema>;

/** Key of a CRM link: `crm:instance:object:id`. */
export function crmLinkKey(ref: CrmRef): string {
  return `${ref.crm}:${ref.instance}:${ref.object}:${ref.id}`;
}

export const crmLinkSchema = crmRefSchema.extend({
  /** `crmLinkKey(ref)`: the row key. */
  id: z.string().min(1).max(300),
  /** The CRM's own record id (`ref.id`; the row's `id` is the key). */
  recordId: z.string().min(1).max(64),
  clientId: idSchema,
  /** Set when the ref is an opportunity: the deal it is. */
  dealId: idSchema.optional(),
  /** The record's name as last read from the CRM page (plain text). */
  title: text(300).optional(),
  createdAt: timeSchema,
});
export type CrmLink = z.infer<typeof crmLinkSchema>;

export const dealSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  crmRef: crmRefSchema.optional(),
  name,
  /** The stage as last read from the CRM. */
  stage: text(120).optional(),
  isWon: z.boolean().optional(),
  isClosed: z.boolean().optional(),
  amount: z.number().nonnegative().optional(),
  closeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  stageReadAt: timeSchema.optional(),
  createdAt: timeSchema,
});
export type Deal = z.infer<typeof dealSchema>;

// ---------------------------------------------------------------- stakeholders

export const STAKEHOLDER_ROLES = [
  'executive_sponsor',
  'project_sponsor',
  'operating_owner',
  'technical_owner',
  'economic_buyer',
  'champion',
  'user',
  'other',
] as const;
export const stakeholderRoleSchema = z.enum(STAKEHOLDER_ROLES);
export type StakeholderRole = z.infer<typeof stakeholderRoleSchema>;

export const influenceSchema = z.enum(['high', 'low']);
export type Influence = z.infer<typeof influenceSchema>;
export const stanceSchema = z.enum(['pro', 'neutral', 'against']);
export type Stance = z.infer<typeof stanceSchema>;

export const stakeholderSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  name,
  title: text(200).default(''),
  email: z.email('must be an email address').optional(),
  crmContactId: z.string().max(64).optional(),
  roles: z.array(stakeholderRoleSchema).max(8).default([]),
  /** Unrated stakeholders are allowed while mapping; acceptance rules require a rating. */
  influence: influenceSchema.optional(),
  stance: stanceSchema.optional(),
  /** Their own words for what success means. */
  definitionOfSuccess: text(1000).optional(),
  lastEngagedAt: timeSchema.optional(),
  /** Which of our people engaged them last. */
  engagedBy: text(200).optional(),
  createdAt: timeSchema,
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

// ---------------------------------------------------------------- hand-overs

export const HANDOFF_KINDS = [
  'lead_to_opportunity',
  'opportunity_to_close',
  'close_to_onboarding',
  'onboarding_to_adoption',
  'adoption_to_expansion',
] as const;
export const handoffKindSchema = z.enum(HANDOFF_KINDS);
export type HandoffKind = z.infer<typeof handoffKindSchema>;

export const FIELD_TYPES = ['text', 'person', 'people', 'targets', 'list', 'stakeholderMap', 'evidence'] as const;
export const fieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/**
 * An acceptance rule: when a field's value is good enough, not merely present. Rules are data so a workspace can
 * tune them in its own template JSON.
 */
export const acceptanceRuleSchema = z.discriminatedUnion('rule', [
  /** Text of at least `minWords` words. */
  z.object({ rule: z.literal('text'), minWords: z.number().int().min(1).max(200) }),
  /** A named stakeholder who holds `role` (when given) and, when `engagedWithinDays` is set, was engaged that recently. */
  z.object({
    rule: z.literal('person'),
    role: stakeholderRoleSchema.optional(),
    engagedWithinDays: z.number().int().min(1).max(365).optional(),
  }),
  /** At least `min` named stakeholders. */
  z.object({ rule: z.literal('people'), min: z.number().int().min(1).max(50) }),
  /** At least `min` criteria, each with a numeric target and a due day. */
  z.object({ rule: z.literal('targets'), min: z.number().int().min(1).max(20) }),
  /** At least `min` non-empty items. */
  z.object({ rule: z.literal('list'), min: z.number().int().min(1).max(50) }),
  /**
   * At least `minCustomer` customer stakeholders, each rated on influence and stance (and optionally covering roles;
   * with `engagedWithinDays`, only stakeholders engaged that recently count).
   */
  z.object({
    rule: z.literal('stakeholderMap'),
    minCustomer: z.number().int().min(1).max(50),
    requireRoles: z.array(stakeholderRoleSchema).optional(),
    engagedWithinDays: z.number().int().min(1).max(365).optional(),
  }),
  /** At least `min` pieces of evidence, each with a source (link or named document). */
  z.object({ rule: z.literal('evidence'), min: z.number().int().min(1).max(20) }),
]);
export type AcceptanceRule = z.infer<typeof acceptanceRuleSchema>;

export const payloadFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be snake_case, starting with a letter'),
    label: name,
    type: fieldTypeSchema,
    required: z.boolean(),
    help: text(500).optional(),
    acceptance: acceptanceRuleSchema,
  })
  .refine((f) => ruleFitsType(f.type, f.acceptance.rule), {
    message: 'acceptance rule does not fit the field type',
    path: ['acceptance', 'rule'],
  });
export type PayloadField = z.infer<typeof payloadFieldSchema>;

/** Which acceptance rules make sense for which field type. */
export function ruleFitsType(type: FieldType, rule: AcceptanceRule['rule']): boolean {
  const fits: Record<FieldType, AcceptanceRule['rule'][]> = {
    text: ['text'],
    person: ['person'],
    people: ['people'],
    targets: ['targets'],
    list: ['list'],
    stakeholderMap: ['stakeholderMap'],
    evidence: ['evidence'],
  };
  return fits[type].includes(rule);
}

export const handoffTemplateSchema = z
  .object({
    /** The kind is the key: one template per kind per workspace. */
    id: handoffKindSchema,
    kind: handoffKindSchema,
    label: name,
    sender: name,
    receiver: name,
    /** The receiver answers within this many business days. */
    slaBusinessDays: z.number().int().min(1).max(60),
    fields: z.array(payloadFieldSchema).min(1).max(40),
  })
  .refine((t) => t.id === t.kind, { message: 'id must equal kind', path: ['id'] })
  .refine((t) => new Set(t.fields.map((f) => f.key)).size === t.fields.length, {
    message: 'field keys must be unique',
    path: ['fields'],
  });
export type HandoffTemplate = z.infer<typeof handoffTemplateSchema>;

/** A success criterion inside a hand-over's `targets` field or the objective. */
export const criterionSchema = z.object({
  id: idSchema,
  metric: name,
  /** Numeric target; required by acceptance rules, optional while drafting. */
  target: z.number().finite().optional(),
  unit: text(40).default(''),
  /** Due day counted from `contract_signed` (typically 30/90/180/270). */
  dueDay: z.number().int().min(1).max(3650).optional(),
  current: z.number().finite().optional(),
  /** Lower is better (e.g. time to resolve): the target is a ceiling. */
  lowerIsBetter: z.boolean().optional(),
  /** Who vouches for it: the customer validated it, or sales assumed it. */
  validation: z.enum(['customer_validated', 'sales_assumed']).optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const evidenceSchema = z.object({
  text: name,
  /** A link or the name of a document the evidence comes from. */
  source: text(500).default(''),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A payload value, shaped by its field type. Stakeholder references are stakeholder ids. */
export const fieldValueSchema = z.union([
  z.object({ type: z.literal('text'), text: text(5000) }),
  z.object({ type: z.literal('person'), stakeholderId: idSchema }),
  z.object({ type: z.literal('people'), stakeholderIds: z.array(idSchema).max(50) }),
  z.object({ type: z.literal('targets'), criteria: z.array(criterionSchema).max(20) }),
  z.object({ type: z.literal('list'), items: z.array(text(500)).max(50) }),
  /** The map itself is the client's stakeholders; the value confirms it was reviewed for this hand-over. */
  z.object({ type: z.literal('stakeholderMap'), reviewedAt: timeSchema.optional() }),
  z.object({ type: z.literal('evidence'), items: z.array(evidenceSchema).max(20) }),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const HANDOFF_STATUSES = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export const handoffStatusSchema = z.enum(HANDOFF_STATUSES);
export type HandoffStatus = z.infer<typeof handoffStatusSchema>;

export const rejectionSchema = z.object({
  /** One reason per rejected field, in the receiver's words. */
  reasons: z.array(z.object({ field: z.string().min(1), reason: text(1000).pipe(z.string().min(1, 'say why')) })).min(1),
  fields: z.array(z.string().min(1)).min(1),
  at: timeSchema,
  by: text(200),
  /** The values of the rejected fields when rejected, so the receiver sees what changed since. */
  valuesAtRejection: z.record(z.string(), fieldValueSchema.nullable()).default({}),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const handoffSchema = z.object({
  id: idSchema,
  kind: handoffKindSchema,
  clientId: idSchema,
  dealId: idSchema.optional(),
  senderOwner: text(200),
  receiverOwner: text(200),
  status: handoffStatusSchema,
  values: z.record(z.string(), fieldValueSchema).default({}),
  rejection: rejectionSchema.optional(),
  /** Set when the closed-won gate saw the deal won while gaps remained. */
  incompleteAtClose: z.boolean().optional(),
  /** Completeness (0..1) when the deal was seen won; for the "completeness at close" metric. */
  completenessAtClose: z.number().min(0).max(1).optional(),
  slaBusinessDays: z.number().int().min(1).max(60).default(2),
  createdAt: timeSchema,
  submittedAt: timeSchema.optional(),
  acceptedAt: timeSchema.optional(),
  rejectedAt: timeSchema.optional(),
});
export type Handoff = z.infer<typeof handoffSchema>;

// ---------------------------------------------------------------- objective

export const SIGNER_ROLES = ['executive_sponsor', 'project_sponsor', 'operating_owner'] as const;
export const signerRoleSchema = z.enum(SIGNER_ROLES);
export type SignerRole = z.infer<typeof signerRoleSchema>;

export const signatureSchema = z.object({
  role: signerRoleSchema,
  stakeholderId: idSchema,
  /** The objective version this signature covers. */
  version: z.number().int().min(1),
  at: timeSchema,
});
export type Signature = z.infer<typeof signatureSchema>;

export const objectiveSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  outcome: text(500),
  scope: z.array(text(300)).max(30).default([]),
  nonScope: z.array(text(300)).max(30).default([]),
  successCriteria: z.array(criterionSchema).max(20).default([]),
  decisionOwners: z.array(z.object({ area: name, stakeholderId: idSchema })).max(30).default([]),
  reviewCadenceDays: z.number().int().min(1).max(365).default(30),
  /** Rises by one on every content change. */
  version: z.number().int().min(1).default(1),
  signatures: z.array(signatureSchema).max(3).default([]),
  lastReviewedAt: timeSchema.optional(),
  createdAt: timeSchema,
  updatedAt: timeSchema.optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

// ---------------------------------------------------------------- decisions and events

/** An owner is a customer stakeholder or one of our people (a teammate's name or email). */
export const ownerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stakeholder'), stakeholderId: idSchema, name: text(200).optional() }),
  z.object({ kind: z.literal('member'), name, email: z.email().optional() }),
]);
export type Owner = z.infer<typeof ownerSchema>;

export const decisionSourceSchema = z.enum(['meeting', 'call', 'email']);
export type DecisionSource = z.infer<typeof decisionSourceSchema>;

export const decisionSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  title: z.string().trim().min(1, 'give the decision a title').max(200),
  text: text(5000).default(''),
  owner: ownerSchema,
  decidedAt: timeSchema,
  participants: z.array(ownerSchema).max(50).default([]),
  /** Set when it was circulated at the moment it was logged; later circulation is a `decision_circulated` event. */
  circulatedAt: timeSchema.optional(),
  /** The decision this one reopens (decisions are append-only). */
  reopens: idSchema.optional(),
  source: decisionSourceSchema,
  createdAt: timeSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

export const CUSTOMER_EVENTS = [
  'contract_signed',
  'implementation_kickoff_completed',
  'first_admin_login',
  'first_value_achieved',
  'adoption_threshold_reached',
  'executive_business_review_completed',
  'expansion_signal_detected',
  'risk_signal_detected',
] as const;
export const OUR_EVENTS = [
  'handoff_submitted',
  'handoff_accepted',
  'handoff_rejected',
  'objective_signed',
  'decision_logged',
  'decision_reopened',
  /** Decisions are append-only, so their circulation is recorded as an event (payload `{ decisionId }`). */
  'decision_circulated',
] as const;
export const EVENT_NAMES = [...CUSTOMER_EVENTS, ...OUR_EVENTS] as const;
export const eventNameSchema = z.enum(EVENT_NAMES);
export type EventName = z.infer<typeof eventNameSchema>;

export const eventSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  name: eventNameSchema,
  at: timeSchema,
  actor: text(200),
  payload: z.record(z.string(), z.json()).default({}),
});
export type LifecycleEvent = z.infer<typeof eventSchema>;
