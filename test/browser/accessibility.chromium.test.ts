import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { ROOT } from './global-setup';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

describe.skipIf(!existsSync(CHROMIUM))('accessibility (axe-core) of the extension pages', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium(EXTENSION);
  });
  afterAll(async () => session?.close());

  it.each([
    { page: 'popup.html?provider=aliyun', ready: '.provider-card', scheme: 'light' },
    { page: 'popup.html?provider=aliyun', ready: '.provider-card', scheme: 'dark' },
    { page: 'options.html', ready: '.options fieldset >> nth=0', scheme: 'light' },
    { page: 'options.html', ready: '.options fieldset >> nth=0', scheme: 'dark' },
  ] as const)('$page in $scheme has no serious or critical violation', async ({ page: path, ready, scheme }) => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    await page.locator(ready).waitFor();
    // Evaluated through the DevTools protocol, which the pages' strict CSP does not block.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run()).violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });
});
