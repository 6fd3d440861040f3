import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatHlc } from '../../../lib/sync/shared/hlc';
import { domainTableRules } from '../../../lib/sync/shared/table-rules';
import { rulesFromSchemas, validateMutation } from '../../../lib/sync/shared/validate';

const hlc = formatHlc(1_700_000_000_000, 0, 'c1');
const putOf = (table: string, key: string, fields: Record<string, unknown>) => ({
  id: 7,
  op: 'put',
  table,
  key,
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { v, hlc }])),
});

describe('validateMutation with an injected schema map', () => {
  const rules = rulesFromSchemas({
    clients: z.object({ id: z.string(), name: z.string().min(1) }),
    decisions: z.object({ id: z.string(), title: z.string() }),
  });

  it.each([
    ['a known field with a valid value', putOf('clients', 'k', { name: 'Acme' }), true],
    ['an id field equal to the key', putOf('clients', 'k', { id: 'k', name: 'Acme' }), true],
    ['an unknown field', putOf('clients', 'k', { colour: 'red' }), false],
    ['a field named after an Object.prototype member', putOf('clients', 'k', { hasOwnProperty: 'x' }), false],
    ['an invalid value', putOf('clients', 'k', { name: '' }), false],
    ['an id field that differs from the key', putOf('clients', 'k', { id: 'j' }), false],
    ['a table missing from the map', putOf('deals', 'k', { name: 'x' }), false],
    ['a valid append', { id: 7, op: 'append', table: 'decisions', key: 'd', record: { id: 'd', title: 'Go' } }, true],
    ['an append missing a field', { id: 7, op: 'append', table: 'decisions', key: 'd', record: { id: 'd' } }, false],
    ['an append whose id is not the key', { id: 7, op: 'append', table: 'decisions', key: 'd', record: { id: 'e', title: 'Go' } }, false],
  ])('%s → valid: %s', (_, m, ok) => {
    const r = validateMutation(m, rules);
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.mutationId).toBe(7);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it('reports a mutation without a usable id as mutationId null', () => {
    expect(validateMutation({ op: 'put' }, rules)).toMatchObject({ ok: false, mutationId: null });
    expect(validateMutation('junk', rules)).toMatchObject({ ok: false, mutationId: null });
  });
});

describe('validateMutation with the domain tables', () => {
  it.each([
    ['a client name', putOf('clients', 'c1', { name: 'Acme' }), true],
    ['clearing an optional field with null', putOf('clients', 'c1', { csOwner: null }), true],
    ['clearing a required field with null', putOf('clients', 'c1', { name: null }), false],
    ['one hand-over payload value (a split field)', putOf('handoffs', 'h1', { 'values.success_criteria': { type: 'text', text: 'ok' } }), true],
    ['removing a hand-over payload value', putOf('handoffs', 'h1', { 'values.success_criteria': null }), true],
    ['the whole values object (split fields sync by part)', putOf('handoffs', 'h1', { values: {} }), false],
    ['a stage that is not text', putOf('deals', 'd1', { stage: 42 }), false],
    ['an event', { id: 7, op: 'append', table: 'events', key: 'e1', record: { id: 'e1', clientId: 'c1', name: 'contract_signed', at: 1, actor: 'Sam' } }, true],
    ['an event with an unknown name', { id: 7, op: 'append', table: 'events', key: 'e1', record: { id: 'e1', clientId: 'c1', name: 'party', at: 1, actor: 'Sam' } }, false],
  ])('%s → valid: %s', (_, m, ok) => {
    expect(validateMutation(m, domainTableRules).ok).toBe(ok);
  });
});
