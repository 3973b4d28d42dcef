import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { bannerText, waitForBanner } from './closed-shadow';
import { ROOT } from './global-setup';
import { attacks, PAGE_BODY, type Attack } from './hostile-pages';

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
