import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../src/core/dates';
import { checkQuery } from '../../src/core/check';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { bannerText, clickInBanner, waitForBanner } from './closed-shadow';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

const EXTENSION = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const index = loadDatasetIndex(todayUtc());
const levelWord = { prohibited: 'Prohibited', restricted: 'Restricted', 'under-review': 'Under review', notice: 'Notice' } as const;
/** The banner lists the provider's own measures (operator and controlling owners); the rest wait in the full details. */
const ownActions = (answer: ReturnType<typeof expected>) => answer.actions.filter((a) => a.relation === 'operator' || a.relation === 'parent').length;
const expected = (url: string) => checkQuery(url, index, { home: 'US', audience: 'general' }, todayUtc());

async function open(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

/** The badge text of every open tab (a worker without the "tabs" permission cannot see their URLs). */
async function tabBadges(session: ChromiumSession): Promise<string[]> {
  return session.serviceWorker.evaluate(async () => Promise.all((await chrome.tabs.query({})).map((tab) => chrome.action.getBadgeText({ tabId: tab.id! }))));
}
/** The badge each level puts on the toolbar button: more marks for a more severe level. */
const badgeText = { prohibited: '!!!', restricted: '!!', 'under-review': '?', notice: 'i' } as const;

describe.skipIf(!existsSync(CHROMIUM))('the banner in Chromium', () => {
  let server: FixtureServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    session = await launchChromium(EXTENSION);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows on a console page: provider, controlling jurisdiction, level, not-legal-advice line', async () => {
    const url = 'https://console.aliyun.com/';
    const page = await open(session, url);
    const text = await waitForBanner(page, true);
    const answer = expected(url);
    expect(answer.level).not.toBeNull();
    expect(text).toContain(answer.provider!.name);
    expect(text).toContain(`is controlled from ${index.jurisdictions.get(answer.provider!.jurisdiction)!.name}`);
    expect(text).toContain(`${levelWord[answer.level!]} for a person or private company in United States`);
    // The headline gives the reason: the newest most severe measure, by title.
    expect(text).toContain(answer.actions.find((a) => a.raises === answer.level)!.title);
    expect(text).toContain('Information from public sources, not legal advice.');
    await page.screenshot({ path: join(SCREENSHOTS, 'banner-console-light-top.png') });
    await clickInBanner(page, 'button', `Show the evidence (${ownActions(answer)})`);
    await page.screenshot({ path: join(SCREENSHOTS, 'banner-console-light-top-expanded.png') });
    const expandedText = await bannerText(page);
    expect(expandedText).toContain(answer.actions[0]!.title);
    await expect.poll(() => tabBadges(session)).toContain(badgeText[answer.level!]);
    await page.close();
  });

  it('leaves the badge to the browser: a tab that goes to another site loses it with no listener of ours woken', async () => {
    const url = 'https://console.aliyun.com/';
    const page = await open(session, url);
    await waitForBanner(page, true);
    const level = expected(url).level!;
    await expect.poll(() => tabBadges(session)).toContain(badgeText[level]);
    await page.goto('https://www.example.org/');
    // A tab's own badge lasts until its next page; the worker keeps no navigation listener, which would wake it on every page.
    expect(await tabBadges(session)).not.toContain(badgeText[level]);
    expect((await tabBadges(session)).every((text) => text === '')).toBe(true);
    await page.close();
  });

  it('shows on a sign-up page and not on a marketing page of the same provider', async () => {
    const signup = await open(session, 'https://account.aliyun.com/register/register.htm');
    expect(await waitForBanner(signup, true)).toContain(expected('https://account.aliyun.com/register/').provider!.name);
    const marketing = await open(session, 'https://www.aliyun.com/product/ecs');
    await marketing.waitForTimeout(500);
    expect(await bannerText(marketing)).toBeNull();
    await Promise.all([signup.close(), marketing.close()]);
  });

  it('stays off look-alike hosts', async () => {
    for (const url of ['https://console.aliyun.com.evil.example/', 'https://notaliyun.com/']) {
      const page = await open(session, url);
      await page.waitForTimeout(300);
      expect(await bannerText(page), url).toBeNull();
      await page.close();
    }
  });

  it('follows in-page navigation from a marketing page to a sign-up page and back', async () => {
    const page = await open(session, 'https://intl.cloud.tencent.com/');
    await page.waitForTimeout(300);
    expect(await bannerText(page)).toBeNull();
    await page.click('#to-register');
    expect(await waitForBanner(page, true)).toContain('Tencent');
    await page.click('#to-home');
    expect(await waitForBanner(page, false)).toBeNull();
    await page.close();
  });

  it('hides for one page view only', async () => {
    const page = await open(session, 'https://console.yandex.cloud/');
    await waitForBanner(page, true);
    await clickInBanner(page, 'button', 'Hide for this page view');
    expect(await waitForBanner(page, false)).toBeNull();
    await page.reload();
    expect(await waitForBanner(page, true)).not.toBeNull();
    await page.close();
  });

  it('remembers a snooze across reloads, for that provider only', async () => {
    const page = await open(session, 'https://platform.deepseek.com/');
    await waitForBanner(page, true);
    await clickInBanner(page, 'button', 'Snooze 30 days');
    expect(await waitForBanner(page, false)).toBeNull();
    await page.reload();
    await page.waitForTimeout(500);
    expect(await bannerText(page)).toBeNull();
    const other = await open(session, 'https://console.yandex.cloud/');
    expect(await waitForBanner(other, true)).not.toBeNull();
    await Promise.all([page.close(), other.close()]);
  });

  it('moves to the bottom when the setting changes, in tabs already open', async () => {
    const page = await open(session, 'https://console.aliyun.com/');
    await waitForBanner(page, true);
    await session.serviceWorker.evaluate(() =>
      chrome.storage.sync.set({ settings: { home: null, minimumLevel: 'notice', pageKinds: ['console', 'signup', 'login'], position: 'bottom' } }),
    );
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, 'banner-console-light-bottom.png') });
    await session.serviceWorker.evaluate(() => chrome.storage.sync.remove('settings'));
    await page.close();
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the banner in Chromium, dark', () => {
  it('renders in the dark colour scheme', async () => {
    const server = await startFixtureServer();
    const session = await launchChromium(EXTENSION, { colorScheme: 'dark' });
    try {
      const page = await open(session, 'https://console.aliyun.com/');
      await waitForBanner(page, true);
      await page.screenshot({ path: join(SCREENSHOTS, 'banner-console-dark-top.png') });
      await clickInBanner(page, 'button', `Show the evidence (${ownActions(expected('https://console.aliyun.com/'))})`);
      await page.screenshot({ path: join(SCREENSHOTS, 'banner-console-dark-top-expanded.png') });
    } finally {
      await session.close();
      await server.close();
    }
  });
});
