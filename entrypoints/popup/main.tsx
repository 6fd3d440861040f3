import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './popup.css';
import { DataProvider } from '../../lib/hooks/data';
import { App } from './App';
import { popupSource } from './data';

// Where the page's time goes before the first render (module fetch and compile vs React): bench/popup.bench.ts.
performance.mark('baton:script');

createRoot(document.getElementById('root')!).render(
  <DataProvider source={popupSource}>
    <App />
  </DataProvider>,
);
