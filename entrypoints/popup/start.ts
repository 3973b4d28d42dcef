import { browser } from '#imports';
import uiCss from '@/assets/ui.css?inline';
import { todayUtc } from '@/src/core/dates';
import { firstTop, type FirstAnswer } from './first-answer';
import { prepareFirstFrame, type FramePainter } from './first-frame';
import popupCss from './popup.css?inline';

/** What the popup's first script hands the React app, which is built and loaded apart from it. */
export interface PopupStart {
  locale: string;
  answer: Promise<FirstAnswer>;
  /** Settles once the first frame is on screen: React's evaluation would otherwise hold that paint back. */
  painted: Promise<unknown>;
}

declare global {
  interface Window {
    whoseCloudPopup?: PopupStart;
  }
}

/**
 * The element the popup draws in. This script runs from the document's head, before the body is parsed; by the time an
 * answer is read the body is there, and waiting for DOMContentLoaded (which waits for React's module too) would only delay the card.
 */
function parsedRoot(): Promise<HTMLElement> {
  const root = document.getElementById('root');
  if (root) return Promise.resolve(root);
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(document.getElementById('root')!), { once: true }));
}

/**
 * The popup's first frame, from one classic script with its styles inside: no module graph and no stylesheet to fetch
 * before the card, which is read from storage at once and drawn as soon as it is read.
 */
export function startPopup(): PopupStart {
  // `npm run bench` reads this mark: the time the browser took before any code of the popup could run.
  performance.mark('whose-cloud:popup-script');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(uiCss + popupCss);
  document.adoptedStyleSheets = [sheet];
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  let paint: FramePainter | undefined;
  const first = firstTop(new URLSearchParams(location.search).get('provider'), () => (paint = prepareFirstFrame(locale, todayUtc())));
  const answer = first.then(async (top) => {
    paint!.top(await parsedRoot(), top);
    return top.answer;
  });
  const painted = answer.then(async (whole) => {
    paint!.whole(await parsedRoot(), whole.view);
    // With no card yet (the worker must answer) React is needed at once; with one, the person reads while React loads.
    if (whole.view === undefined) return undefined;
    // After the next frame; or 100 ms on, should the browser not draw frames for this page (it is hidden).
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve));
      setTimeout(resolve, 100);
    });
  });
  return (window.whoseCloudPopup = { locale, answer, painted });
}
