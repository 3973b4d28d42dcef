// Banner and popup timings in headless Chromium (issue 7), measured inside the page so Playwright's round trips do not count.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, stopServiceWorkers, type ChromiumSession } from '../browser/chromium';
import { startFixtureServer, type FixtureServer } from '../browser/fixture-server';
import { ToolbarButton } from '../browser/toolbar-button';

export const BROWSER_LOADS = 20;
export const BROWSER_WARMUPS = 1;
const CONSOLE_URL = 'https://console.aliyun.com/';
const WAIT_MS = 10_000;
/** Lets a closed popup's window go before the next click. */
const POPUP_CLOSE_MS = 250;
const PORT_RETRY_MS = 30_000;

export interface BrowserSamples {
  /** The same samples, each visit and click made with the service worker stopped just before (the usual case: MV3 stops an idle worker). */
  cold?: Omit<BrowserSamples, 'cold'>;
  /** Per load: from domContentLoadedEventStart to the moment <whose-cloud-banner> is added to the document, ms. */
  bannerMs: number[];
  /** Per load: from navigation start to the banner, ms: what the asleep ÷ warm ratio compares (the banner may precede DOMContentLoaded). */
  bannerFromStartMs: number[];
  /** Per click on the toolbar button: from the popup's navigation start to its first line of script ('whose-cloud:popup-script'), ms. */
  popupScriptMs: number[];
  /** Per click: from the popup's navigation start to `.provider-card` in the document (the top of the card, the first screen), ms. */
  popupVerdictMs: number[];
  /** Per click: from the popup's navigation start to the whole card (its last line, `.fineprint`) in the document, ms. */
  popupWholeMs: number[];
  /** Per click: from the click to `.provider-card`, the browser's opening of the popup window included, ms. */
  popupFromClickMs: number[];
  /** Per click, with an empty popup of the same extension (the benchmark's copy only) that adds a bare card at once: the browser's floor, ms. */
  blankVerdictMs: number[];
  /** The same empty popup, from the click. */
  blankFromClickMs: number[];
}

/** One visit with the worker asleep, from Chromium's own trace: ms after navigationStart. */
export interface ColdTrace {
  domContentLoaded: number;
  contentScript: { evaluatedAt: number; evaluationMs: number; callbacks: number; callbackMs: number; lastCallbackEnd: number };
  worker: { firstEventAt: number | null; apiCalls: number; lastApiCallEnd: number | null };
  firstPaintAfterScript: number | null;
}

export interface BrowserTimings extends BrowserSamples {
  trace?: ColdTrace;
  /** Chromium's full version, e.g. 156.0.8078.108. */
  chromium: string;
  /** The first loads, left out of the medians: they include starting the service worker and the renderers. */
  warmup: BrowserSamples;
}

interface Probe {
  /** performance.now() when the awaited element was added; undefined until then. */
  addedAt?: number;
}
declare global {
  interface Window {
    whoseCloudBench?: Probe;
  }
}

/** Runs in the page before its own scripts: notes when the first element matching `selector` joins the document. */
function watchFor(selector: string): void {
  const probe: Probe = {};
  window.whoseCloudBench = probe;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    probe.addedAt = performance.now();
    observer.disconnect();
  });
  // Init scripts run before the parser has made <html> (documentElement is still null), so watch the document itself.
  observer.observe(document, { childList: true, subtree: true });
}

async function openWatching(session: ChromiumSession, url: string, selector: string): Promise<Page> {
  const page = await session.context.newPage();
  try {
    await page.addInitScript(watchFor, selector);
    await page.goto(url);
    await page.waitForFunction(() => window.whoseCloudBench?.addedAt !== undefined, null, { timeout: WAIT_MS });
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}

async function bannerLatency(session: ChromiumSession): Promise<{ afterDcl: number; fromStart: number }> {
  const page = await openWatching(session, CONSOLE_URL, 'whose-cloud-banner');
  try {
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { afterDcl: window.whoseCloudBench!.addedAt! - navigation.domContentLoadedEventStart, fromStart: window.whoseCloudBench!.addedAt! };
    });
  } finally {
    await page.close();
  }
}

/** Added to the benchmark's copy only: a probe in the popup's <head>, and an empty popup that carries the same probe. */
const PROBE_SCRIPT = 'bench-probe.js';
const BLANK_POPUP = 'bench-blank.html';
const POPUP = 'popup.html';
const TITLE_MARK = 'whose-cloud-bench ';

/**
 * Runs in the popup before its own scripts: notes when a `.provider-card` is in, and once the whole card is (its
 * `.fineprint`), writes the timings into the title, which the browser reports without attaching to the page.
 */
function popupProbe(titleMark: string): void {
  let card: number | undefined;
  const observer = new MutationObserver(() => {
    if (card === undefined && document.querySelector('.provider-card')) card = performance.now();
    if (card === undefined || !document.querySelector('.provider-card .fineprint')) return;
    observer.disconnect();
    const whole = performance.now();
    const script = performance.getEntriesByName('whose-cloud:popup-script')[0]?.startTime ?? card;
    document.title = `${titleMark}${JSON.stringify({ card, whole, script, origin: performance.timeOrigin })}`;
  });
  observer.observe(document, { childList: true, subtree: true });
}

function instrumentPopups(extensionDir: string): void {
  writeFileSync(join(extensionDir, PROBE_SCRIPT), `(${popupProbe.toString()})(${JSON.stringify(TITLE_MARK)});\n`);
  const probe = `<script src="/${PROBE_SCRIPT}"></script>`;
  const popupPath = join(extensionDir, POPUP);
  writeFileSync(popupPath, readFileSync(popupPath, 'utf8').replace('<head>', `<head>${probe}`));
  writeFileSync(join(extensionDir, BLANK_POPUP), `<!doctype html><html><head>${probe}<meta charset="utf-8"><title>blank</title></head><body><script type="module" src="/bench-blank.js"></script></body></html>`);
  writeFileSync(
    join(extensionDir, 'bench-blank.js'),
    "const card = Object.assign(document.createElement('div'), { className: 'provider-card' });\ncard.append(Object.assign(document.createElement('p'), { className: 'fineprint' }));\ndocument.body.append(card);\n",
  );
}

interface PopupOpen {
  script: number;
  card: number;
  whole: number;
  fromClick: number;
}

/** Clicks the toolbar button once and reads the popup's timings; before closing it, makes `next` the popup of the following click. */
async function timePopup(button: ToolbarButton, next: string): Promise<PopupOpen> {
  const clickedAt = await button.click();
  const popup = await button.popup((target) => target.title.startsWith(TITLE_MARK));
  const { card, whole, script, origin } = JSON.parse(popup.title.slice(TITLE_MARK.length)) as { card: number; whole: number; script: number; origin: number };
  // From inside the open popup, so that the worker is not woken for it.
  await button.evaluate(popup, `chrome.action.setPopup({ popup: ${JSON.stringify(next)} })`);
  await button.closePopup(popup);
  await new Promise((resolve) => setTimeout(resolve, POPUP_CLOSE_MS));
  return { script, card, whole, fromClick: origin + card - clickedAt };
}

// The user agent reports 156.0.0.0; the DevTools protocol gives the full version.
async function chromiumVersion(session: ChromiumSession): Promise<string> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    return product.replace(/^\D+/, '');
  } finally {
    await page.close();
  }
}

/** Port 443 is shared with `npm run test:browser`: wait a while for another run to let it go. */
async function fixtureServer(): Promise<FixtureServer> {
  const deadline = Date.now() + PORT_RETRY_MS;
  for (;;) {
    try {
      return await startFixtureServer();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (Date.now() > deadline) throw new Error(`port 443 stayed in use for ${PORT_RETRY_MS / 1000} s (are the browser tests running?)`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

interface TraceEvent {
  cat: string;
  name: string;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; documentLoaderURL?: string }; frame?: string };
}

const TRACE_CATEGORIES = 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,ServiceWorker,blink.user_timing,extensions,loading';

/** Records one cold visit to `url` with Chromium's tracing and says where the time went. */
async function traceColdVisit(session: ChromiumSession, url: string): Promise<ColdTrace> {
  await stopServiceWorkers(session);
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url);
    await page.waitForTimeout(1500);
    await cdp.send('Tracing.end');
    await complete;
    const host = new URL(url).host;
    const navigation = events.filter((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').includes(host)).at(-1);
    const start = navigation?.ts;
    // DOMContentLoaded names only the frame: the page's own is the last one in its frame.
    const dcl = events.filter((e) => e.name === 'domContentLoadedEventStart' && e.args?.frame === navigation?.args?.frame).at(-1)?.ts;
    if (start === undefined || dcl === undefined) throw new Error('the trace has no navigation marks');
    const at = (ts: number) => (ts - start) / 1000;
    const isOurScript = (e: TraceEvent) => (e.args?.data?.url ?? '').endsWith('/content-scripts/warning.js') && e.ts >= start;
    const evaluation = events.find((e) => e.name === 'EvaluateScript' && isOurScript(e));
    const callbacks = events.filter((e) => e.name === 'FunctionCall' && isOurScript(e));
    const lastCallbackEnd = Math.max(...callbacks.map((e) => e.ts + (e.dur ?? 0)), evaluation ? evaluation.ts + (evaluation.dur ?? 0) : start);
    const workerEvents = events.filter((e) => e.name === 'ServiceWorkerVersion::Request' && e.ts >= start);
    const apiCalls = events.filter((e) => e.name === 'ExtensionFunctionDispatcher::DispatchForServiceWorker' && e.ts >= start);
    const paint = events.find((e) => e.name === 'Paint' && e.ts >= lastCallbackEnd);
    return {
      domContentLoaded: at(dcl),
      contentScript: {
        evaluatedAt: evaluation ? at(evaluation.ts) : NaN,
        evaluationMs: (evaluation?.dur ?? NaN) / 1000,
        callbacks: callbacks.length,
        callbackMs: callbacks.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
        lastCallbackEnd: at(lastCallbackEnd),
      },
      worker: {
        firstEventAt: workerEvents[0] ? at(workerEvents[0].ts) : null,
        apiCalls: apiCalls.length,
        lastApiCallEnd: apiCalls.length > 0 ? at(Math.max(...apiCalls.map((e) => e.ts + (e.dur ?? 0)))) : null,
      },
      firstPaintAfterScript: paint ? at(paint.ts) : null,
    };
  } finally {
    await page.close();
  }
}

/** Times banner and popup with one warm-up and `BROWSER_LOADS` fresh pages each; one browser, closed whatever happens. */
export async function timeInChromium(extensionDir: string): Promise<BrowserTimings> {
  // A private copy, so that a build started elsewhere meanwhile cannot swap the files under the browser.
  const copy = mkdtempSync(join(tmpdir(), 'whose-cloud-bench-'));
  let server: FixtureServer | undefined;
  let session: ChromiumSession | undefined;
  try {
    cpSync(extensionDir, copy, { recursive: true });
    instrumentPopups(copy);
    server = await fixtureServer();
    session = await launchChromium(copy, { clickableAction: true });
    const empty = (): Omit<BrowserSamples, 'cold'> => ({ bannerMs: [], bannerFromStartMs: [], popupScriptMs: [], popupVerdictMs: [], popupWholeMs: [], popupFromClickMs: [], blankVerdictMs: [], blankFromClickMs: [] });
    const timings: BrowserTimings = { chromium: '', ...empty(), warmup: empty() };
    const cold = empty();
    const samplesFor = (run: number) => (run < BROWSER_WARMUPS ? timings.warmup : timings);
    for (let load = 0; load < BROWSER_WARMUPS + BROWSER_LOADS; load++) {
      const { afterDcl, fromStart } = await bannerLatency(session);
      samplesFor(load).bannerMs.push(afterDcl);
      samplesFor(load).bannerFromStartMs.push(fromStart);
    }
    // The popup opens over the console tab, as people meet it; each click on ours is followed by one on the empty popup.
    const consoleTab = await session.context.newPage();
    await consoleTab.goto(CONSOLE_URL);
    const button = await ToolbarButton.on(session, consoleTab);
    const clickBoth = async (samples: Omit<BrowserSamples, 'cold'>, asleep: boolean) => {
      if (asleep) await stopServiceWorkers(session!);
      // The popup shows the active tab: keep it the console's, whatever a helper page did meanwhile.
      await consoleTab.bringToFront();
      const ours = await timePopup(button, BLANK_POPUP);
      samples.popupScriptMs.push(ours.script);
      samples.popupVerdictMs.push(ours.card);
      samples.popupWholeMs.push(ours.whole);
      samples.popupFromClickMs.push(ours.fromClick);
      if (asleep) await stopServiceWorkers(session!);
      await consoleTab.bringToFront();
      const blank = await timePopup(button, POPUP);
      samples.blankVerdictMs.push(blank.card);
      samples.blankFromClickMs.push(blank.fromClick);
    };
    try {
      for (let open = 0; open < BROWSER_WARMUPS + BROWSER_LOADS; open++) await clickBoth(samplesFor(open), false);
      for (let load = 0; load < BROWSER_LOADS; load++) {
        await stopServiceWorkers(session);
        const { afterDcl, fromStart } = await bannerLatency(session);
        cold.bannerMs.push(afterDcl);
        cold.bannerFromStartMs.push(fromStart);
      }
      for (let open = 0; open < BROWSER_LOADS; open++) await clickBoth(cold, true);
    } finally {
      await button.close();
      await consoleTab.close();
    }
    timings.cold = cold;
    timings.trace = await traceColdVisit(session, CONSOLE_URL);
    timings.chromium = await chromiumVersion(session);
    return timings;
  } finally {
    await session?.close();
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
  }
}
