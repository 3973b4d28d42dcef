import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFor } from '../../src/core/check';
import { todayUtc } from '../../src/core/dates';
import type { VerdictView } from '../../src/core/verdict-view';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { CHROMIUM, launchChromium, stopServiceWorkers, type ChromiumSession } from './chromium';
import { waitForBanner } from './closed-shadow';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'whose-cloud-cold-test.json');
const index = loadDatasetIndex(todayUtc());
// The worker's and extension pages' own global, evaluated there.
declare const chrome: typeof import('wxt/browser').browser;

/** Every provider's card top in the page table the worker wrote (its verdict, without most measures), once its stamp names `home`. */
async function tableViews(session: ChromiumSession, home: string): Promise<Record<string, VerdictView>> {
  await expect
    .poll(() => session.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('wc:meta'))['wc:meta'] as { stamp?: string } | undefined)?.stamp ?? ''), { timeout: 10_000 })
    .toContain(`"home":"${home}"`);
  return session.serviceWorker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('wc:c:')).map(([key, view]) => [key.slice(5), view]));
  }) as Promise<Record<string, VerdictView>>;
}

const settingsFor = (home: string) => ({ home, audience: 'general', minimumLevel: 'notice', pageKinds: ['console', 'signup', 'login'], position: 'top' });

describe.skipIf(!existsSync(CHROMIUM))('the banner with the service worker asleep (Chromium)', () => {
  let server: FixtureServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium(EXTENSION);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(['US', 'EU', 'GB'])('keeps in storage, for a reader in %s, the verdict the core gives on every provider', async (home) => {
    await session.serviceWorker.evaluate((settings) => chrome.storage.sync.set({ settings }), settingsFor(home));
    const views = await tableViews(session, home);
    expect(Object.keys(views).sort()).toEqual(index.dataset.providers.map((p) => p.id).sort());
    for (const provider of index.dataset.providers) {
      const core = answerFor(provider.id, index, { home, audience: 'general' }, todayUtc());
      expect({ level: views[provider.id]!.level, sentence: views[provider.id]!.sentence }, `${provider.id} in ${home}`).toEqual({ level: core.level, sentence: core.reason });
    }
  });

  it('draws the banner from the table alone: with the worker asleep and unable to answer, the page still gets it', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'whose-cloud-extension-'));
    cpSync(EXTENSION, copy, { recursive: true });
    const own = await launchChromium(copy);
    try {
      await own.serviceWorker.evaluate((settings) => chrome.storage.sync.set({ settings }), settingsFor('GB'));
      await tableViews(own, 'GB');
      // Without its dataset the worker cannot answer any page: whatever the page shows comes from the table.
      rmSync(join(copy, 'dataset.json'));
      await stopServiceWorkers(own);
      const page = await own.context.newPage();
      await page.goto('https://console.aliyun.com/');
      const text = await waitForBanner(page, true);
      expect(text).toContain('for a person or private company in United Kingdom');
      expect(text).toContain(answerFor('aliyun', index, { home: 'GB', audience: 'general' }, todayUtc()).provider!.name);
      // A provider's marketing page gets no banner from the table either.
      const marketing = await own.context.newPage();
      await marketing.goto('https://www.aliyun.com/');
      expect(await waitForBanner(marketing, false)).toBeNull();
    } finally {
      await own.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a change of settings while the worker sleeps: the page asks the worker rather than use a stale table', async () => {
    await stopServiceWorkers(session);
    // Written by another device through sync, say: no worker saw it yet when the page opens.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.evaluate((settings) => chrome.storage.sync.set({ settings }), settingsFor('EU'));
    await options.close();
    const page = await session.context.newPage();
    await page.goto('https://console.aliyun.com/');
    expect(await waitForBanner(page, true)).toContain('for a person or private company in European Union');
    await page.close();
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the page table across restarts, policy changes and updates (Chromium)', () => {
  let server: FixtureServer;
  const profile = mkdtempSync(join(tmpdir(), 'whose-cloud-profile-'));
  const extension = mkdtempSync(join(tmpdir(), 'whose-cloud-extension-'));

  beforeAll(async () => {
    server = await startFixtureServer();
    // A copy at a fixed path, so the same profile keeps the same extension id when its version changes.
    cpSync(EXTENSION, extension, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(POLICY_FILE, { force: true });
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  });

  const storedStamp = (session: ChromiumSession) =>
    session.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('wc:meta'))['wc:meta'] as { stamp?: string } | undefined)?.stamp ?? '');

  /** Restarts the browser on the profile, waits for a table whose stamp names `stamped`, and reads a banner with the worker asleep. */
  async function restartedBanner(stamped: string): Promise<string | null> {
    const session = await launchChromium(extension, { userDataDir: profile });
    try {
      await expect.poll(() => storedStamp(session), { timeout: 20_000 }).toContain(stamped);
      await stopServiceWorkers(session);
      const page = await session.context.newPage();
      await page.goto('https://console.aliyun.com/');
      return await waitForBanner(page, true);
    } finally {
      await session.close();
    }
  }

  it('an administrator’s new policy, and then an update of the extension, each reach the next page with the worker asleep', async () => {
    const session = await launchChromium(extension, { userDataDir: profile });
    const extensionId = session.extensionId;
    await expect.poll(() => storedStamp(session), { timeout: 10_000 }).toContain('"0.1.0"');
    await session.close();

    // Policy: a browser restarted with a new policy file reads it, and the table follows it.
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: { home: 'US', audience: 'government' } } } }));
    expect(await restartedBanner('"audience":"government"')).toContain('for a government body in United States');

    // Update: a new version of the extension rebuilds the table on install, before any page asks.
    const manifestPath = join(extension, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '0.1.1' }));
    expect(await restartedBanner('"0.1.1"')).toContain('for a government body in United States');
  });
});
