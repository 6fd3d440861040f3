import { z } from 'zod';

/** `GET /services/data/`: every API version the org serves, oldest first. */
export const versionListSchema = z
  .array(z.object({ label: z.string(), url: z.string().regex(/^\/services\/data\/v\d+\.\d+$/), version: z.string().regex(/^\d+\.\d+$/) }))
  .min(1);

/** The body of every REST API error: a list of `{ errorCode, message }`. */
export const errorBodySchema = z.array(z.object({ errorCode: z.string(), message: z.string() })).min(1);

/** One page of a SOQL query result; `nextRecordsUrl` is present while `done` is false. */
export function queryPageSchema<T extends z.ZodType>(record: T) {
  return z.object({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(record),
  });
}

/** The Opportunity fields Baton reads; a missing relationship comes back as `null`. */
export const opportunityRecordSchema = z.object({
  Id: z.string(),
  Name: z.string(),
  StageName: z.string(),
  IsWon: z.boolean(),
  IsClosed: z.boolean(),
  Amount: z.number().nullable(),
  CloseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  AccountId: z.string().nullable(),
  Account: z.object({ Name: z.string() }).nullable(),
});

/** An OpportunityContactRole with its contact; `Contact` is null when the user cannot see the contact. */
export const contactRoleRecordSchema = z.object({
  Id: z.string(),
  ContactId: z.string().nullable(),
  Contact: z.object({ Name: z.string().nullable(), Email: z.string().nullable(), Title: z.string().nullable() }).nullable(),
  Role: z.string().nullable(),
  IsPrimary: z.boolean(),
});
