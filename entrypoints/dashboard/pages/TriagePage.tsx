/** The weekly triage: every client that needs a look, filtered and sorted, in a windowed list fast at 5,000. */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Badge, Banner, Empty } from '../../../components/ui';
import { relativeTime } from '../../../lib/domain/words';
import { VirtualList } from '../../../components/dashboard/VirtualList';
import { CRMS, type Crm } from '../../../lib/domain/schemas';
import { TRIAGE_GROUPS, TRIAGE_RULES, type TriageGroup, type TriageRow, type TriageCode } from '../../../lib/triage/rules';
import { TRIAGE_SORTS, filterTriage, sortTriage, triageFacets, type TriageFilter, type TriageSort } from '../../../lib/triage/filter';
import { nameOf } from '../../../lib/domain/people';
import { crmName, linkUrl } from '../crm';
import { useTriage } from '../../../lib/hooks/useTriage';
import { markTriageRendered } from '../perf';
import { href } from '../router';
import { Loading } from './Loading';

export const TRIAGE_ROW_HEIGHT = 68;
/** On a narrow window (the `max-width: 700px` layout in dashboard.css) a row stacks: client and actions, then issues. */
export const TRIAGE_ROW_HEIGHT_NARROW = 104;
const NARROW = 'screen and (max-width: 700px)';

/** Whether the window is narrow, following resizes. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(NARROW).matches);
  useEffect(() => {
    const mq = matchMedia(NARROW);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

const TONE = { 3: 'bad', 2: 'warn', 1: 'info' } as const;

export function TriagePage() {
  const state = useTriage();
  const triage = state.triage;
  const [filter, setFilter] = useState<TriageFilter>({});
  const [sort, setSort] = useState<TriageSort>('urgency');
  const facets = useMemo(() => (triage ? triageFacets(triage.rows) : null), [triage]);
  const rows = useMemo(() => (triage ? sortTriage(filterTriage(triage.rows, filter), sort) : []), [triage, filter, sort]);
  const now = Date.now();
  const narrow = useNarrow();

  useLayoutEffect(() => {
    if (triage) markTriageRendered();
  }, [triage]);

  if (!triage || !facets) {
    if (state.error) {
      return (
        <div className="page">
          <Banner tone="bad" title="The triage could not be prepared" role="alert">
            {state.error}
          </Banner>
        </div>
      );
    }
    return <Loading what="the portfolio" />;
  }
  const set = (change: Partial<TriageFilter>) => setFilter((f) => ({ ...f, ...change }));
  const filtered = !!(filter.owner || filter.stage || filter.crm || filter.group || filter.text?.trim());

  return (
    <div className="page page-wide triage">
      <div className="page-head">
        <div>
          <h1>Triage</h1>
          <p className="muted" data-testid="triage-summary">
            {triage.clients === 0
              ? 'No clients yet.'
              : `${triage.rows.length.toLocaleString('en')} of ${triage.clients.toLocaleString('en')} clients need a look${filtered ? ` · ${rows.length.toLocaleString('en')} shown` : ''}`}
            {state.updating ? (
              <span className="updating" role="status">
                {' '}
                · Updating…
              </span>
            ) : null}
            {state.error ? (
              <span className="error-text" role="alert">
                {' '}
                · {state.error}
              </span>
            ) : null}
          </p>
        </div>
      </div>

      <div className="tabs triage-tabs" role="tablist" aria-label="Kind of issue">
        <button role="tab" className="tab" aria-selected={!filter.group} onClick={() => set({ group: undefined })}>
          All <span className="count">{triage.rows.length}</span>
        </button>
        {TRIAGE_GROUPS.map((g) => (
          <button key={g.group} role="tab" className="tab" aria-selected={filter.group === g.group} onClick={() => set({ group: g.group as TriageGroup })}>
            {g.label} <span className="count">{facets.groups[g.group]}</span>
          </button>
        ))}
      </div>

      <div className="filters" role="search">
        <input className="input filter-text" type="search" placeholder="Find a client" aria-label="Find a client by name" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
        <select className="select" aria-label="Owner" value={filter.owner ?? ''} onChange={(e) => set({ owner: e.target.value || undefined })}>
          <option value="">Every owner</option>
          {facets.owners.map((o) => (
            <option key={o} value={o}>
              {nameOf(o)}
            </option>
          ))}
        </select>
        <select className="select" aria-label="Stage" value={filter.stage ?? ''} onChange={(e) => set({ stage: e.target.value || undefined })}>
          <option value="">Every stage</option>
          {facets.stages.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select className="select" aria-label="CRM" value={filter.crm ?? ''} onChange={(e) => set({ crm: (e.target.value || undefined) as Crm | undefined })}>
          <option value="">Every CRM</option>
          {CRMS.filter((c) => facets.crms.includes(c)).map((c) => (
            <option key={c} value={c}>
              {crmName(c)}
            </option>
          ))}
        </select>
        <label className="sort">
          <span className="label">Sort</span>
          <select className="select" value={sort} onChange={(e) => setSort(e.target.value as TriageSort)}>
            {TRIAGE_SORTS.map((s) => (
              <option key={s.sort} value={s.sort}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button className="btn btn-link" onClick={() => setFilter({})}>
            Clear filters
          </button>
        ) : null}
      </div>

      {triage.clients === 0 ? (
        <Empty title="No clients yet">
          <p>Open an opportunity or account in your CRM: Baton makes the client there. Or import a backup in <a href={href.settings}>Settings and data</a>.</p>
        </Empty>
      ) : triage.rows.length === 0 ? (
        <Empty title="Nothing to review this week">
          <p>Every hand-over is answered, every objective signed and current, and every decision circulated.</p>
        </Empty>
      ) : rows.length === 0 ? (
        <Empty title="No client matches these filters">
          <button className="btn" onClick={() => setFilter({})}>
            Clear filters
          </button>
        </Empty>
      ) : (
        <div className="triage-table">
          <div className="triage-head" aria-hidden="true">
            <span>Client</span>
            <span>Needs a look</span>
            <span>Stage</span>
            <span>Waiting since</span>
            <span />
          </div>
          <VirtualList items={rows} resetKey={JSON.stringify([filter, sort])} rowHeight={narrow ? TRIAGE_ROW_HEIGHT_NARROW : TRIAGE_ROW_HEIGHT} getKey={(r) => r.clientId} label="Clients to review" className="triage-list" renderRow={(r) => <TriageRowView row={r} now={now} badges={narrow ? 1 : 2} />} />
        </div>
      )}
    </div>
  );
}

function TriageRowView({ row, now, badges }: { row: TriageRow; now: number; badges: number }) {
  const url = row.link ? linkUrl(row.link) : null;
  // One badge per kind of issue (two blockers are one badge "×2"), most urgent first.
  const kinds = new Map<TriageCode, number>();
  for (const i of row.issues) kinds.set(i.code, (kinds.get(i.code) ?? 0) + 1);
  const shown = [...kinds].slice(0, badges);
  const more = kinds.size - shown.length;
  const owners = [row.salesOwner && `Sales: ${nameOf(row.salesOwner)}`, row.csOwner && `CS: ${nameOf(row.csOwner)}`].filter(Boolean).join(' · ');
  return (
    <div className="trow" data-client-id={row.clientId}>
      <div className="trow-client">
        <a className="trow-name" href={href.client(row.clientId)}>
          {row.name}
        </a>
        <span className="faint trow-owners">{owners || 'No owner set'}</span>
      </div>
      <div className="trow-issues">
        <div className="trow-badges">
          {shown.map(([code, n]) => (
            <Badge key={code} tone={TONE[TRIAGE_RULES[code].weight]} title={row.issues.filter((i) => i.code === code).map((i) => i.fact).join('\n')}>
              {TRIAGE_RULES[code].label}
              {n > 1 ? ` ×${n}` : ''}
            </Badge>
          ))}
          {more > 0 ? <span className="faint trow-more">+{more} more</span> : null}
        </div>
        <span className="trow-fact" title={row.issues[0]!.fact}>
          {row.issues[0]!.fact}
        </span>
      </div>
      <div className="trow-stage">{row.stage ?? <span className="faint">—</span>}</div>
      <div className="trow-since faint">{row.oldest <= now ? relativeTime(row.oldest, now) : '—'}</div>
      <div className="trow-actions">
        {url && row.link ? (
          <a className="btn btn-small" href={url} target="_blank" rel="noopener noreferrer" title={`Open the record in ${crmName(row.link.crm)}`}>
            {crmName(row.link.crm)} ↗
          </a>
        ) : null}
        <a className="btn btn-small" href={href.client(row.clientId)} aria-label={`Open ${row.name}`}>
          Open
        </a>
      </div>
    </div>
  );
}
