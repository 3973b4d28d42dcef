import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from '#imports';
import { z } from 'zod';
import '@/assets/ui.css';
import './options.css';
import { App } from './App';

// Our CSP forbids eval: tell zod not to try its compiled validators.
z.config({ jitless: true });
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
