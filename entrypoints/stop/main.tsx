import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from '#imports';
import '@/assets/ui.css';
import './stop.css';
import { App } from './App';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = browser.i18n.getMessage('stopTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
