import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './panel.css';
import { DataProvider } from '../../lib/hooks/data';
import { portSource } from '../../lib/data/port/client';
import { App } from './App';

// The panel's frame may not open storage on a CRM site: it reads and writes through the background's port.
createRoot(document.getElementById('root')!).render(
  <DataProvider source={portSource}>
    <App />
  </DataProvider>,
);
