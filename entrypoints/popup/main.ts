import { browser } from '#imports';
import '@/assets/ui.css';
import './popup.css';
import { todayUtc } from '@/src/core/dates';
import { firstAnswer } from './first-answer';
import { paintFirstFrame } from './first-frame';

// `npm run bench` reads this mark: the time the browser took before any code of the popup could run.
performance.mark('whose-cloud:popup-script');
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
const root = document.getElementById('root')!;
// The card's answer is read from storage at once, and drawn as soon as it is read.
const first = firstAnswer(new URLSearchParams(location.search).get('provider'));
/** Resolves once the browser has put the painted frame on screen: React's evaluation would otherwise hold that paint back. */
const painted = first.then((answer) => {
  paintFirstFrame(root, answer, locale, todayUtc());
  // With no card yet (the worker must answer) React is needed at once; with one, the person reads while React loads.
  if (answer.view === undefined) return undefined;
  // After the next frame; or 100 ms on, should the browser not draw frames for this page (it is hidden).
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
});
void painted
  .then(() => Promise.all([import('./mount'), first]))
  .then(([{ mount }, answer]) => mount(root, locale, answer));
