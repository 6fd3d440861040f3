/** The shared metrics of the one dashboard, as numbers and small charts. */
import { BarChart, LineChart, Ring, Stat, type Datum } from '../../../components/dashboard/charts';
import { Empty } from '../../../components/ui';
import { pct } from '../../../lib/domain/words';
import { useQuery } from '../../../lib/hooks/data';
import { monthLabel, type MetricsView } from '../../../lib/metrics/view';
import { href } from '../router';
import { Loading } from './Loading';

const days = (d: number) => (d < 10 ? `${d.toFixed(1).replace(/\.0$/, '')} d` : `${Math.round(d)} d`);
const orDash = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));

export function MetricsPage() {
  const m = useQuery('metrics', []).value;
  if (!m) return <Loading what="the metrics" />;
  if (m.clients === 0) {
    return (
      <div className="page">
        <h1>Metrics</h1>
        <Empty title="No clients yet">
          <p>Metrics appear once clients have hand-overs, stakeholders and lifecycle events. Import a backup in <a href={href.settings}>Settings and data</a>, or start from a CRM record.</p>
        </Empty>
      </div>
    );
  }
  return (
    <div className="page metrics">
      <div className="page-head">
        <div>
          <h1>Metrics</h1>
          <p className="muted">{m.clients.toLocaleString('en')} clients. Every figure is counted from recorded events and rows; where there is no data it says so.</p>
        </div>
      </div>
      <div className="stats">
        <Stat label="Time to first value" value={orDash(m.ttfv.medianDays, days)} sub={`median · ${m.ttfv.achieved} of ${m.ttfv.signed} signed clients reached it`} />
        <Stat label="Stakeholder coverage" value={orDash(m.coverage.ratio, pct)} sub={`${m.coverage.engaged} of ${m.coverage.total} decision-makers engaged in 45 days`} tone={tone(m.coverage.ratio, 0.6, 0.4)} />
        <Stat label="Completeness at close" value={orDash(m.completeness.mean, pct)} sub={`mean · ${m.completeness.incomplete} of ${m.completeness.count} closed incomplete`} tone={tone(m.completeness.mean, 0.9, 0.7)} />
        <Stat label="Rejection rate" value={orDash(m.rejection.rate, pct)} sub={`${m.rejection.rejections} of ${m.rejection.submissions} submissions`} tone={tone(m.rejection.rate === null ? null : 1 - m.rejection.rate, 0.85, 0.7)} />
        <Stat label="Time to accept" value={orDash(m.accept.medianDays, days)} sub={`median · ${m.accept.accepted} accepted`} />
        <Stat label="Expansion-qualified" value={orDash(m.expansion.rate, pct)} sub={`${m.expansion.qualified} of ${m.expansion.clients} clients`} />
      </div>

      <div className="chart-grid-2">
        <section className="card chart-card" aria-labelledby="ttfv-h">
          <h2 id="ttfv-h">Time to first value, by contract month</h2>
          <p className="faint">Median days from contract signed to first value. A cohort still waiting shows a dash.</p>
          {m.ttfv.cohorts.length ? (
            <BarChart
              label="Median days to first value by cohort"
              data={m.ttfv.cohorts.slice(-12).map((c) => ({ label: c.label, value: c.medianDays, sub: `${c.achieved}/${c.clients}` }))}
              format={(v) => `${Math.round(v)}`}
              floor={30}
            />
          ) : (
            <Empty title="No contract_signed events yet">
              <p>Add “Contract signed” and “First value achieved” on a client’s timeline.</p>
            </Empty>
          )}
        </section>

        <section className="card chart-card" aria-labelledby="cov-h">
          <h2 id="cov-h">Stakeholder coverage across clients</h2>
          <p className="faint">
            How many clients have each share of their decision-makers engaged in the last 45 days. Median {orDash(m.coverage.medianRatio, pct)}
            {m.coverage.unmapped ? `; ${m.coverage.unmapped} clients have no decision-maker mapped` : ''}.
          </p>
          <BarChart label="Clients by coverage ratio" data={m.coverage.histogram.map((b) => ({ label: `${Math.round(b.from * 100)}%`, value: b.count }))} format={(v) => `${Math.round(v)}`} tone="ok" />
        </section>

        <section className="card chart-card" aria-labelledby="cmp-h">
          <h2 id="cmp-h">Completeness at close</h2>
          <p className="faint">Mean completeness of close → onboarding hand-overs when the deal was won, by month.</p>
          <BarChart label="Completeness at close by month" data={months(m.completeness.byMonth, (v) => v.mean, (v) => (v.count ? `${v.count}` : ''))} format={pct} tone="ok" floor={1} />
        </section>

        <section className="card chart-card" aria-labelledby="rej-h">
          <h2 id="rej-h">Rejection rate</h2>
          <p className="faint">Hand-over rejections per submission, by month.</p>
          <LineChart label="Rejection rate by month" data={months(m.rejection.byMonth, (v) => v.rate, (v) => (v.submissions ? `${v.submissions}` : ''))} format={pct} tone="bad" floor={0.2} />
        </section>

        <section className="card chart-card" aria-labelledby="acc-h">
          <h2 id="acc-h">Time to accept</h2>
          <p className="faint">Median days from first submission to acceptance, by month accepted (rejections and resubmissions count).</p>
          <BarChart label="Median days to accept by month" data={months(m.accept.byMonth, (v) => v.medianDays, (v) => (v.accepted ? `${v.accepted}` : ''))} format={(v) => v.toFixed(1)} floor={2} />
        </section>

        <section className="card chart-card expansion" aria-labelledby="exp-h">
          <h2 id="exp-h">Expansion-qualified accounts</h2>
          <p className="faint">Clients with an expansion signal and an executive sponsor engaged in the last 45 days.</p>
          <div className="expansion-body">
            <Ring value={m.expansion.rate ?? 0} label="Expansion-qualified rate" tone="ok" />
            <dl className="kv">
              <dt>Qualified</dt>
              <dd>{m.expansion.qualified.toLocaleString('en')}</dd>
              <dt>All clients</dt>
              <dd>{m.expansion.clients.toLocaleString('en')}</dd>
            </dl>
          </div>
        </section>
      </div>

      <section className="card chart-card nrr" aria-labelledby="nrr-h">
        <h2 id="nrr-h">Net revenue retention by cohort</h2>
        <Nrr nrr={m.nrr} />
      </section>
    </div>
  );
}

function Nrr({ nrr }: { nrr: MetricsView['nrr'] }) {
  if (!nrr.imported) {
    return <p className="muted" data-testid="nrr-none">No revenue figures have been imported, so net revenue retention is not shown. Baton never estimates revenue: import each client’s monthly figures to see it.</p>;
  }
  if (!nrr.cohorts.length) return <p className="muted">Revenue figures are imported, but no client has figures for both {nrr.asOf} and twelve months earlier.</p>;
  return (
    <>
      <p className="faint">Revenue in {monthLabel(nrr.asOf)} over revenue twelve months earlier, by month of contract, for clients with both figures imported.</p>
      <div className="nrr-body">
        <BarChart label="Net revenue retention by cohort" data={nrr.cohorts.slice(-12).map((c) => ({ label: monthLabel(c.cohort), value: c.nrr, sub: `${c.withFigures}/${c.clients}` }))} format={pct} floor={1.2} tone="ok" />
        <dl className="kv">
          <dt>Cohorts with figures</dt>
          <dd>{nrr.cohorts.length}</dd>
          <dt>Clients with both figures</dt>
          <dd>{nrr.cohorts.reduce((n, c) => n + c.withFigures, 0).toLocaleString('en')}</dd>
          <dt>Pooled</dt>
          <dd>{pct(nrr.cohorts.reduce((n, c) => n + c.endRevenue, 0) / Math.max(1, nrr.cohorts.reduce((n, c) => n + c.startRevenue, 0)))}</dd>
        </dl>
      </div>
      {nrr.cohorts.length > 12 ? <p className="faint">The last 12 cohorts of {nrr.cohorts.length}.</p> : null}
    </>
  );
}

function months<T>(points: { label: string; value: T }[], value: (v: T) => number | null, sub: (v: T) => string): Datum[] {
  return points.map((p) => ({ label: p.label, value: value(p.value), sub: sub(p.value) }));
}

function tone(v: number | null, good: number, fair: number): 'ok' | 'warn' | 'bad' | undefined {
  if (v === null) return undefined;
  return v >= good ? 'ok' : v >= fair ? 'warn' : 'bad';
}
