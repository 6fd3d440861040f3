import { describe, expect, it } from 'vitest';
import * as tables from '../../../lib/domain/tables';
import { formatHlc } from '../../../lib/sync/shared/hlc';
import {
  APPEND_TABLES,
  ChangeSchema,
  FieldNameSchema,
  MutationSchema,
  PROTOCOL_VERSION,
  PullRequestSchema,
  PushRequestSchema,
  RECORD_TABLES,
  protocolOf,
} from '../../../lib/sync/shared/protocol';

const hlc = formatHlc(1_700_000_000_000, 0, 'c1');

describe('sync protocol schemas', () => {
  it('names the same tables as lib/domain', () => {
    expect(RECORD_TABLES).toEqual(tables.RECORD_TABLES);
    expect(APPEND_TABLES).toEqual(tables.APPEND_TABLES);
    expect(Object.keys(tables.tableSchemas).sort()).toEqual([...RECORD_TABLES, ...APPEND_TABLES].sort());
  });

  it.each([
    [{ protocol: 1 }, 'supported'],
    [{ protocol: 2, anything: true }, 'unsupported'],
    [{ protocol: '1' }, 'unsupported'],
    [{}, 'unsupported'],
    [null, 'unsupported'],
    ['1', 'unsupported'],
  ] as const)('reads the protocol of %j first: %s', (body, expected) => {
    expect(protocolOf(body)).toBe(expected);
  });

  it.each([
    { id: 1, op: 'put', table: 'clients', key: 'k', fields: { name: { v: 'Acme', hlc } } },
    { id: 1, op: 'put', table: 'handoffs', key: 'k', fields: { 'values.success_criteria': { v: null, hlc } } },
    { id: 2, op: 'delete', table: 'deals', key: 'k', hlc },
    { id: 3, op: 'append', table: 'events', key: 'e', record: { id: 'e', payload: { any: ['json'] } } },
  ])('accepts the mutation %j', (m) => {
    expect(MutationSchema.safeParse(m).success).toBe(true);
  });

  it.each([
    ['id 0', { id: 0, op: 'delete', table: 'deals', key: 'k', hlc }],
    ['a fractional id', { id: 1.5, op: 'delete', table: 'deals', key: 'k', hlc }],
    ['delete on an append-only table', { id: 1, op: 'delete', table: 'events', key: 'k', hlc }],
    ['append on a record table', { id: 1, op: 'append', table: 'deals', key: 'k', record: { id: 'k' } }],
    ['a value that is not JSON', { id: 1, op: 'put', table: 'deals', key: 'k', fields: { name: { v: undefined, hlc } } }],
    ['a missing value', { id: 1, op: 'put', table: 'deals', key: 'k', fields: { name: { hlc } } }],
  ])('refuses a mutation with %s', (_, m) => {
    expect(MutationSchema.safeParse(m).success).toBe(false);
  });

  it.each(['name', 'values.success_criteria', 'signatures.executive_sponsor', 'a1_b'])('accepts the field name %s', (n) => {
    expect(FieldNameSchema.safeParse(n).success).toBe(true);
  });
  it.each(['__proto__', 'constructor', 'values.__proto__', 'toString', '1abc', 'a b', 'a.b.c', '', 'x'.repeat(65)])('refuses the field name %j', (n) => {
    expect(FieldNameSchema.safeParse(n).success).toBe(false);
  });

  it('limits a push to 500 mutations and a pull to 5000 rows', () => {
    const m = { id: 1, op: 'delete', table: 'deals', key: 'k', hlc };
    expect(PushRequestSchema.safeParse({ protocol: PROTOCOL_VERSION, clientId: 'c', mutations: Array(500).fill(m) }).success).toBe(true);
    expect(PushRequestSchema.safeParse({ protocol: PROTOCOL_VERSION, clientId: 'c', mutations: Array(501).fill(m) }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ protocol: 1, clientId: 'c', cursor: null, limit: 5000 }).success).toBe(true);
    expect(PullRequestSchema.safeParse({ protocol: 1, clientId: 'c', cursor: null, limit: 5001 }).success).toBe(false);
  });

  it('describes a pulled row with its per-field clocks and tombstone', () => {
    expect(ChangeSchema.parse({ table: 'deals', key: 'k', fields: { stage: { v: 'Won', hlc } }, deleted: null, seq: 7 })).toBeTruthy();
    expect(ChangeSchema.safeParse({ table: 'deals', key: 'k', fields: {}, deleted: 'yesterday', seq: 7 }).success).toBe(false);
  });
});
