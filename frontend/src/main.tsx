import 'antd/dist/reset.css';
import './index.css';
// Validates import.meta.env before anything renders.
import '@/config/env';
import '@/lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { restoreSession } from '@/lib/auth/session';
import { keepScrollRegionsFocusable } from '@/lib/scroll-regions';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Missing #root element in index.html.');
}

// A reload or a new tab: the session comes back from the refresh cookie (the guard waits for it).
void restoreSession();
// Tables that scroll sideways can be scrolled with the keyboard.
keepScrollRegionsFocusable();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
