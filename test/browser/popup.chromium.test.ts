import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuery } from '../../src/core/check';
import { todayUtc } from '../../src/core/dates';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const index = loadDatasetIndex(todayUtc());
const levelLabel = { prohibited: 'Prohibited', restricted: 'Restricted', 'under-review': 'Under review', notice: 'Notice' } as const;
const expectedLevel = (query: string, home: string) => {
  const level = checkQuery(query, index, { home, audience: 'general' }, todayUtc()).level;
  return level ? levelLabel[level] : 'No concern found';
};

async function openPopup(session: ChromiumSession, search = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${search}`);
  return page;
}

describe.skipIf(!existsSync(CHROMIUM))('popup and options in Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await launchChromium(EXTENSION);
  });
  afterAll(async () => session?.close());

  it('says plainly when the current tab is no provider', async () => {
    const page = await openPopup(session);
    await expect.poll(() => page.locator('.subject').textContent()).toContain("Open a provider's site, or search above.");
    await page.close();
  });

  it('finds a provider by its Chinese alias, opens it with the keyboard, and shows its evidence', async () => {
    const page = await openPopup(session);
    const box = page.getByRole('combobox', { name: 'Check a provider' });
    // Typed key by key, as a person does (a one-shot fill of CJK text reaches React as a composition it ignores).
    await box.pressSequentially('阿里云');
    // Typing may begin in the frame painted before React: the first results then wait for React and for the worker to wake.
    await expect.poll(() => page.getByRole('option').count(), { timeout: 8000 }).toBeGreaterThan(0);
    const first = await page.getByRole('option').first().textContent();
    expect(first).toContain('Aliyun');
    await box.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toContain('Aliyun');
    const answer = checkQuery('Aliyun (Alibaba Cloud China site)', index, { home: 'US', audience: 'general' }, todayUtc());
    await expect.poll(() => page.locator('.actions > li').count()).toBe(answer.actions.length);
    expect(await page.locator('.level-badge').first().textContent()).toBe(expectedLevel('console.aliyun.com', 'US'));
    await page.screenshot({ path: join(SCREENSHOTS, 'popup-aliyun-light.png') });
    await page.close();
  });

  it('changes the level when the home jurisdiction changes', async () => {
    const [us, eu] = [expectedLevel('ksc.kaspersky.com', 'US'), expectedLevel('ksc.kaspersky.com', 'EU')];
    expect(us, 'a provider whose level differs between the two').not.toBe(eu);
    const page = await openPopup(session, '?provider=kaspersky-cloud');
    await expect.poll(() => page.locator('.level-badge').first().textContent()).toBe(us);
    await page.getByLabel('See as a user in').selectOption('EU');
    await expect.poll(() => page.locator('.level-badge').first().textContent()).toBe(eu);
    expect(await page.locator('.verdict-line').textContent()).toContain('for a person or private company in European Union');
    await page.close();
  });

  it('copies a Markdown report with every citation', async () => {
    const page = await openPopup(session, '?provider=aliyun');
    // Headless Chromium cannot grant clipboard reading to an extension origin: keep what the popup writes.
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text);
    });
    await page.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Report copied as Markdown.');
    const markdown = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    const answer = checkQuery('Aliyun (Alibaba Cloud China site)', index, { home: 'US', audience: 'general' }, todayUtc());
    for (const url of answer.actions.flatMap((a) => a.sources.map((s) => s.url))) expect(markdown).toContain(url);
    await page.close();
  });

  it('saves a setting on the options page', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByLabel('Your home jurisdiction').selectOption('GB');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(stored).toMatchObject({ settings: { home: 'GB' } });
    await page.screenshot({ path: join(SCREENSHOTS, 'options-light.png') });
    await session.serviceWorker.evaluate(() => chrome.storage.sync.remove('settings'));
    await page.close();
  });
});

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

describe.skipIf(!existsSync(CHROMIUM))('popup and options, dark and German', () => {
  it.each([
    { name: 'dark', options: { colorScheme: 'dark' as const } },
    { name: 'de', options: { locale: 'de-DE' } },
  ])('renders $name', async ({ name, options }) => {
    const session = await launchChromium(EXTENSION, options);
    try {
      const popup = await openPopup(session, '?provider=aliyun');
      await popup.locator('.provider-card').waitFor();
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-aliyun-${name}.png`) });
      const settings = await session.context.newPage();
      await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
      await settings.locator('.options fieldset').first().waitFor();
      await settings.screenshot({ path: join(SCREENSHOTS, `options-${name}.png`) });
      if (name === 'de') expect(await settings.locator('h1').textContent()).toBe('Einstellungen von Whose Cloud');
    } finally {
      await session.close();
    }
  });
});
