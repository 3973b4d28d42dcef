import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { attacks } from './hostile-pages';
import { EXTENSION_UUID, FIREFOX, launchFirefox, waitForBannerHost, waitForElement, type FirefoxSession } from './firefox';
import { ROOT } from './global-setup';
import { CARD_TOP_ACTIONS } from '../../src/core/verdict-view';
import { firefoxWithPolicies, organisationPolicy, POLICY_MESSAGE, STOPPED_SIGNUP } from './organisation-policy';

const EXTENSION = join(ROOT, '.output/firefox-mv2');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
/** Focusable elements of the fixture page before the banner: the "Create instance" button and two links. */
const PAGE_FOCUSABLES = 3;

describe.skipIf(!existsSync(FIREFOX))('the extension in Firefox', () => {
  let server: FixtureServer;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer(443, Object.fromEntries(attacks.map((attack, i) => [`/hostile/${i}`, attack.html])));
    firefox = await launchFirefox(EXTENSION);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('shows the banner on console and sign-up pages of providers from different jurisdictions', async () => {
    for (const url of ['https://console.aliyun.com/', 'https://account.aliyun.com/register/', 'https://console.yandex.cloud/', 'https://platform.deepseek.com/']) {
      const page = await firefox.page(url);
      expect(await waitForBannerHost(page, true), url).toBe(true);
      if (url.includes('console.aliyun')) await page.screenshot({ path: join(SCREENSHOTS, 'firefox-banner-console.png') });
      await page.close();
    }
  });

  it('shows no banner on a marketing page, a look-alike host, a same-group shopping site or an ordinary site', async () => {
    for (const url of ['https://www.aliyun.com/', 'https://console.aliyun.com.evil.example/', 'https://notaliyun.com/', 'https://www.taobao.com/', 'https://www.example.org/']) {
      const page = await firefox.page(url);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await waitForBannerHost(page, false), url).toBe(false);
      await page.close();
    }
  });

  it('follows in-page navigation', async () => {
    const page = await firefox.page('https://intl.cloud.tencent.com/');
    expect(await waitForBannerHost(page, false)).toBe(false);
    await page.click('#to-register');
    expect(await waitForBannerHost(page, true)).toBe(true);
    await page.click('#to-home');
    expect(await waitForBannerHost(page, false)).toBe(false);
    await page.close();
  });

  it('is reachable with the keyboard, and a snooze chosen there survives a reload', async () => {
    const page = await firefox.page('https://platform.deepseek.com/');
    expect(await waitForBannerHost(page, true)).toBe(true);
    // After the page's own controls: "Show the evidence", "Hide", "Full details", then "Snooze 30 days".
    for (let i = 0; i < PAGE_FOCUSABLES + 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await waitForBannerHost(page, false)).toBe(false);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await waitForBannerHost(page, false)).toBe(false);
    await page.close();
  });

  it('checks a provider from the popup page', async () => {
    const page = await firefox.page(`moz-extension://${EXTENSION_UUID}/popup.html`);
    const box = await waitForElement(page, 'input[role="combobox"]');
    await box.type('Kaspersky');
    await waitForElement(page, '[role="option"]');
    await page.keyboard.press('Enter');
    const heading = await waitForElement(page, '.provider-card h2');
    expect(await heading.evaluate((h) => h.textContent)).toContain('Kaspersky');
    expect(await page.$$eval('.actions > li', (items) => items.length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-popup-kaspersky.png'), fullPage: true });
    await page.close();
  });

  it('draws a provider’s card from the page table: its top, then all of its measures', async () => {
    const page = await firefox.page(`moz-extension://${EXTENSION_UUID}/popup.html?provider=aliyun`);
    await page.setViewport({ width: 440, height: 600 });
    const heading = await waitForElement(page, '.provider-card h2');
    expect(await heading.evaluate((h) => h.textContent)).toBe('Aliyun (Alibaba Cloud China site)');
    // The whole card: its last line, and more of the provider's own measures than its top carries.
    await waitForElement(page, '.provider-card .fineprint');
    expect(await page.$$eval('[aria-labelledby="actions-heading"] > .actions > li', (items) => items.length)).toBeGreaterThan(CARD_TOP_ACTIONS);
    expect(await page.$eval('.popup-foot', (f) => f.textContent)).toMatch(/^Dataset \S+, reviewed /);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-popup-aliyun.png') });
    await page.close();
  });

  // Firefox shows only whether the banner is there (its closed shadow root is out of reach); Chromium also checks its text.
  it.each(attacks.map((attack, i) => ({ ...attack, path: `/hostile/${i}` })))('a hostile page that $name: the banner is $expect', async (attack) => {
    const page = await firefox.browser.newPage();
    if (attack.init) await page.evaluateOnNewDocument(attack.init);
    await page.goto(`https://console.aliyun.com${attack.path}`, { waitUntil: 'domcontentloaded' });
    if (attack.expect === 'absent') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await waitForBannerHost(page, false)).toBe(false);
    } else {
      expect(await waitForBannerHost(page, true)).toBe(true);
    }
    await page.close();
  });
});

// Issue 14: the policy of the Chromium suite, deployed as an administrator deploys it in Firefox: a policies.json in the
// distribution folder of the installation (here a hard-linked copy of firefox-esr, so no other Firefox on the machine sees it).
describe.skipIf(!existsSync(FIREFOX))('an organisation’s policy in Firefox, through policies.json', () => {
  let server: FixtureServer;
  let firefox: FirefoxSession;
  let install: { executablePath: string; remove(): void };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    install = firefoxWithPolicies({ '3rdparty': { Extensions: { 'whose-cloud@whose-cloud.org': organisationPolicy(false) } } });
    server = await startFixtureServer();
    firefox = await launchFirefox(EXTENSION, { executablePath: install.executablePath });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    install?.remove();
  });

  it('locks the home jurisdiction and the audience on the settings page', async () => {
    const page = await firefox.page(`moz-extension://${EXTENSION_UUID}/options.html`);
    await waitForElement(page, 'select');
    const deadline = Date.now() + 15_000;
    let selects: Array<{ disabled: boolean; value: string }> = [];
    while (Date.now() < deadline) {
      selects = await page.$$eval('select', (all) => all.map((s) => ({ disabled: (s as HTMLSelectElement).disabled, value: (s as HTMLSelectElement).value }))).catch(() => []);
      if (selects[0]?.disabled) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(selects.slice(0, 2)).toEqual([{ disabled: true, value: 'US' }, { disabled: true, value: 'government' }]);
    await waitForElement(page, '.organisation');
    expect(await page.$eval('.organisation', (e) => e.textContent)).toContain('Pages stopped: sign-up and console, for providers at level Prohibited or higher.');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-options-policy.png'), fullPage: true });
    await page.close();
  });

  it('shows the stop notice in place of a prohibited provider’s sign-up page, and a reload stops it again', async () => {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    void page.goto(STOPPED_SIGNUP).catch(() => undefined);
    const stopPage = new RegExp(`^moz-extension://${EXTENSION_UUID}/stop\\.html\\?url=`);
    // Under BiDi, page.url() keeps the provider's address after an extension navigates the tab: ask the document.
    const address = () => page.evaluate(() => location.href).catch(() => '');
    const waitForNotice = async () => {
      const deadline = Date.now() + 15_000;
      while (!stopPage.test(await address()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await address()).toMatch(stopPage);
      const heading = await waitForElement(page, 'h1');
      expect(await heading.evaluate((h) => h.textContent)).toBe('Your organisation stopped this page');
    };
    await waitForNotice();
    await waitForElement(page, '.stop-message');
    const text = await page.$eval('main', (m) => m.textContent);
    expect(text).toContain('Prohibited for a government body in United States');
    expect(text).toContain(POLICY_MESSAGE);
    expect(text).toContain('Your organisation does not allow opening this page.');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-stop-notice.png') });
    // Visited again, it is stopped again: the log on the settings page counts two stops.
    void page.goto(STOPPED_SIGNUP).catch(() => undefined);
    const options = await firefox.page(`moz-extension://${EXTENSION_UUID}/options.html`);
    const deadline = Date.now() + 15_000;
    let heading = '';
    while (Date.now() < deadline && heading !== 'Stops on this device (2)') {
      heading = (await options.$eval('.log-heading', (h) => h.textContent ?? '').catch(() => '')) as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(heading).toBe('Stops on this device (2)');
    await waitForNotice();
    await Promise.all([page.close(), options.close()]);
  });
});
