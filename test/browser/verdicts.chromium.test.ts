import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuery } from '../../src/core/check';
import { todayUtc } from '../../src/core/dates';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { clickInBanner, waitForBanner } from './closed-shadow';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const index = loadDatasetIndex(todayUtc());
declare const chrome: typeof import('wxt/browser').browser;

const homeName = { US: 'United States', GB: 'United Kingdom' } as const;
const levelWord = { prohibited: 'Prohibited', restricted: 'Restricted', 'under-review': 'Under review', notice: 'Notice' } as const;

// The cases of issue 11, as a person sees them: banner expanded and popup card, light and dark.
describe.skipIf(!existsSync(CHROMIUM))('verdicts a person sees (Chromium)', () => {
  let server: FixtureServer;
  const sessions: Partial<Record<'light' | 'dark', ChromiumSession>> = {};

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    sessions.light = await launchChromium(EXTENSION);
    sessions.dark = await launchChromium(EXTENSION, { colorScheme: 'dark' });
  });
  afterAll(async () => {
    await sessions.light?.close();
    await sessions.dark?.close();
    await server?.close();
  });

  it.each([
    ['huawei-cloud', 'https://console.huaweicloud.com/', 'US'],
    ['huawei-cloud', 'https://console.huaweicloud.com/', 'GB'],
    ['ctyun', 'https://console.ctyun.cn/', 'US'],
  ] as const)('%s at %s, for a person in %s: the level and why in the banner and the popup card', async (providerId, url, home) => {
    const answer = checkQuery(url, index, { home, audience: 'general' }, todayUtc());
    expect(answer.provider?.id).toBe(providerId);
    for (const scheme of ['light', 'dark'] as const) {
      const session = sessions[scheme]!;
      await session.serviceWorker.evaluate(
        (settings) => chrome.storage.sync.set({ settings }),
        { home, audience: 'general', minimumLevel: 'notice', pageKinds: ['console', 'signup', 'login'], position: 'top' },
      );
      const page = await session.context.newPage();
      await page.goto(url);
      const text = await waitForBanner(page, true);
      expect(text).toContain(`${levelWord[answer.level!]} for a person or private company in ${homeName[home]}`);
      await clickInBanner(page, 'button', `Show the evidence (${answer.actions.filter((a) => a.relation === 'operator' || a.relation === 'parent').length})`);
      await page.screenshot({ path: join(SCREENSHOTS, `verdict-${providerId}-${home}-banner-${scheme}.png`) });
      await page.close();

      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 440, height: 900 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?provider=${providerId}`);
      await popup.locator('.provider-card').waitFor();
      expect(await popup.locator('.level-badge').first().textContent()).toBe(levelWord[answer.level!]);
      const groupHeading = popup.getByRole('heading', { name: /Other companies of the same group/ });
      expect(await groupHeading.count()).toBe(answer.actions.some((a) => a.relation === 'group') ? 1 : 0);
      await popup.screenshot({ path: join(SCREENSHOTS, `verdict-${providerId}-${home}-popup-${scheme}.png`) });
      if ((await groupHeading.count()) > 0) {
        await groupHeading.scrollIntoViewIfNeeded();
        await popup.screenshot({ path: join(SCREENSHOTS, `verdict-${providerId}-${home}-popup-group-${scheme}.png`) });
      }
      await popup.close();
    }
  });
});
