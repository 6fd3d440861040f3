/** The dashboard's frame: a top bar with the sections and the sync status, and the page for the route. */
import { lazy, Suspense, useEffect } from 'react';
import { useSyncStatus } from '../../lib/hooks/useSyncStatus';
import { Empty } from '../../components/ui';
import { Loading } from './pages/Loading';
import { TriagePage } from './pages/TriagePage';
import { href, useRoute, type Route } from './router';

// The triage is what the page opens on; the other pages load when first visited, so its first render does not wait
// for their code (the settings alone bring zod and every schema).
const MetricsPage = lazy(() => import('./pages/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ClientPage = lazy(() => import('./pages/ClientPage').then((m) => ({ default: m.ClientPage })));
const OnePagerPage = lazy(() => import('./pages/OnePagerPage').then((m) => ({ default: m.OnePagerPage })));

const TITLES: Record<Route['page'], string> = {
  triage: 'Triage',
  metrics: 'Metrics',
  settings: 'Settings and data',
  client: 'Client',
  'one-pager': 'One-pager',
  'not-found': 'Not found',
};

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Baton`;
  }, [route.page]);
  const section = route.page === 'client' || route.page === 'one-pager' ? 'triage' : route.page;
  return (
    <div className={`app app-${route.page}`}>
      <header className="topbar no-print">
        <a className="brand" href={href.triage} aria-label="Baton dashboard">
          <span className="brand-mark" aria-hidden="true">B</span>
          <span className="brand-name">Baton</span>
        </a>
        <nav className="nav" aria-label="Sections">
          <a href={href.triage} aria-current={section === 'triage' ? 'page' : undefined}>Triage</a>
          <a href={href.metrics} aria-current={section === 'metrics' ? 'page' : undefined}>Metrics</a>
          <a href={href.settings} aria-current={section === 'settings' ? 'page' : undefined}>
            Settings<span className="nav-long"> and data</span>
          </a>
        </nav>
        <SyncLine />
      </header>
      <main className="main">
        <Suspense fallback={<Loading what="the page" />}>{page(route)}</Suspense>
      </main>
    </div>
  );
}

function page(route: Route) {
  switch (route.page) {
    case 'triage':
      return <TriagePage />;
    case 'metrics':
      return <MetricsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'client':
      return <ClientPage key={route.clientId} clientId={route.clientId} />;
    case 'one-pager':
      return <OnePagerPage key={route.clientId} clientId={route.clientId} />;
    case 'not-found':
      return (
        <Empty title="There is no such page">
          <p>
            <a href={href.triage}>Go to the triage</a>
          </p>
        </Empty>
      );
  }
}

function SyncLine() {
  const status = useSyncStatus();
  if (!status) return <span className="sync-line" />;
  const dot = status.state === 'synced' ? 'ok' : status.state === 'attention' ? 'bad' : status.state === 'offline' ? 'warn' : status.state === 'syncing' ? 'busy' : '';
  return (
    <a className="sync-line" href={href.settings} title={status.reason ?? status.label} data-testid="sync-status">
      <span className={`dot${dot ? ` dot-${dot}` : ''}`} aria-hidden="true" />
      <span className="sync-label">{status.label}</span>
    </a>
  );
}
