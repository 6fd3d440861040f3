/** The dashboard page: portfolio triage, metrics, a client's page, the one-pager, settings and data. */
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './dashboard.css';
import { App } from './App';
import { prepareTriage } from './data';
import { MARK_START } from './perf';
import { parseRoute } from './router';

performance.mark(MARK_START);
// The triage's reads start before React's first render.
if (parseRoute(location.hash).page === 'triage') prepareTriage();
createRoot(document.getElementById('root')!).render(<App />);
