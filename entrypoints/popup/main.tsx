import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './popup.css';
import { App } from './App';

// Where the page's time goes before the first render (module fetch and compile vs React): bench/popup.bench.ts.
performance.mark('baton:script');

createRoot(document.getElementById('root')!).render(<App />);
