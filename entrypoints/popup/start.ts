import { browser } from '#imports';
import uiCss from '@/assets/ui.css?inline';
import { todayUtc } from '@/src/core/dates';
import { firstAnswer, type FirstAnswer } from './first-answer';
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
  const root = document.getElementById('root')!;
  let paint: FramePainter | undefined;
  const answer = firstAnswer(new URLSearchParams(location.search).get('provider'), () => (paint = prepareFirstFrame(locale, todayUtc())));
  const painted = answer.then((first) => {
    paint!(root, first);
    // With no card yet (the worker must answer) React is needed at once; with one, the person reads while React loads.
    if (first.view === undefined) return undefined;
    // After the next frame; or 100 ms on, should the browser not draw frames for this page (it is hidden).
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve));
      setTimeout(resolve, 100);
    });
  });
  return (window.whoseCloudPopup = { locale, answer, painted });
}
