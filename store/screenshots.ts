// `npm run store:screenshots [-- --if-possible] [-- --locales en,fr]`: the stores' 1280×800 screenshots, from the built
// Chrome extension in headless Chromium (the browser suites' helpers and fixture server), into .output/store-screenshots/<locale>/.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const OUT = join(ROOT, '.output/store-screenshots');
const WIDTH = 1280;
const HEIGHT = 800;
// Chrome draws a popup at most 800 × 600; the popup keeps its own width.
const POPUP = { width: 440, height: 600 };
const PROVIDER = { host: 'console.aliyun.com', id: 'aliyun' };

/** Each UI language with the region that gives its readers' usual home jurisdiction. */
const LOCALES: Record<string, string> = {
  en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pl: 'pl-PL', ja: 'ja-JP', ko: 'ko-KR', zh_CN: 'zh-CN',
};
// A reader in China gets no level for a Chinese provider, so no banner: the Simplified Chinese pictures show a reader in the United States.
const HOME: Record<string, string> = { zh_CN: 'US' };

const args = process.argv.slice(2);
const ifPossible = args.includes('--if-possible');
const at = args.indexOf('--locales');
const locales = at >= 0 ? (args[at + 1] ?? '').split(',').filter(Boolean) : Object.keys(LOCALES);
const unknown = locales.filter((l) => !LOCALES[l]);
if (unknown.length > 0) {
  console.error(`store:screenshots: unknown locale ${unknown.join(', ')} (known: ${Object.keys(LOCALES).join(', ')})`);
  process.exit(2);
}

const missing = [
  ['/usr/bin/chromium', 'Chromium (apt-get install -y chromium chromium-l10n fonts-wqy-zenhei)'],
  [join(EXTENSION, 'manifest.json'), 'the Chrome build (npm run build)'],
  [join(ROOT, 'test/browser/chromium.ts'), 'the browser-test helpers in test/ (absent from the sources package)'],
].filter(([path]) => !existsSync(path!));
if (missing.length > 0) {
  const message = `store screenshots need ${missing.map(([, what]) => what).join(' and ')}`;
  if (!ifPossible) {
    console.error(`store:screenshots: ${message}`);
    process.exit(1);
  }
  console.warn(`!!! store screenshots SKIPPED: ${message} !!!`);
  process.exit(0);
}

const { launchChromium } = await import('../test/browser/chromium');
const { startFixtureServer } = await import('../test/browser/fixture-server');
const { waitForBanner } = await import('../test/browser/closed-shadow');

/** A plain console stand-in: a provider's host in a dark top bar, a side menu and empty cards, no one's branding. */
function consolePage(host: string): string {
  const card = (width: string) => `<div class="card"><div class="bar" style="width:${width}"></div><div class="bar short"></div><div class="bar"></div></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${host}</title><style>
  body { margin: 0; font: 15px system-ui, sans-serif; background: #f3f4f6; color: #1f2937; }
  header { display: flex; gap: 16px; align-items: center; height: 52px; padding: 0 24px; background: #1f2937; color: #f9fafb; }
  header .button { margin-left: auto; background: #2563eb; border-radius: 6px; padding: 7px 14px; }
  nav { position: fixed; top: 52px; bottom: 0; width: 200px; background: #fff; border-right: 1px solid #e5e7eb; padding: 20px; box-sizing: border-box; }
  nav div { height: 12px; background: #e5e7eb; border-radius: 6px; margin-bottom: 22px; }
  main { margin-left: 200px; padding: 32px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; }
  .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 20px; height: 150px; box-sizing: border-box; }
  .bar { height: 12px; background: #e5e7eb; border-radius: 6px; margin-bottom: 16px; width: 80%; }
  .bar.short { width: 45%; }
</style></head><body><header><strong>${host}</strong><span class="button">+</span></header>
<nav><div></div><div style="width:70%"></div><div style="width:85%"></div><div style="width:60%"></div></nav>
<main>${['70%', '55%', '80%', '65%', '75%', '50%'].map(card).join('')}</main></body></html>`;
}

interface Badge {
  text: string;
  color: [number, number, number, number];
}

// Headless Chromium draws no window: a plain address bar with the extension's real icon and badge frames the page instead.
const BAR = 48;
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The page under an address bar showing its host and, at the right, the extension's toolbar button; the popup, when given, hangs from it. */
function framed(page: Buffer, host: string, badge: Badge, popup?: Buffer): string {
  const icon = dataUrl(readFileSync(join(EXTENSION, 'icons/32.png')));
  return `<body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative;font:15px system-ui,sans-serif">
<div style="height:${BAR}px;box-sizing:border-box;padding:8px 16px;background:#dfe3e8;display:flex;align-items:center;gap:16px;border-bottom:1px solid #c4c9cf">
  <div style="flex:1;height:32px;border-radius:16px;background:#fff;display:flex;align-items:center;padding:0 16px;color:#202124">${host}</div>
  <div style="position:relative;width:28px;height:28px"><img src="${icon}" width="24" height="24" style="margin:2px">${
    badge.text ? `<span style="position:absolute;right:-8px;bottom:-4px;background:rgb(${badge.color.slice(0, 3).join(',')});color:#fff;font:bold 10px/13px sans-serif;padding:0 3px;border-radius:3px">${badge.text}</span>` : ''
  }</div>
</div>
<img src="${dataUrl(page)}" style="display:block;${popup ? 'filter:brightness(0.85)' : ''}">
${popup ? `<img src="${dataUrl(popup)}" style="position:absolute;top:${BAR + 4}px;right:12px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.45)">` : ''}</body>`;
}

async function shoot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path });
  const png = readFileSync(path);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (width !== WIDTH || height !== HEIGHT) throw new Error(`${path} is ${width}×${height}, not ${WIDTH}×${HEIGHT}`);
}

const server = await startFixtureServer(0, { '/': consolePage(PROVIDER.host) });
const port = (server.server.address() as { port: number }).port;
try {
  for (const locale of locales) {
    const dir = join(OUT, locale);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const session = await launchChromium(EXTENSION, { locale: LOCALES[locale] });
    try {
      const home = HOME[locale];
      if (home) await session.serviceWorker.evaluate((value) => chrome.storage.sync.set({ settings: { home: value } }), home);
      const provider = await session.context.newPage();
      await provider.setViewportSize({ width: WIDTH, height: HEIGHT - BAR });
      await provider.goto(`https://${PROVIDER.host}:${port}/`);
      if ((await waitForBanner(provider, true)) === null) throw new Error(`${locale}: no banner on ${PROVIDER.host}`);
      // Without the tabs permission the worker cannot read tab addresses: the provider's tab is the newest one.
      const badge = await session.serviceWorker.evaluate(async (): Promise<Badge> => {
        const tabId = Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1));
        const [text, color] = await Promise.all([chrome.action.getBadgeText({ tabId }), chrome.action.getBadgeBackgroundColor({ tabId })]);
        return { text, color: color as Badge['color'] };
      });
      const page = await provider.screenshot();

      const popup = await session.context.newPage();
      await popup.setViewportSize(POPUP);
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?provider=${PROVIDER.id}`);
      await popup.locator('.provider-card').waitFor();
      const canvas = await session.context.newPage();
      await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
      await canvas.setContent(framed(page, PROVIDER.host, badge));
      await shoot(canvas, join(dir, '1-banner.png'));
      await canvas.setContent(framed(page, PROVIDER.host, badge, await popup.screenshot()));
      await shoot(canvas, join(dir, '2-popup.png'));

      const settings = await session.context.newPage();
      await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
      await settings.locator('.options fieldset').first().waitFor();
      await shoot(settings, join(dir, '3-settings.png'));
    } finally {
      await session.close();
    }
    console.log(`store screenshots: ${locale} → ${dir}`);
  }
} finally {
  await server.close();
}
