/**
 * Sync protocol version 1 as zod schemas: the one definition of every message between the extension and the sync
 * server (`../shared/SYNC.md`). Both sides parse with these, so a message one side accepts the other side produced.
 *
 * Requests carry a `protocol` literal. Parse it first with {@link protocolOf} so a client speaking another version gets
 * `426 protocol_unsupported` ("please update") instead of a validation error about fields it never heard of.
 */
import { z } from 'zod';
import { isHlc } from './hlc';

export const PROTOCOL_VERSION = 1;
export const SUPPORTED_PROTOCOLS = [PROTOCOL_VERSION] as const;

/** Tables whose rows merge field by field (put/delete). */
export const RECORD_TABLES = [
  'clients',
  'crmLinks',
  'deals',
  'handoffs',
  'stakeholders',
  'objectives',
  'templates',
] as const;
/** Tables whose rows are written once and never changed (append). */
export const APPEND_TABLES = ['decisions', 'events'] as const;
export const TABLES = [...RECORD_TABLES, ...APPEND_TABLES] as const;

export type RecordTable = (typeof RECORD_TABLES)[number];
export type AppendTable = (typeof APPEND_TABLES)[number];
export type TableName = RecordTable | AppendTable;

export function isAppendTable(table: string): table is AppendTable {
  return (APPEND_TABLES as readonly string[]).includes(table);
}

export const MAX_MUTATIONS_PER_PUSH = 500;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
/** Row keys are ids; a CRM link's id (`crm:instance:object:id`, see lib/domain) may reach 300 characters. */
export const MAX_KEY_LENGTH = 300;
export const MAX_CLIENT_ID_LENGTH = 64;
/** Request bodies above this many bytes are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const HlcSchema = z.string().refine(isHlc, { message: 'Not a hybrid logical clock stamp' });
export const ClientIdSchema = z.string().min(1).max(MAX_CLIENT_ID_LENGTH);
export const RowKeySchema = z.string().min(1).max(MAX_KEY_LENGTH);
/**
 * Sync field names: an identifier, optionally followed by `.<part>` for the split fields of `lib/domain/tables.ts`
 * (`values.<key>`, `signatures.<role>`). Names that exist on `Object.prototype` (`__proto__`, `constructor`…) are
 * refused, so no object built from client field names can be polluted.
 */
export const FieldNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z0-9_-]{1,64})?$/, {
    message: 'Field names are identifiers of at most 64 characters, optionally followed by .<part>',
  })
  .refine((name) => name.split('.').every((segment) => !(segment in Object.prototype)), {
    message: 'Reserved field name',
  });
export const MutationIdSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const TableNameSchema = z.enum(TABLES);

/** One field's value and the clock of the write that set it. */
export const FieldValueSchema = z.object({ v: z.json(), hlc: HlcSchema });
export const FieldsSchema = z.record(FieldNameSchema, FieldValueSchema);

export const PutMutationSchema = z.object({
  id: MutationIdSchema,
  op: z.literal('put'),
  table: z.enum(RECORD_TABLES),
  key: RowKeySchema,
  fields: FieldsSchema.refine((f) => Object.keys(f).length > 0, { message: 'A put sets at least one field' }),
});
export const AppendMutationSchema = z.object({
  id: MutationIdSchema,
  op: z.literal('append'),
  table: z.enum(APPEND_TABLES),
  key: RowKeySchema,
  record: z.record(FieldNameSchema, z.json()),
});
export const DeleteMutationSchema = z.object({
  id: MutationIdSchema,
  op: z.literal('delete'),
  table: z.enum(RECORD_TABLES),
  key: RowKeySchema,
  hlc: HlcSchema,
});
export const MutationSchema = z.discriminatedUnion('op', [
  PutMutationSchema,
  AppendMutationSchema,
  DeleteMutationSchema,
]);

export type FieldValue = z.infer<typeof FieldValueSchema>;
export type Fields = z.infer<typeof FieldsSchema>;
export type PutMutation = z.infer<typeof PutMutationSchema>;
export type AppendMutation = z.infer<typeof AppendMutationSchema>;
export type DeleteMutation = z.infer<typeof DeleteMutationSchema>;
export type Mutation = z.infer<typeof MutationSchema>;

export const ProtocolLiteral = z.literal(PROTOCOL_VERSION);

/**
 * `mutations` is parsed as a plain list here and each element with {@link MutationSchema} on its own, so the server
 * can name the failing mutation (`422 invalid_mutation` with `mutationId`). More than 500 mutations is an invalid
 * request (`422 invalid_request`), not a 413: the count is part of the request schema.
 */
export const PushEnvelopeSchema = z.object({
  protocol: ProtocolLiteral,
  clientId: ClientIdSchema,
  mutations: z.array(z.unknown()).max(MAX_MUTATIONS_PER_PUSH),
});
export const PushRequestSchema = PushEnvelopeSchema.extend({
  mutations: z.array(MutationSchema).max(MAX_MUTATIONS_PER_PUSH),
});
export const PushResponseSchema = z.object({ lastMutationId: z.number().int().min(0) });

export const PullRequestSchema = z.object({
  protocol: ProtocolLiteral,
  clientId: ClientIdSchema,
  cursor: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
/**
 * A whole current row with its per-field clocks. `deleted` is the tombstone clock (or null); the row is deleted when
 * it is later than every field clock (see `lib/sync/shared/merge.ts`). Append-only rows carry `APPEND_HLC` on every field.
 */
export const ChangeSchema = z.object({
  table: TableNameSchema,
  key: RowKeySchema,
  fields: FieldsSchema,
  deleted: HlcSchema.nullable(),
  seq: z.number().int().min(1),
});
export const PullResponseSchema = z.object({
  cursor: z.string(),
  more: z.boolean(),
  lastMutationId: z.number().int().min(0),
  changes: z.array(ChangeSchema),
});

export type PushRequest = z.infer<typeof PushRequestSchema>;
export type PushResponse = z.infer<typeof PushResponseSchema>;
export type PullRequest = z.infer<typeof PullRequestSchema>;
export type PullResponse = z.infer<typeof PullResponseSchema>;
export type Change = z.infer<typeof ChangeSchema>;

export const RoleSchema = z.enum(['admin', 'member', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

export const MeResponseSchema = z.object({
  member: z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema }),
  workspace: z.object({ id: z.string(), name: z.string() }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const HealthResponseSchema = z.object({ ok: z.literal(true), protocol: z.number().int() });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** Every error code the server answers with, by status: see SYNC.md "Errors and limits". */
export const ERROR_CODES = {
  bad_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  mutation_gap: 409,
  body_too_large: 413,
  invalid_request: 422,
  invalid_mutation: 422,
  protocol_unsupported: 426,
  rate_limited: 429,
  internal: 500,
  shutting_down: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** An issue as the server reports it: where in the request, and what is wrong. */
export const IssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** Any error body: `{"error": <code>, …}`. Unknown codes still parse, so an older client can show them. */
export const ErrorBodySchema = z.looseObject({ error: z.string() });
export const MutationGapErrorSchema = z.object({
  error: z.literal('mutation_gap'),
  lastMutationId: z.number().int().min(0),
});
export const InvalidMutationErrorSchema = z.object({
  error: z.literal('invalid_mutation'),
  /** The failing mutation's id, or null when it has no usable id. */
  mutationId: z.number().nullable(),
  issues: z.array(IssueSchema),
});
export const InvalidRequestErrorSchema = z.object({ error: z.literal('invalid_request'), issues: z.array(IssueSchema) });
export const ProtocolUnsupportedErrorSchema = z.object({
  error: z.literal('protocol_unsupported'),
  supported: z.array(z.number()),
});
export const ForbiddenErrorSchema = z.object({ error: z.literal('forbidden'), reason: z.string() });
export const RateLimitedErrorSchema = z.object({ error: z.literal('rate_limited'), retryAfter: z.number() });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type MutationGapError = z.infer<typeof MutationGapErrorSchema>;
export type InvalidMutationError = z.infer<typeof InvalidMutationErrorSchema>;
export type InvalidRequestError = z.infer<typeof InvalidRequestErrorSchema>;
export type ProtocolUnsupportedError = z.infer<typeof ProtocolUnsupportedErrorSchema>;

/**
 * The protocol a request body claims, read before anything else: `'supported'`, or `'unsupported'` for any body whose
 * `protocol` is missing or not {@link PROTOCOL_VERSION}.
 */
export function protocolOf(body: unknown): 'supported' | 'unsupported' {
  const probe = z.object({ protocol: ProtocolLiteral }).safeParse(body);
  return probe.success ? 'supported' : 'unsupported';
}

/** zod issues → the protocol's issue list (path and message only; never the offending values). */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}
