import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/fixtures/portfolio';
import { tableSchemas, type TableName } from '../../lib/domain/tables';
import { buildQueue } from '../../lib/queue/rules';
import { loadQueueInput } from '../../lib/queue/query';
import { freshDb } from '../db/helpers';

describe('the benchmark portfolio', () => {
  const p = generatePortfolio({ clients: 60, decisionsPerClient: 10 });

  it('is the same for the same options', () => {
    expect(generatePortfolio({ clients: 60, decisionsPerClient: 10 })).toEqual(p);
  });

  it('has the rows the options ask for', () => {
    expect(p.counts).toMatchObject({ clients: 60, decisions: 600, objectives: 60 });
    expect(new Set(p.tables.clients.map((c) => c.name)).size).toBe(60);
  });

  it.each(Object.keys(p.tables) as TableName[])('writes only valid %s rows', (table) => {
    const rows = p.tables[table as keyof typeof p.tables] as unknown[];
    for (const row of rows) expect(tableSchemas[table].safeParse(row).error?.issues ?? []).toEqual([]);
  });

  it('gives "me" a queue with urgent items', async () => {
    const db = freshDb();
    for (const [table, rows] of Object.entries(p.tables)) await db.table(table).bulkAdd(rows as object[]);
    const items = buildQueue(await loadQueueInput(db, p.me, p.now));
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.urgent)).toBe(true);
  });
});
