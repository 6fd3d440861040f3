/**
 * The five default hand-over templates of DOMAIN.md, as data. Labels and help use the source texts' words. A
 * workspace may replace any of them with its own JSON (see `template-json.ts`); the keys below are what the business
 * case and the closed-won gate look for, so custom templates should keep them where the field means the same.
 */
import type { HandoffKind, HandoffTemplate, PayloadField } from './schemas';

/** Field keys other domain code reads (business case, signals). */
export const FIELD_KEYS = {
  verifiedUseCase: 'verified_use_case',
  executiveSponsor: 'executive_sponsor',
  technicalOwner: 'technical_owner',
  successCriteria: 'success_criteria',
  stakeholderMap: 'stakeholder_map',
  buyingMotivation: 'buying_motivation',
  businessOutcomeEvidence: 'business_outcome_evidence',
  expansionSignals: 'expansion_signals',
  businessCase: 'business_case',
} as const;

const f = (field: PayloadField): PayloadField => field;

const verifiedUseCase = () =>
  f({
    key: 'verified_use_case',
    label: 'Verified use case',
    type: 'text',
    required: true,
    help: 'The use case the customer confirmed, not one implied: which team does what, in which workflow, to solve which named problem.',
    acceptance: { rule: 'text', minWords: 12 },
  });
const integrationScope = () =>
  f({
    key: 'integration_scope',
    label: 'Integration scope',
    type: 'list',
    required: true,
    help: 'Each system to connect, in which direction and with which system of record. "None" is an answer, say it.',
    acceptance: { rule: 'list', min: 1 },
  });
const technicalOwner = () =>
  f({
    key: 'technical_owner',
    label: 'Technical owner',
    type: 'person',
    required: true,
    help: 'The named person on the customer side who owns the technical side of the implementation.',
    acceptance: { rule: 'person', role: 'technical_owner' },
  });
const buyingMotivation = (label: string) =>
  f({
    key: 'buying_motivation',
    label,
    type: 'text',
    required: true,
    help: 'Why they bought, in their words: the commitment they made to their own organisation when they approved the investment.',
    acceptance: { rule: 'text', minWords: 8 },
  });
const contentConsumed = (required: boolean) =>
  f({
    key: 'content_consumed',
    label: 'Content consumed pre-purchase',
    type: 'list',
    required,
    help: 'What they read or watched before buying, so CS knows which messages the client actually believed.',
    acceptance: { rule: 'list', min: 1 },
  });

export const DEFAULT_TEMPLATES: readonly HandoffTemplate[] = [
  {
    id: 'lead_to_opportunity',
    kind: 'lead_to_opportunity',
    label: 'Lead to opportunity',
    sender: 'Marketing',
    receiver: 'Sales',
    slaBusinessDays: 2,
    fields: [
      f({
        key: 'demand_state_context',
        label: 'Demand-state context',
        type: 'text',
        required: true,
        help: 'Where the buyer is: problem aware, solution aware, comparing vendors; and what brought them in.',
        acceptance: { rule: 'text', minWords: 10 },
      }),
      buyingMotivation('Buying motivation'),
      contentConsumed(true),
      f({
        key: 'icp_fit_signals',
        label: 'ICP-fit signals',
        type: 'list',
        required: true,
        help: 'The signals that this account fits the ideal customer profile: size, industry, stack, trigger event.',
        acceptance: { rule: 'list', min: 2 },
      }),
    ],
  },
  {
    id: 'opportunity_to_close',
    kind: 'opportunity_to_close',
    label: 'Opportunity to close',
    sender: 'Sales',
    receiver: 'Sales, with IT validation',
    slaBusinessDays: 3,
    fields: [
      verifiedUseCase(),
      integrationScope(),
      f({
        key: 'technical_feasibility',
        label: 'Technical feasibility',
        type: 'text',
        required: true,
        help: 'What IT reviewed and confirmed is feasible, so sales does not commit to integrations and timelines IT never reviewed.',
        acceptance: { rule: 'text', minWords: 10 },
      }),
      technicalOwner(),
    ],
  },
  {
    id: 'close_to_onboarding',
    kind: 'close_to_onboarding',
    label: 'Close to onboarding',
    sender: 'Sales',
    receiver: 'Customer success',
    slaBusinessDays: 2,
    fields: [
      verifiedUseCase(),
      f({
        key: 'executive_sponsor',
        label: 'Executive sponsor',
        type: 'person',
        required: true,
        help: 'The named executive sponsor: the person who makes the decision when functions are stuck.',
        acceptance: { rule: 'person', role: 'executive_sponsor' },
      }),
      technicalOwner(),
      f({
        key: 'success_criteria',
        label: 'Success criteria',
        type: 'targets',
        required: true,
        help: 'Success criteria with numeric targets and a due day from contract signature (30, 90, 180 days), e.g. 70% weekly active usage across licensed seats by day 90.',
        acceptance: { rule: 'targets', min: 1 },
      }),
      integrationScope(),
      f({
        key: 'stakeholder_map',
        label: 'Stakeholder map',
        type: 'stakeholderMap',
        required: true,
        help: 'Stakeholder map with influence ratings: who agrees, who is silent, and who is actively misaligned.',
        acceptance: { rule: 'stakeholderMap', minCustomer: 3 },
      }),
      contentConsumed(false),
      buyingMotivation('Original buying motivation'),
      f({
        key: 'contractual_commitments',
        label: 'Contractual commitments',
        type: 'list',
        required: true,
        help: 'Every commitment made by sales: integrations, timelines, services, discounts. Write "none beyond the standard contract" if so.',
        acceptance: { rule: 'list', min: 1 },
      }),
    ],
  },
  {
    id: 'onboarding_to_adoption',
    kind: 'onboarding_to_adoption',
    label: 'Onboarding to adoption',
    sender: 'Customer success',
    receiver: 'Customer success, with IT instrumentation',
    slaBusinessDays: 3,
    fields: [
      f({
        key: 'first_value_milestone',
        label: 'First-value milestone',
        type: 'evidence',
        required: true,
        help: 'The first-value milestone reached, and where it is recorded.',
        acceptance: { rule: 'evidence', min: 1 },
      }),
      f({
        key: 'usage_telemetry',
        label: 'Telemetry confirming usage',
        type: 'evidence',
        required: true,
        help: 'Product telemetry that confirms usage, with a link to the dashboard or report.',
        acceptance: { rule: 'evidence', min: 1 },
      }),
      f({
        key: 'stakeholder_coverage',
        label: 'Stakeholder coverage',
        type: 'stakeholderMap',
        required: true,
        help: 'Decision-makers and influencers actively engaged: at least three rated stakeholders engaged in the last 45 days.',
        acceptance: { rule: 'stakeholderMap', minCustomer: 3, engagedWithinDays: 45 },
      }),
    ],
  },
  {
    id: 'adoption_to_expansion',
    kind: 'adoption_to_expansion',
    label: 'Adoption to expansion',
    sender: 'Customer success',
    receiver: 'Sales, with marketing support',
    slaBusinessDays: 3,
    fields: [
      f({
        key: 'expansion_signals',
        label: 'Expansion signals',
        type: 'evidence',
        required: true,
        help: 'Expansion signals detected: the behaviour or usage that predicts expansion, with where it shows.',
        acceptance: { rule: 'evidence', min: 1 },
      }),
      f({
        key: 'executive_sponsor_engaged',
        label: 'Executive sponsor engaged',
        type: 'person',
        required: true,
        help: 'The executive sponsor, engaged in the last 45 days.',
        acceptance: { rule: 'person', role: 'executive_sponsor', engagedWithinDays: 45 },
      }),
      f({
        key: 'business_outcome_evidence',
        label: 'Business-outcome evidence',
        type: 'evidence',
        required: true,
        help: 'Documented business outcomes tied to the original buying motivation, each with its source.',
        acceptance: { rule: 'evidence', min: 2 },
      }),
      f({
        key: 'business_case',
        label: 'Business case',
        type: 'text',
        required: true,
        help: 'What the customer is trying to accomplish and whether it is still current; the progress made and what remains; how this opportunity advances it through use cases they already run; what success looks like in their terms. Simple enough that their own people can carry it without us in the room.',
        acceptance: { rule: 'text', minWords: 60 },
      }),
    ],
  },
];

const BY_KIND = new Map(DEFAULT_TEMPLATES.map((t) => [t.kind, t]));

/** The default template of a kind. */
export function defaultTemplate(kind: HandoffKind): HandoffTemplate {
  return BY_KIND.get(kind)!;
}

/**
 * A workspace's templates completed with the defaults: its own template for a kind wins, the default fills the rest,
 * in lifecycle order.
 */
export function resolveTemplates(custom: readonly HandoffTemplate[]): HandoffTemplate[] {
  const own = new Map(custom.map((t) => [t.kind, t]));
  return DEFAULT_TEMPLATES.map((t) => own.get(t.kind) ?? t);
}
