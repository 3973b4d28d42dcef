import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type ChromiumSession } from './chromium';
import { waitForBanner } from './closed-shadow';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT } from './global-setup';
import { APPROVED_CONSOLE, chromiumExtensionId, organisationPolicy, POLICY_MESSAGE, STOPPED_SIGNUP, waitForStopPolicy, writeChromiumPolicy } from './organisation-policy';

const EXTENSION = join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STOP_URL = /^chrome-extension:\/\/[a-p]{32}\/stop\.html\?url=/;

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

/** Opens a URL in a new tab without waiting for a load that a stop cuts short. */
async function visit(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

/** Waits for the stop notice to take the tab's place, and for its heading. */
async function expectStopNotice(page: Page, heading = 'Your organisation stopped this page'): Promise<void> {
  await page.waitForURL(STOP_URL, { timeout: 10_000 });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 10_000 });
}

async function stopLog(session: ChromiumSession): Promise<Array<{ event: string; reason?: string; providerId: string; pageKind: string; level: string }>> {
  return session.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('stopLog')).stopLog as never) ?? []);
}

/** The CSV the options page exports, as bytes and as rows (every field quoted, CRLF records). */
async function exportCsv(session: ChromiumSession, name: string): Promise<{ bytes: Buffer; rows: string[][] }> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const button = options.getByRole('button', { name: 'Export as CSV' });
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  await options.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  expect(await axeViolations(options)).toEqual([]);
  const [download] = await Promise.all([options.waitForEvent('download'), button.click()]);
  const bytes = readFileSync((await download.path())!);
  await options.close();
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = text.slice(0, -2).split('\r\n').map((line) => {
    expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"'));
  });
  return { bytes, rows };
}

async function axeViolations(page: Page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run()).violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.slice(0, 3).map((n) => n.target) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!existsSync(CHROMIUM))('an organisation’s policy in Chromium (issue 14): no way past the stop', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  let removePolicy: () => void;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    removePolicy = writeChromiumPolicy(EXTENSION, organisationPolicy(false));
    session = await launchChromium(EXTENSION);
    expect(session.extensionId).toBe(chromiumExtensionId(EXTENSION));
    await waitForStopPolicy(session);
  });
  afterAll(async () => {
    await session?.close();
    removePolicy?.();
    await server?.close();
  });

  it('shows the calm approved banner on an approved provider, and the popup card says so', async () => {
    const page = await visit(session, APPROVED_CONSOLE);
    const text = await waitForBanner(page, true);
    expect(text).toContain('Approved by your organisation');
    expect(text).toContain('Your organisation approved Aliyun');
    expect(text).toContain('for a government body in United States');
    expect(text).toContain('Show the evidence');
    expect(page.url()).toBe(APPROVED_CONSOLE);
    await page.screenshot({ path: join(SCREENSHOTS, 'organisation-approved-banner.png') });
    await page.close();
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?provider=aliyun`);
    await popup.locator('.approved-note').waitFor();
    expect(await popup.locator('.approved-note').textContent()).toBe('Approved by your organisation');
    await popup.screenshot({ path: join(SCREENSHOTS, 'organisation-approved-popup.png') });
    await popup.close();
  });

  it('puts the stop notice in place of a prohibited provider’s sign-up page: level, reason, message, contact', async () => {
    const page = await visit(session, STOPPED_SIGNUP);
    await expectStopNotice(page);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('url')!)).toBe(STOPPED_SIGNUP);
    const text = (await page.locator('main').textContent())!;
    expect(text).toContain('Provider: Huawei Cloud · Page: sign-up (reg.huaweicloud.com)');
    expect(text).toContain('Prohibited for a government body in United States');
    expect(await page.locator('.stop-why').textContent()).toMatch(/\(.+\)\.$/);
    expect(text).toContain(POLICY_MESSAGE);
    expect(await page.getByRole('link', { name: 'cloud-approvals@example.gov' }).getAttribute('href')).toBe('mailto:cloud-approvals@example.gov');
    expect(text).toContain('Your organisation does not allow opening this page.');
    expect(await page.getByRole('button', { name: 'Continue anyway' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'stop-notice-light.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS, 'stop-notice-dark.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('cannot be got past with the keyboard, a reload, the back button or another visit', async () => {
    const page = await visit(session, STOPPED_SIGNUP);
    await expectStopNotice(page);
    // Every control the keyboard reaches: none opens the page.
    const reached = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => (document.activeElement?.matches('a, button, input, textarea, select') ? document.activeElement.textContent!.trim() : '')));
    }
    expect([...reached].filter(Boolean).sort()).toEqual(['Close this tab', 'Full details', 'cloud-approvals@example.gov'].sort());
    await page.keyboard.press('Escape');
    expect(page.url()).toMatch(STOP_URL);

    await page.reload();
    await expectStopNotice(page);
    await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
    await expectStopNotice(page);
    await page.goto(STOPPED_SIGNUP, { waitUntil: 'commit' });
    await expectStopNotice(page);
    expect((await stopLog(session)).filter((e) => e.event === 'proceeded')).toEqual([]);
    await page.close();
  });

  it('keeps each stop in the log and exports it as CSV a spreadsheet opens', async () => {
    const log = await stopLog(session);
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.every((e) => e.event === 'stopped' && e.providerId === 'huawei-cloud' && e.pageKind === 'signup' && e.level === 'prohibited')).toBe(true);
    const { bytes, rows } = await exportCsv(session, 'options-stop-log.png');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual(['time', 'event', 'provider_id', 'provider', 'page_kind', 'level', 'reason']);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(log.map(() => ['stopped', 'huawei-cloud', 'Huawei Cloud', 'signup', 'prohibited', '']));
  });
});

describe.skipIf(!existsSync(CHROMIUM))('an organisation’s policy in Chromium (issue 14): "Continue anyway"', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  let removePolicy: () => void;

  beforeAll(async () => {
    server = await startFixtureServer();
    removePolicy = writeChromiumPolicy(EXTENSION, organisationPolicy(true));
    session = await launchChromium(EXTENSION);
    await waitForStopPolicy(session);
  });
  afterAll(async () => {
    await session?.close();
    removePolicy?.();
    await server?.close();
  });

  it('asks for a reason, then shows the page for this visit and records it; a reload is stopped again', async () => {
    const page = await visit(session, STOPPED_SIGNUP);
    await expectStopNotice(page);
    await page.getByRole('button', { name: 'Continue anyway' }).click();
    const reason = page.getByLabel('Why do you need to open this page?');
    const submit = page.getByRole('button', { name: 'Open the page for this visit' });
    expect(await submit.isDisabled()).toBe(true);
    await reason.pressSequentially('Comparing prices for tender 2026-114, "lot 3"');
    await page.screenshot({ path: join(SCREENSHOTS, 'stop-notice-continue.png') });
    const served = server.requests.length;
    await submit.click();
    await page.waitForURL(STOPPED_SIGNUP, { timeout: 10_000 });
    // The provider's own page, whole: its content and its banner, and it stays.
    await page.locator('#route').waitFor();
    expect(await page.locator('#route').textContent()).toBe(new URL(STOPPED_SIGNUP).pathname);
    expect(await waitForBanner(page, true)).toContain('Prohibited');
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(STOPPED_SIGNUP);
    expect(server.requests.slice(served)).toContain(`reg.huaweicloud.com${new URL(STOPPED_SIGNUP).pathname}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'stop-proceeded-page.png') });
    expect((await stopLog(session)).map((e) => [e.event, e.reason])).toEqual([
      ['stopped', undefined],
      ['proceeded', 'Comparing prices for tender 2026-114, "lot 3"'],
    ]);

    await page.reload({ waitUntil: 'commit' });
    await expectStopNotice(page);
    await page.close();

    const { rows } = await exportCsv(session, 'options-stop-log-proceeded.png');
    expect(rows.slice(1).map((r) => [r[1], r[6]])).toEqual([
      ['stopped', ''],
      ['proceeded', 'Comparing prices for tender 2026-114, "lot 3"'],
      ['stopped', ''],
    ]);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the stop notice in German', () => {
  it('speaks the browser’s language', async () => {
    const server = await startFixtureServer();
    const removePolicy = writeChromiumPolicy(EXTENSION, organisationPolicy(true));
    const session = await launchChromium(EXTENSION, { locale: 'de-DE' });
    try {
      await waitForStopPolicy(session);
      const page = await visit(session, STOPPED_SIGNUP);
      await expectStopNotice(page, 'Ihre Organisation hat diese Seite gesperrt');
      const text = (await page.locator('main').textContent())!;
      expect(text).toContain('Anbieter: Huawei Cloud · Seite: Registrierung (reg.huaweicloud.com)');
      expect(text).toContain('Verboten');
      await page.getByRole('button', { name: 'Trotzdem fortfahren' }).click();
      await page.getByLabel('Warum müssen Sie diese Seite öffnen?').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'stop-notice-de.png') });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.close();
      removePolicy();
      await server.close();
    }
  });
});
