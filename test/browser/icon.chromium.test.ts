import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeStyles } from '../colours';
import { CHROMIUM, launchChromium } from './chromium';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const badges = badgeStyles();
const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(join(ROOT, '.output', path)).toString('base64')}`;

/** Headless Chromium draws no toolbar: this page shows the built toolbar icons on the toolbar colours, with each badge, at 4× for a person to look at. */
function toolbarPreview(background: string, icons: { small: string; large: string }): string {
  const icon = (badge?: { text: string; color: string }) =>
    `<span style="position:relative;display:inline-block;width:16px;height:16px;zoom:4;margin-right:6px"><img src="${dataUrl(icons.small)}" width="16" height="16" style="image-rendering:pixelated">${
      badge ? `<span style="position:absolute;right:-3px;bottom:-2px;background:${badge.color};color:#fff;font:bold 7px/8px sans-serif;padding:0 2px;border-radius:2px">${badge.text}</span>` : ''
    }</span>`;
  return `<body style="margin:0;background:${background};padding:16px;display:flex;align-items:center">${icon()}${badges.map(icon).join('')}<img src="${dataUrl(icons.large)}" width="32" height="32" style="margin-left:16px"></body>`;
}

describe.skipIf(!existsSync(CHROMIUM))('the icon in Chromium', () => {
  it.each(['light', 'dark'] as const)('shows on the extensions page in %s mode', async (colorScheme) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const session = await launchChromium(EXTENSION, { colorScheme });
    try {
      const page = await session.context.newPage();
      await page.goto('chrome://extensions');
      // The card's icon, read inside the page's shadow roots: our 48-pixel icon, with the cloud's fill where the right-hand lobe is.
      const icon = await page.waitForFunction(() => {
        const item = document.querySelector('extensions-manager')?.shadowRoot?.querySelector('extensions-item-list')?.shadowRoot?.querySelector('extensions-item');
        const img = item?.shadowRoot?.querySelector<HTMLImageElement>('#icon');
        if (!img?.complete || img.naturalWidth === 0) return null;
        const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        return { width: img.naturalWidth, pixel: [...context.getImageData(36, 29, 1, 1).data] };
      });
      const { width, pixel } = (await icon.jsonValue())!;
      expect(width).toBe(48);
      expect(pixel[0]).toBeCloseTo(0xa8, -1);
      expect(pixel[1]).toBeCloseTo(0xd8, -1);
      expect(pixel[2]).toBeCloseTo(0xfb, -1);
      await page.screenshot({ path: join(SCREENSHOTS, `extensions-page-${colorScheme}.png`) });
    } finally {
      await session.close();
    }
  });

  it('writes a preview of the toolbar icon with every badge on light and dark toolbars', async () => {
    const session = await launchChromium(EXTENSION);
    try {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 560, height: 100 });
      const chrome = { small: 'chrome-mv3/icons/16.png', large: 'chrome-mv3/icons/32.png' };
      const firefoxOnDark = { small: 'firefox-mv2/icons/16-on-dark.png', large: 'firefox-mv2/icons/32-on-dark.png' };
      // Chrome's light toolbar and its dark one (same icon: Chromium has no theme icons), Firefox's dark one with its theme_icons variant.
      for (const [name, background, icons] of [['light', '#ffffff', chrome], ['dark', '#3c3c3c', chrome], ['firefox-dark', '#2b2a33', firefoxOnDark]] as const) {
        await page.setContent(toolbarPreview(background, icons));
        await page.screenshot({ path: join(SCREENSHOTS, `toolbar-icon-${name}.png`) });
      }
      expect(badges).toHaveLength(4);
    } finally {
      await session.close();
    }
  });
});
