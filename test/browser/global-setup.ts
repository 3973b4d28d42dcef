import { existsSync } from 'node:fs';
import { wxt } from '../wxt-build';
import { CHROMIUM } from './chromium';

export { ROOT } from '../wxt-build';
const FIREFOX = '/usr/bin/firefox-esr';

/** Builds both extensions once; with no browser installed it says so loudly and, under CI, fails instead of skipping. */
export default function setup(): void {
  const missing = [CHROMIUM, FIREFOX].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    const message = `browser tests need ${missing.join(' and ')}: apt-get install -y chromium firefox-esr`;
    if (process.env.CI) throw new Error(message);
    console.warn(`\n!!! ${message} — browser suites that need them will be SKIPPED !!!\n`);
  }
  // The production builds, exactly what `npm run build` ships.
  wxt('build');
  wxt('build', '-b', 'firefox');
}
