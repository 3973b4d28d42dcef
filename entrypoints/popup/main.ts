import type { PopupStart } from './start';

// React's part of the popup: it takes over from the first frame that popup-first-frame.js drew (./start.ts).
const root = document.getElementById('root')!;
// index.html runs popup-first-frame.js before this module.
const started: PopupStart = window.whoseCloudPopup!;
void started.painted
  .then(() => Promise.all([import('./mount'), started.answer]))
  .then(([{ mount }, answer]) => mount(root, started.locale, answer));
