import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuery } from '../../src/core/check';
import { todayUtc } from '../../src/core/dates';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { verdictFor } from '../../src/core/verdict';
import { CARD_TOP_ACTIONS, isOwnAction, viewVerdict } from '../../src/core/verdict-view';
import { CHROMIUM, launchChromium, stopServiceWorkers, type ChromiumSession } from './chromium';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';
import { ToolbarButton } from './toolbar-button';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const WAIT_MS = 10_000;

/** What the popup shows once its first frame is drawn: the card's heading, level and page kind, or the subject's line. */
interface Shown {
  heading: string | null;
  level: string | null;
  pageKind: string | null;
  text: string;
  styled: boolean;
  /** The provider's own measures listed, once the whole card is in (its top lists fewer). */
  ownMeasures: number;
}
const READ_FRAME = `(() => {
  const subject = document.querySelector('.subject');
  // Until the card (or the line saying there is none) is in: the subject may say "Loading…" while the worker answers.
  if (!subject || (!subject.querySelector('.provider-card') && (!subject.querySelector('p.muted') || subject.textContent === chrome.i18n.getMessage('loading')))) return null;
  // A card: until the whole of it is in, after its top.
  if (subject.querySelector('.provider-card') && !subject.querySelector('.provider-card .fineprint')) return null;
  return {
    heading: document.querySelector('.provider-card h2')?.textContent ?? null,
    level: document.querySelector('.provider-card .level-badge')?.textContent ?? null,
    pageKind: document.querySelector('.page-kind')?.textContent ?? null,
    text: subject.textContent,
    // The popup's own width, set only by its adopted stylesheet.
    styled: getComputedStyle(document.body).width === '440px',
    ownMeasures: document.querySelectorAll('[aria-labelledby="actions-heading"] > .actions > li').length,
  };
})()`;

// The path people take: a click on the toolbar button over a provider's tab, with activeTab granted by the click.
describe.skipIf(!existsSync(CHROMIUM))('the popup opened from the toolbar button', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  const index = loadDatasetIndex(todayUtc());

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium(EXTENSION, { clickableAction: true });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function popupOver(url: string, workerAsleep: boolean): Promise<Shown> {
    const tab = await session.context.newPage();
    await tab.goto(url);
    if (workerAsleep) await stopServiceWorkers(session);
    await tab.bringToFront();
    const button = await ToolbarButton.on(session, tab);
    try {
      await button.click();
      const popup = await button.popup();
      const deadline = Date.now() + WAIT_MS;
      let shown: Shown | null = null;
      while (!shown && Date.now() < deadline) shown = (await button.evaluate(popup, READ_FRAME)) as Shown | null;
      await button.closePopup(popup);
      if (!shown) throw new Error(`the popup over ${url} drew nothing`);
      return shown;
    } finally {
      await button.close();
      await tab.close();
    }
  }

  it.each([false, true])("shows the tab's provider, the level the core gives, the page's kind and, after the card's top, all of the provider's own measures (worker asleep: %s)", async (workerAsleep) => {
    const shown = await popupOver('https://console.aliyun.com/overview', workerAsleep);
    const answer = checkQuery('https://console.aliyun.com/overview', index, { home: 'US', audience: 'general' }, todayUtc());
    expect(shown.heading).toContain(answer.provider!.name);
    expect(shown.level).toBe({ prohibited: 'Prohibited', restricted: 'Restricted', 'under-review': 'Under review', notice: 'Notice' }[answer.level!]);
    expect(shown.pageKind).toBe('This page: console');
    expect(shown.styled).toBe(true);
    const own = viewVerdict(verdictFor(index.providers.get(answer.provider!.id)!, { home: 'US', audience: 'general' }, index, todayUtc()), null, index).actions.filter(isOwnAction);
    expect(own.length).toBeGreaterThan(CARD_TOP_ACTIONS);
    expect(shown.ownMeasures).toBe(own.length);
  });

  it('says plainly when the tab is no provider’s, without a card', async () => {
    const shown = await popupOver('https://www.example.org/', true);
    expect(shown.heading).toBeNull();
    expect(shown.text).toContain('This site is not a cloud provider in the dataset.');
  });
});
