/** The dashboard page: portfolio triage, metrics, a client's page, the one-pager, settings and data. */
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './dashboard.css';
import { DataProvider } from '../../lib/hooks/data';
import { prepareTriage } from '../../lib/hooks/useTriage';
import { App } from './App';
import { MARK_START } from './perf';
import { parseRoute } from './router';
import { dashboardSource } from './source';

performance.mark(MARK_START);
// The triage's reads start before React's first render.
if (parseRoute(location.hash).page === 'triage') prepareTriage(dashboardSource);
createRoot(document.getElementById('root')!).render(
  <DataProvider source={dashboardSource}>
    <App />
  </DataProvider>,
);
