/** Filtering, sorting and the filter values of the triage rows, for the dashboard's triage page. Pure. */
import type { Crm } from '../domain/schemas';
import { TRIAGE_RULES, type TriageGroup, type TriageRow } from './rules';

export interface TriageFilter {
  /** A sales or CS owner, exactly as written on the client. */
  owner?: string | undefined;
  stage?: string | undefined;
  crm?: Crm | undefined;
  group?: TriageGroup | undefined;
  /** Words in the client's name. */
  text?: string | undefined;
}

export type TriageSort = 'urgency' | 'oldest' | 'name' | 'owner';

export const TRIAGE_SORTS: { sort: TriageSort; label: string }[] = [
  { sort: 'urgency', label: 'Most urgent' },
  { sort: 'oldest', label: 'Waiting longest' },
  { sort: 'name', label: 'Client name' },
  { sort: 'owner', label: 'Owner' },
];

/** Rows that match every given filter. */
export function filterTriage(rows: readonly TriageRow[], f: TriageFilter): TriageRow[] {
  const text = f.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.owner || r.salesOwner === f.owner || r.csOwner === f.owner) &&
      (!f.stage || r.stage === f.stage) &&
      (!f.crm || r.crms.includes(f.crm)) &&
      (!f.group || r.issues.some((i) => TRIAGE_RULES[i.code].group === f.group)) &&
      (!text || r.name.toLowerCase().includes(text)),
  );
}

const byName = (a: TriageRow, b: TriageRow) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId);

/** A sorted copy; ties fall back to the client's name so the order is stable across renders. */
export function sortTriage(rows: readonly TriageRow[], sort: TriageSort): TriageRow[] {
  const cmp: Record<TriageSort, (a: TriageRow, b: TriageRow) => number> = {
    urgency: (a, b) => b.score - a.score || a.oldest - b.oldest || byName(a, b),
    oldest: (a, b) => a.oldest - b.oldest || b.score - a.score || byName(a, b),
    name: byName,
    owner: (a, b) => (a.csOwner ?? a.salesOwner ?? '\uffff').localeCompare(b.csOwner ?? b.salesOwner ?? '\uffff') || byName(a, b),
  };
  return [...rows].sort(cmp[sort]);
}

export interface TriageFacets {
  owners: string[];
  stages: string[];
  crms: Crm[];
  /** Clients with at least one issue of each group. */
  groups: Record<TriageGroup, number>;
}

/** The values the filters offer, from the rows themselves, sorted. */
export function triageFacets(rows: readonly TriageRow[]): TriageFacets {
  const owners = new Set<string>();
  const stages = new Set<string>();
  const crms = new Set<Crm>();
  const groups: Record<TriageGroup, number> = { handoffs: 0, objectives: 0, stakeholders: 0, decisions: 0 };
  for (const r of rows) {
    if (r.salesOwner) owners.add(r.salesOwner);
    if (r.csOwner) owners.add(r.csOwner);
    if (r.stage) stages.add(r.stage);
    for (const c of r.crms) crms.add(c);
    const seen = new Set<TriageGroup>();
    for (const i of r.issues) seen.add(TRIAGE_RULES[i.code].group);
    for (const g of seen) groups[g]++;
  }
  const sorted = <T extends string>(s: Set<T>) => [...s].sort((a, b) => a.localeCompare(b));
  return { owners: sorted(owners), stages: sorted(stages), crms: sorted(crms), groups };
}
