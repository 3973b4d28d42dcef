import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { bannerText, waitForBanner } from './closed-shadow';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const CONSOLE = 'https://console.aliyun.com/';
const DEEPSEEK = 'https://platform.deepseek.com/';

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

/** A hostile provider page: served in place of the real one, with a script that runs before anything of the extension. */
interface Attack {
  name: string;
  html: string;
  /** Runs in the page before its own scripts and before the content script. */
  init?: string;
  /** What the banner must do under this attack. */
  expect: 'truthful' | 'absent';
}

const PAGE_BODY = '<header><button>Create instance</button></header><main><h1>Console</h1><a href="/register">Register</a></main>';

const attacks: Attack[] = [
  {
    name: 'removes the banner host whenever it appears',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      new MutationObserver(() => document.querySelectorAll('whose-cloud-banner').forEach((e) => e.remove()))
        .observe(document.documentElement, { childList: true, subtree: true });
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'restyles everything and covers the page with a top-most overlay',
    html: `<!doctype html><html><head><style>
      * { all: unset !important; } whose-cloud-banner { display: none !important; visibility: hidden !important; transform: translateY(-999px) !important; }
    </style></head><body>${PAGE_BODY}<div style="position:fixed;inset:0;z-index:2147483647;background:red">overlay</div></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'floods the DOM with mutations',
    html: `<!doctype html><html><body>${PAGE_BODY}<div id="flood"></div><script>
      const flood = document.getElementById('flood');
      const tick = () => { flood.replaceChildren(...Array.from({ length: 2000 }, (_, i) => Object.assign(document.createElement('span'), { textContent: i }))); requestAnimationFrame(tick); };
      tick();
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'fakes extension messages with window.postMessage',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      for (const type of ['dismissProvider', 'saveSettings', 'getPageVerdict', 'openDetails']) {
        const message = { id: 1, type, timestamp: Date.now(), data: { providerId: 'aliyun', how: 'mute', settings: { home: 'CN', minimumLevel: 'prohibited', pageKinds: [], position: 'bottom' } } };
        window.postMessage(message, '*');
        window.postMessage(JSON.stringify(message), '*');
        document.dispatchEvent(new CustomEvent(type, { detail: message }));
      }
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'rewrites its history towards a look-alike URL',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      try { history.pushState({}, '', 'https://console.aliyun.com.evil.example/'); } catch (e) { document.title = 'blocked: ' + e.name; }
      history.replaceState({}, '', '/?next=https://evil.example/');
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'overrides built-ins before the content script runs',
    html: `<!doctype html><html><body>${PAGE_BODY}</body></html>`,
    init: `
      Array.prototype.map = function () { throw new Error('poisoned map'); };
      Array.prototype.includes = () => true;
      JSON.parse = () => ({ show: false });
      JSON.stringify = () => '{}';
      Element.prototype.attachShadow = function () { throw new Error('no shadow for you'); };
      Node.prototype.appendChild = function (child) { return child; };
      window.fetch = () => Promise.reject(new Error('no fetch'));
    `,
    expect: 'truthful',
  },
];

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
    const stored = await session.serviceWorker.evaluate(() => Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)]));
    expect(stored).toEqual([{}, {}]);
    const { page } = await openHostile(DEEPSEEK, attacks.find((a) => a.name.startsWith('fakes'))!);
    expect(await waitForBanner(page, true)).not.toBeNull();
    await page.close();
  });
});
