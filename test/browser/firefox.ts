import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKO_ID = 'whose-cloud@whose-cloud.org';
/** A fixed internal UUID, so moz-extension:// pages have a known address. */
export const EXTENSION_UUID = '6b3c1f0e-2f4a-4c1b-9a55-5e3c2f8d7a10';

export interface FirefoxSession {
  browser: Browser;
  page(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless firefox-esr over WebDriver BiDi with the built extension installed and every host resolved to this machine;
 * `executablePath` runs another installation of it (one with a policies.json, see organisation-policy.ts).
 */
export async function launchFirefox(extensionDir: string, options: { executablePath?: string } = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    async page(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      // Extension pages never finish navigating under BiDi: start the navigation and wait on content instead.
      if (url.startsWith('moz-extension:')) void page.goto(url).catch(() => undefined);
      else await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    close: () => browser.close(),
  };
}

/** Whether the banner's host element is in the page (its closed shadow root is out of reach, by design). */
export async function waitForBannerHost(page: Page, present: boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.evaluate(() => document.querySelector('whose-cloud-banner') !== null);
    if (found === present || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** waitForSelector, tolerant of the remote agent's errors while an extension page is still committing its navigation. */
export async function waitForElement(page: Page, selector: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const element = await page.$(selector).catch(() => null);
    if (element) return element;
    if (Date.now() > deadline) throw new Error(`no ${selector} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
