/** The dashboard page: portfolio triage, metrics, a client's page, the one-pager, settings and data. */
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './dashboard.css';
import { App } from './App';
import { MARK_START } from './perf';

performance.mark(MARK_START);
createRoot(document.getElementById('root')!).render(<App />);
