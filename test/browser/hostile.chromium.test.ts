import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { bannerText, waitForBanner } from './closed-shadow';
import { ROOT } from './global-setup';
import { attacks, PAGE_BODY, stopAttacks, type Attack } from './hostile-pages';
import { organisationPolicy, STOPPED_SIGNUP, waitForStopPolicy, writeChromiumPolicy } from './organisation-policy';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const CONSOLE = 'https://console.aliyun.com/';
const DEEPSEEK = 'https://platform.deepseek.com/';

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

describe.skipIf(!existsSync(CHROMIUM))('hostile pages in Chromium', () => {
  let session: ChromiumSession;
  let truth: string | null;

  /** Serves `html` for the provider page; every other request fails, so nothing reaches the network. */
  async function openHostile(url: string, attack: Attack): Promise<{ page: Page; extensionErrors: string[] }> {
    const page = await session.context.newPage();
    const extensionErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) extensionErrors.push(message.text());
    });
    if (attack.init) await page.addInitScript(attack.init);
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html', body: attack.html }) : route.abort(),
    );
    await page.goto(url);
    return { page, extensionErrors };
  }

  beforeAll(async () => {
    session = await launchChromium(EXTENSION);
    const page = await openHostile(CONSOLE, { name: 'none', html: `<!doctype html><html><body>${PAGE_BODY}</body></html>`, expect: 'truthful' });
    truth = await waitForBanner(page.page, true);
    await page.page.close();
  });
  afterAll(async () => session?.close());

  it('has a banner to compare with on a harmless page', () => {
    expect(truth).toContain('is controlled from China');
  });

  it.each(attacks)('a page that $name: the banner is $expect, and the extension throws nothing', async (attack) => {
    const { page, extensionErrors } = await openHostile(CONSOLE, attack);
    if (attack.expect === 'absent') {
      await page.waitForTimeout(1000);
      expect(await bannerText(page)).toBeNull();
    } else {
      expect(await waitForBanner(page, true)).toBe(truth);
    }
    expect(extensionErrors).toEqual([]);
    await page.close();
  });

  it('never acts on a page’s message: nothing was dismissed or changed', async () => {
    // Only the worker's own page table (keys "wc:…") may be there: no dismissal, no setting.
    const stored = await session.serviceWorker.evaluate(() => Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)]));
    expect([Object.keys(stored[0]).filter((key) => !key.startsWith('wc:')), stored[1]]).toEqual([[], {}]);
    const { page } = await openHostile(DEEPSEEK, attacks.find((a) => a.name.startsWith('fakes'))!);
    expect(await waitForBanner(page, true)).not.toBeNull();
    await page.close();
  });
});

describe.skipIf(!existsSync(CHROMIUM))('hostile pages against the organisation’s stop in Chromium (issue 14)', () => {
  let session: ChromiumSession;
  let removePolicy: () => void;

  beforeAll(async () => {
    removePolicy = writeChromiumPolicy(EXTENSION, organisationPolicy(false));
    session = await launchChromium(EXTENSION);
    await waitForStopPolicy(session);
  });
  afterAll(async () => {
    await session?.close();
    removePolicy?.();
  });

  // Every banner attack, and those aimed at the stop: the notice still takes the tab's place, and nothing gets past it.
  it.each([...attacks, ...stopAttacks])('a stopped page that $name cannot remove, hide or click through the notice', async (attack) => {
    const page = await session.context.newPage();
    const opened: string[] = [];
    const onPage = (other: Page) => opened.push(other.url());
    session.context.on('page', onPage);
    const extensionErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) extensionErrors.push(message.text());
    });
    try {
      // The attack runs in the provider's page only: a web page has no way into an extension page.
      if (attack.init) await page.addInitScript(`if (location.protocol === 'https:') {${attack.init}}`);
      const html = attack.html.replaceAll('EXTENSION_ORIGIN', `chrome-extension://${session.extensionId}`);
      // Only the provider's address is served; the extension's own pages load as they always do.
      await page.route(/^https:/, (route) => (route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html', body: html }) : route.abort()));
      await page.goto(STOPPED_SIGNUP, { waitUntil: 'commit' }).catch(() => undefined);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/^chrome-extension:\/\/[a-p]{32}\/stop\.html\?url=https%3A%2F%2Freg\.huaweicloud\.com/);
      await page.getByRole('heading', { level: 1, name: 'Your organisation stopped this page' }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      // Still the notice, whole: none of the page's content, no way through.
      expect(page.url()).toMatch(/stop\.html\?url=https%3A%2F%2Freg\.huaweicloud\.com/);
      expect(await page.locator('body').textContent()).not.toMatch(/Create instance|Sign up now/);
      expect(await page.getByRole('button', { name: 'Continue anyway' }).count()).toBe(0);
      const log = await session.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('stopLog')).stopLog as Array<{ event: string }> | undefined) ?? []);
      expect(log.filter((entry) => entry.event !== 'stopped')).toEqual([]);
      // A window the page opened holds neither the notice nor anything of the extension's.
      expect(opened.filter((url) => url.startsWith('chrome-extension:'))).toEqual([]);
      expect(extensionErrors).toEqual([]);
    } finally {
      session.context.off('page', onPage);
      for (const other of session.context.pages()) await other.close();
    }
  });
});
