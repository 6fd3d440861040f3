import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './popup.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
