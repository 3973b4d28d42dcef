import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// Lets the privacy test see requests a service worker makes (read by Playwright when it launches).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Headless Debian Chromium with the built extension loaded and every host resolved to this machine. */
export async function launchChromium(
  extensionDir: string,
  options: {
    colorScheme?: 'light' | 'dark';
    locale?: string;
    /** A profile to reuse, as a browser restarted on the same profile. */
    userDataDir?: string;
    /** Lets the DevTools protocol click the toolbar button (`Extensions.triggerAction`), as the benchmark does. */
    clickableAction?: boolean;
  } = {},
): Promise<ChromiumSession> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'whose-cloud-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'en-US').replace('-', '_'), LANG: `${(options.locale ?? 'en-US').replace('-', '_')}.UTF-8` },
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
      '--host-resolver-rules=MAP * 127.0.0.1', `--lang=${options.locale ?? 'en-US'}`,
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      ...(options.clickableAction ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close: () => context.close() };
}

const WORKER_STOP_SETTLE_MS = 300;

/** Stops every service worker through the DevTools protocol, as Chrome stops an idle one, and lets the stop settle. */
export async function stopServiceWorkers(session: ChromiumSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, WORKER_STOP_SETTLE_MS));
  } finally {
    await page.close();
  }
}
