import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../lib/sync/shared/hlc';
import { APPEND_HLC, applyMutation, isDeleted, materialize, mergeRow, type RowState } from '../../../lib/sync/shared/merge';
import type { Mutation } from '../../../lib/sync/shared/protocol';

const hlc = (ms: number, counter = 0, client = 'a') => formatHlc(ms, counter, client);
const put = (id: number, fields: Record<string, [unknown, string]>): Mutation => ({
  id,
  op: 'put',
  table: 'clients',
  key: 'k',
  fields: Object.fromEntries(Object.entries(fields).map(([k, [v, h]]) => [k, { v: v as never, hlc: h }])),
});
const del = (id: number, h: string): Mutation => ({ id, op: 'delete', table: 'clients', key: 'k', hlc: h });
const apply = (ms: Mutation[]) => ms.reduce<RowState | undefined>(applyMutation, undefined);

describe('field-level last-writer-wins', () => {
  it.each([
    ['keeps the later write of a field', [put(1, { name: ['old', hlc(1)] }), put(2, { name: ['new', hlc(2)] })], { name: 'new' }],
    ['keeps the later write even when it arrives first', [put(2, { name: ['new', hlc(2)] }), put(1, { name: ['old', hlc(1)] })], { name: 'new' }],
    ['merges different fields written by different clients', [put(1, { name: ['Acme', hlc(5, 0, 'a')] }), put(1, { csOwner: ['Jo', hlc(3, 0, 'b')] })], { name: 'Acme', csOwner: 'Jo' }],
    ['breaks an equal-millisecond tie by client id', [put(1, { name: ['from b', hlc(5, 0, 'b')] }), put(1, { name: ['from a', hlc(5, 0, 'a')] })], { name: 'from b' }],
    ['deletes a row whose tombstone is later than every field', [put(1, { name: ['x', hlc(1)] }), del(2, hlc(2))], null],
    ['revives a deleted row on a later put, keeping its older fields', [put(1, { name: ['x', hlc(1)], csOwner: ['Jo', hlc(1)] }), del(2, hlc(2)), put(3, { name: ['y', hlc(3)] })], { name: 'y', csOwner: 'Jo' }],
    ['ignores a delete older than a concurrent edit', [put(1, { name: ['edited', hlc(5)] }), del(2, hlc(4))], { name: 'edited' }],
  ] as const)('%s', (_, mutations, expected) => {
    expect(materialize(apply([...mutations])!)).toEqual(expected);
  });

  it('ignores an append whose key exists: the first write wins', () => {
    const a = (text: string): Mutation => ({ id: 1, op: 'append', table: 'decisions', key: 'd1', record: { id: 'd1', text } });
    const state = apply([a('first'), a('second')])!;
    expect(materialize(state)).toEqual({ id: 'd1', text: 'first' });
    expect(state.fields.text!.hlc).toBe(APPEND_HLC);
  });

  it('returns the same object when a mutation changes nothing', () => {
    const state = apply([put(1, { name: ['new', hlc(2)] })])!;
    expect(applyMutation(state, put(2, { name: ['old', hlc(1)] }))).toBe(state);
    expect(applyMutation(state, put(2, { name: ['new', hlc(2)] }))).toBe(state);
    expect(mergeRow(state, { fields: {}, deleted: null })).toBe(state);
  });

  it('never mutates its inputs', () => {
    const a: RowState = { fields: { name: { v: 'a', hlc: hlc(1) } }, deleted: null };
    const b: RowState = { fields: { name: { v: 'b', hlc: hlc(2) } }, deleted: hlc(3) };
    const snapshot = structuredClone([a, b]);
    mergeRow(a, b);
    mergeRow(b, a);
    expect([a, b]).toEqual(snapshot);
  });

  it('treats a tombstone equal to no field clock as the deciding clock', () => {
    expect(isDeleted({ fields: { a: { v: 1, hlc: hlc(2) } }, deleted: hlc(2) })).toBe(false);
    expect(isDeleted({ fields: {}, deleted: hlc(1) })).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------- properties

const clock = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('a', 'b', 'c'))
  .map(([ms, c, id]) => hlc(ms, c, id));
const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y', null), fc.constant({ n: [1, 2] }));
const fieldName = fc.constantFrom('name', 'stage', 'owner');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fieldName, fc.record({ v: value, hlc: clock }), { minKeys: 1 }).map((fields) => ({ id: 1, op: 'put' as const, table: 'deals' as const, key: 'k', fields: fields as never })) },
  { weight: 1, arbitrary: clock.map((h) => ({ id: 1, op: 'delete' as const, table: 'deals' as const, key: 'k', hlc: h })) },
);
const state: fc.Arbitrary<RowState> = fc.array(mutation, { minLength: 1, maxLength: 5 }).map((ms) => apply(ms)!);

describe('merge laws', () => {
  it('mergeRow is commutative', () => {
    fc.assert(fc.property(state, state, (a, b) => {
      expect(mergeRow(a, b)).toEqual(mergeRow(b, a));
    }));
  });
  it('mergeRow is associative', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(mergeRow(mergeRow(a, b), c)).toEqual(mergeRow(a, mergeRow(b, c)));
      }),
    );
  });
  it('mergeRow is idempotent', () => {
    fc.assert(fc.property(state, state, (a, b) => {
      expect(mergeRow(mergeRow(a, b), b)).toEqual(mergeRow(a, b));
      expect(mergeRow(a, a)).toEqual(a);
    }));
  });
  it('gives identical rows for the same mutations in any order, any number of times', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 12 }).chain((ms) =>
          fc.tuple(fc.constant(ms), fc.shuffledSubarray([...ms, ...ms, ...ms], { minLength: 3 * ms.length })),
        ),
        ([once, replayed]) => {
          // every mutation at least once, in a random order, some of them up to three times
          const a = apply(once)!;
          const b = apply(replayed)!;
          expect(b).toEqual(a);
          expect(materialize(b)).toEqual(materialize(a));
        },
      ),
    );
  });
  it('gives the same row whether mutations are applied one by one or merged as states', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 2, maxLength: 10 }), fc.nat(), (ms, cut) => {
        const at = 1 + (cut % (ms.length - 1));
        expect(mergeRow(apply(ms.slice(0, at))!, apply(ms.slice(at))!)).toEqual(apply(ms));
      }),
    );
  });
  it('keeps for every field the write with the greatest clock (no edit lost)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (ms) => {
        const s = apply(ms)!;
        const best = new Map<string, string>();
        for (const m of ms) if (m.op === 'put') for (const [f, { hlc: h }] of Object.entries(m.fields)) if ((best.get(f) ?? '') < h) best.set(f, h);
        for (const [f, h] of best) expect(s.fields[f]!.hlc).toBe(h);
      }),
    );
  });
});

describe('hostile field names', () => {
  it('merges a field named __proto__ (from JSON) as a plain field, never as the prototype', () => {
    const a = JSON.parse(`{"fields":{"__proto__":{"v":1,"hlc":"${hlc(1)}"}},"deleted":null}`) as RowState;
    const b = JSON.parse(`{"fields":{"__proto__":{"v":2,"hlc":"${hlc(2)}"}},"deleted":null}`) as RowState;
    const merged = mergeRow(a, b);
    expect(Object.getPrototypeOf(merged.fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(merged.fields, '__proto__')?.value).toEqual({ v: 2, hlc: hlc(2) });
    expect(Object.getOwnPropertyDescriptor(materialize(merged), '__proto__')?.value).toBe(2);
    expect(mergeRow({ fields: {}, deleted: null }, JSON.parse('{"fields":{"constructor":{"v":1,"hlc":"0000000000001-0000-a"}},"deleted":null}')).fields.constructor).toEqual({ v: 1, hlc: hlc(1) });
  });
});
