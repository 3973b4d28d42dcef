import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { FirstAnswer } from './first-answer';

export function mount(root: HTMLElement, locale: string, first: Promise<FirstAnswer>): void {
  createRoot(root).render(
    <StrictMode>
      <App locale={locale} first={first} />
    </StrictMode>,
  );
}
