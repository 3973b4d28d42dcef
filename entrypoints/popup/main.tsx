import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from '#imports';
import '@/assets/ui.css';
import './popup.css';
import { App } from './App';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
