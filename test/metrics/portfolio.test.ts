import { describe, expect, it } from 'vitest';
import { PORTFOLIO_NOW } from '../../bench/fixtures/portfolio';
import { tableSchemas, type TableName } from '../../lib/domain/tables';
import { buildTriage } from '../../lib/triage/rules';
import { buildMetrics } from '../../lib/metrics/view';
import { dashboardPortfolio, FABRIKAM_ID } from '../fixtures/dashboard-portfolio';

describe('the dashboard test portfolio', () => {
  const t = dashboardPortfolio({ clients: 300 });

  it('is valid against every table schema, so imports and seeds of it are real data', () => {
    for (const [table, rows] of Object.entries(t)) {
      for (const row of rows as object[]) {
        const r = tableSchemas[table as TableName].safeParse(row);
        if (!r.success) throw new Error(`${table} ${(row as { id: string }).id}: ${r.error.message}`);
      }
    }
  });

  it('gives every triage rule and metric something to show', () => {
    const triage = buildTriage({ ...t, circulatedDecisionIds: new Set(t.events.filter((e) => e.name === 'decision_circulated').map((e) => String(e.payload['decisionId']))), now: PORTFOLIO_NOW });
    const codes = new Set(triage.rows.flatMap((r) => r.issues.map((i) => i.code)));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['handoff_rejected', 'handoff_incomplete_at_close', 'objective_changed', 'objective_unsigned', 'high_influence_blocker', 'single_thread', 'decision_not_circulated']),
    );
    expect(triage.rows.some((r) => r.clientId === FABRIKAM_ID)).toBe(true);
    const m = buildMetrics({ clients: t.clients, stakeholders: t.stakeholders, handoffs: t.handoffs, events: t.events, now: PORTFOLIO_NOW });
    expect(m.rejection.submissions).toBeGreaterThan(0);
    expect(m.accept.medianDays).not.toBeNull();
    expect(m.completeness.count).toBeGreaterThan(0);
    expect(m.nrr.imported).toBe(true);
    expect(m.expansion.qualified).toBeGreaterThan(0);
  });
});
