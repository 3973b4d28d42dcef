import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './chromium';
import { bannerText, waitForBanner } from './closed-shadow';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'whose-cloud-test.json');

describe.skipIf(!existsSync(CHROMIUM))('resilience and privacy in Chromium', () => {
  let server: FixtureServer;
  let plainHttp: Server;
  const plainRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    // Every host resolves here: anything the extension sent over plain HTTP would land on port 80 too.
    plainHttp = createServer((req, res) => {
      plainRequests.push(`${req.headers.host}${req.url}`);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => plainHttp.listen(80, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => plainHttp?.close(resolve));
  });

  it('answers after its service worker is stopped mid-session, and makes no request of its own', async () => {
    const session = await launchChromium(EXTENSION);
    const extensionRequests: string[] = [];
    session.context.on('request', (request) => {
      const fromExtension = request.serviceWorker() !== null || request.frame()?.url().startsWith('chrome-extension://');
      if (fromExtension) extensionRequests.push(request.url());
    });
    try {
      const visited = new Set<string>();
      const open = async (url: string) => {
        visited.add(new URL(url).host + new URL(url).pathname);
        const page = await session.context.newPage();
        await page.goto(url);
        return page;
      };
      const first = await open('https://console.aliyun.com/');
      const before = await waitForBanner(first, true);
      expect(before).not.toBeNull();

      const cdp = await session.context.newCDPSession(first);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await first.waitForTimeout(500);

      const second = await open('https://console.aliyun.com/');
      expect(await waitForBanner(second, true)).toBe(before);
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?provider=yandex-cloud`);
      await popup.locator('.provider-card').waitFor();
      expect(extensionRequests.length, 'the request hook sees the popup load its own files').toBeGreaterThan(0);
      expect(extensionRequests.filter((url) => !url.startsWith(`chrome-extension://${session.extensionId}/`))).toEqual([]);
      // Chromium itself still asks Google's hosts about updates and accounts, whatever extension is loaded: not ours.
      const browserOwn = (request: string) => /^[^/]*(googleapis|google|gstatic)\.com\//.test(request);
      const unexpected = [...server.requests, ...plainRequests].filter((r) => !visited.has(r) && !r.endsWith('/favicon.ico') && !browserOwn(r));
      expect(unexpected).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('lets an administrator lock the home jurisdiction, the audience and the lowest level, and forbid dismissing', async () => {
    const probe = await launchChromium(EXTENSION);
    const extensionId = probe.extensionId;
    await probe.close();
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: { home: 'US', audience: 'government', minimumLevel: 'restricted', allowDismiss: false } } } }));
    try {
      const session = await launchChromium(EXTENSION);
      try {
        const options = await session.context.newPage();
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        const home = options.getByLabel('Your home jurisdiction');
        // Chromium's first managed-storage read after start-up takes seconds; the page updates when it lands.
        await expect.poll(() => home.isDisabled(), { timeout: 15_000 }).toBe(true);
        expect(await home.inputValue()).toBe('US');
        expect(await options.getByLabel('Who you are').isDisabled()).toBe(true);
        expect(await options.getByLabel('Who you are').inputValue()).toBe('government');
        expect(await options.getByLabel('Show the banner from this level up').isDisabled()).toBe(true);
        expect(await options.getByText('Your organisation does not allow silencing banners.').count()).toBe(1);
        await options.screenshot({ path: join(SCREENSHOTS, 'options-policy-locked.png') });

        const page = await session.context.newPage();
        await page.goto('https://console.byteplus.com/');
        const text = await waitForBanner(page, true);
        expect(text).toContain('Restricted for a government body in United States');
        expect(text).not.toContain('Snooze 30 days');
        expect(text).not.toContain('Never for this provider');
        // A notice is under the locked level: no banner.
        const notice = await session.context.newPage();
        await notice.goto('https://console.yandex.cloud/');
        await notice.waitForTimeout(600);
        expect(await bannerText(notice)).toBeNull();
      } finally {
        await session.close();
      }
    } finally {
      rmSync(POLICY_FILE, { force: true });
    }
  });

  it('shows no banner for a domestic provider with nothing against it (AWS for a U.S. user)', async () => {
    const session = await launchChromium(EXTENSION);
    try {
      const page = await session.context.newPage();
      await page.goto('https://console.aws.amazon.com/');
      await page.waitForTimeout(600);
      expect(await bannerText(page)).toBeNull();
    } finally {
      await session.close();
    }
  });
});
