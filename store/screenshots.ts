// `npm run store:screenshots [-- --if-possible] [-- --locales en,fr]`: the stores' 1280×800 screenshots, from the built
// Chrome extension in headless Chromium (the browser suites' helpers and fixture server), into .output/store-screenshots/<locale>/.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

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

const args = process.argv.slice(2);
const ifPossible = args.includes('--if-possible');
const chosen = (args[args.indexOf('--locales') + 1] ?? '').split(',').filter((l) => args.includes('--locales') && l);
const locales = chosen.length > 0 ? chosen : Object.keys(LOCALES);
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

/** The popup as Chrome shows it: dropped from the toolbar over the page, top right. */
function popupOverPage(page: Buffer, popup: Buffer): string {
  const url = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return `<body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative">
<img src="${url(page)}" style="position:absolute;inset:0;filter:brightness(0.8)">
<img src="${url(popup)}" style="position:absolute;top:12px;right:24px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.45)"></body>`;
}

async function shoot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path });
  const png = readFileSync(path);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (width !== WIDTH || height !== HEIGHT) throw new Error(`${path} is ${width}×${height}, not ${WIDTH}×${HEIGHT}`);
}

const server = await startFixtureServer(0, { '/': consolePage(PROVIDER.host) });
const port = (server.server.address() as { port: number }).port;
rmSync(OUT, { recursive: true, force: true });
try {
  for (const locale of locales) {
    const dir = join(OUT, locale);
    mkdirSync(dir, { recursive: true });
    const session = await launchChromium(EXTENSION, { locale: LOCALES[locale] });
    try {
      const provider = await session.context.newPage();
      await provider.goto(`https://${PROVIDER.host}:${port}/`);
      if ((await waitForBanner(provider, true)) === null) throw new Error(`${locale}: no banner on ${PROVIDER.host}`);
      await shoot(provider, join(dir, '1-banner.png'));

      const popup = await session.context.newPage();
      await popup.setViewportSize(POPUP);
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?provider=${PROVIDER.id}`);
      await popup.locator('.provider-card').waitFor();
      const composed = await session.context.newPage();
      await composed.setViewportSize({ width: WIDTH, height: HEIGHT });
      await composed.setContent(popupOverPage(readFileSync(join(dir, '1-banner.png')), await popup.screenshot()));
      await shoot(composed, join(dir, '2-popup.png'));

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
