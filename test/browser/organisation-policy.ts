import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChromiumSession } from './chromium';

/** A sign-up page of a provider prohibited for a U.S. government body (Huawei Cloud), and an approved provider's console. */
export const STOPPED_SIGNUP = 'https://reg.huaweicloud.com/registerui/cn/index.html';
export const APPROVED_CONSOLE = 'https://console.aliyun.com/';
export const POLICY_MESSAGE = 'Our agency may not open accounts with this provider. Use one of the approved clouds on the intranet.';
export const POLICY_CONTACT = 'mailto:cloud-approvals@example.gov';

/** The policy of issue 14's checks: a U.S. public body that approved Aliyun and stops prohibited providers' sign-up and console pages. */
export function organisationPolicy(allowProceed: boolean) {
  return {
    home: 'US',
    audience: 'government',
    approvedProviders: ['aliyun'],
    stop: { level: 'prohibited', pageKinds: ['signup', 'console'], message: POLICY_MESSAGE, contact: POLICY_CONTACT, allowProceed },
  };
}

/** An unpacked extension's Chromium id: the first 32 hex digits of SHA-256 of its absolute path, written with a–p. */
export function chromiumExtensionId(extensionDir: string): string {
  return [...createHash('sha256').update(extensionDir).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Writes the extension's policy where Debian's Chromium reads managed policy; the returned function removes it. */
export function writeChromiumPolicy(extensionDir: string, policy: object, name = 'whose-cloud-organisation.json'): () => void {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, name);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [chromiumExtensionId(extensionDir)]: policy } } }));
  return () => rmSync(file, { force: true });
}

// The service worker's own global, reached through Playwright's evaluate.
declare const chrome: typeof import('wxt/browser').browser;

/** Waits until the worker has read the policy and rebuilt the page table with its stop: Chromium's first managed read takes seconds. */
export async function waitForStopPolicy(session: ChromiumSession, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const meta = await session.serviceWorker.evaluate(async () => (await chrome.storage.local.get('wc:meta'))['wc:meta'] as { organisation?: { stop: unknown } } | undefined);
    if (meta?.organisation?.stop) return;
    if (Date.now() > deadline) throw new Error('the policy did not reach the page table');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A Firefox that reads `policies`: a copy of the firefox-esr installation (hard links, so it costs no space) whose own
 * `distribution/policies.json` holds them, as an administrator deploys it. Firefox ignores the
 * `browser.policies.alternatePath` pref outside its own test builds, and the system-wide file would reach every
 * Firefox on this machine. Returns the copy's executable and a function that removes the copy.
 */
export function firefoxWithPolicies(policies: object, install = '/usr/lib/firefox-esr'): { executablePath: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'whose-cloud-firefox-'));
  const copy = join(root, 'firefox');
  try {
    execFileSync('cp', ['-al', install, copy], { stdio: 'pipe' });
  } catch {
    // Another file system: a real copy (about 300 MB) works the same.
    rmSync(copy, { recursive: true, force: true });
    execFileSync('cp', ['-a', install, copy], { stdio: 'pipe' });
  }
  // Debian links distribution/ to /usr/share: replace the link, never write through it.
  rmSync(join(copy, 'distribution'), { recursive: true, force: true });
  mkdirSync(join(copy, 'distribution'));
  writeFileSync(join(copy, 'distribution', 'policies.json'), JSON.stringify({ policies }));
  return { executablePath: join(copy, 'firefox-esr'), remove: () => rmSync(root, { recursive: true, force: true }) };
}
