import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../wxt-build';

export { ROOT, wxt } from '../wxt-build';
const OUTPUT = join(ROOT, '.output');
const CHROME = join(OUTPUT, 'chrome-mv3');

/** DESIGN.md budgets: 25 KB for the script injected into pages, under 500 KB for the whole Chrome package. */
export const CONTENT_SCRIPT_BUDGET = 25 * 1024;
export const CHROME_ZIP_BUDGET = 500 * 1024;
/** The worker's script, parsed again at every wake-up (DESIGN.md, "Budgets"). */
export const BACKGROUND_BUDGET = 200 * 1024;


/**
 * The file system's own clock, read off a marker file, for comparing with the mtimes of what a build writes next:
 * a faked process clock (faketime) must not make fresh packages look stale.
 */
export function buildStartMark(): number {
  mkdirSync(OUTPUT, { recursive: true });
  const marker = join(OUTPUT, '.build-start');
  writeFileSync(marker, '');
  return statSync(marker).mtimeMs;
}

/** The built Chrome extension and store packages, in bytes. */
export interface Sizes {
  contentScript: number;
  background: number;
  /** The popup's scripts as its HTML names them: the first script, the module entry and the chunks it preloads. */
  popup: number;
  chromeZip: number;
  zips: Record<string, number>;
}

// Some file systems store mtimes in whole seconds.
const MTIME_SLACK_MS = 2000;
const size = (file: string) => statSync(file).size;

/** Measures .output; only packages written at or after `since` (ms) count, so stale zips of older versions are ignored. */
export function measureSizes(since = 0): Sizes {
  const popupHtml = readFileSync(join(CHROME, 'popup.html'), 'utf8');
  const popupChunks = [...popupHtml.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const zips = Object.fromEntries(readdirSync(OUTPUT).filter((f) => f.endsWith('.zip') && statSync(join(OUTPUT, f)).mtimeMs >= since - MTIME_SLACK_MS).map((f) => [f, size(join(OUTPUT, f))]));
  const chromeZip = Object.entries(zips).find(([name]) => name.endsWith('-chrome.zip'));
  if (!chromeZip || popupChunks.length === 0 || !existsSync(join(CHROME, 'content-scripts/warning.js'))) {
    throw new Error('.output lacks the Chrome build, its popup chunks or its zip');
  }
  return {
    contentScript: size(join(CHROME, 'content-scripts/warning.js')),
    background: size(join(CHROME, 'background.js')),
    popup: popupChunks.reduce((sum, chunk) => sum + size(join(CHROME, chunk)), 0),
    chromeZip: chromeZip[1],
    zips,
  };
}
