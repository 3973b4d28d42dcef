import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { FirstAnswer } from './first-answer';

/** React takes over the popup, starting from the frame ./first-frame.ts drew for the same first answer. */
export function mount(root: HTMLElement, locale: string, first: FirstAnswer): void {
  const paintedSearch = root.querySelector<HTMLInputElement>('input[role="combobox"]');
  createRoot(root).render(
    <StrictMode>
      <App locale={locale} first={first} paintedSearch={paintedSearch} />
    </StrictMode>,
  );
}
