import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayUtc } from '../../src/core/dates';
import { matchPatternsFor } from '../../src/core/match-patterns';
import { loadDataset } from '../../src/node/read-dataset';
import { ICON_SIZES } from '../../modules/icons';
import { ROOT } from './global-setup';

const builds = ['chrome-mv3', 'firefox-mv2'] as const;
const manifest = (build: string) => JSON.parse(readFileSync(join(ROOT, '.output', build, 'manifest.json'), 'utf8'));
const csp = (m: any): string => (typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages);

/** Width and height of a PNG, read from its IHDR chunk; throws if the file is not a PNG. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every icon the manifest declares, with the size it declares: extension icons, toolbar icons, Firefox theme icons. */
function declaredIcons(m: any): Array<{ path: string; size: number }> {
  const action = m.action ?? m.browser_action;
  const bySize = (icons: Record<string, string> | undefined) => Object.entries(icons ?? {}).map(([size, path]) => ({ path, size: Number(size) }));
  return [
    ...bySize(m.icons),
    ...bySize(action?.default_icon),
    ...(action?.theme_icons ?? []).flatMap((t: { light: string; dark: string; size: number }) => [{ path: t.light, size: t.size }, { path: t.dark, size: t.size }]),
  ];
}

/** web-ext lint warnings that come from libraries, each explained in README ("Store packages"). */
const EXPLAINED_WARNINGS = new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);

describe.each(builds)('the %s manifest', (build) => {
  it('asks for storage and activeTab only: no host permissions, no optional ones', () => {
    const m = manifest(build);
    expect([...m.permissions].sort()).toEqual(['activeTab', 'storage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('runs its content script on exactly the dataset’s provider hosts', () => {
    const m = manifest(build);
    const expected = matchPatternsFor(loadDataset(todayUtc()));
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...expected].sort());
    for (const pattern of m.content_scripts[0].matches as string[]) {
      expect(pattern).toMatch(/^\*:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('declares icons at every store size and on the toolbar, each file a PNG of exactly its declared size', () => {
    const m = manifest(build);
    expect(Object.keys(m.icons).map(Number).sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
    expect(Object.keys((m.action ?? m.browser_action).default_icon).map(Number)).toEqual([16, 32]);
    if (build.startsWith('firefox')) expect(m.browser_action.theme_icons.map((t: { size: number }) => t.size)).toEqual([16, 32]);
    for (const { path, size } of declaredIcons(m)) {
      expect(pngSize(join(ROOT, '.output', build, path)), `${build}/${path}`).toEqual({ width: size, height: size });
    }
  });

  it('declares a content security policy that loads only its own code and connects nowhere', () => {
    const policy = csp(manifest(build));
    for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "object-src 'none'"]) expect(policy).toContain(directive);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('web-ext lint on the Firefox build', () => {
  it('reports no errors, and only the library warnings the README explains', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', join(ROOT, '.output/firefox-mv2'), '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors).toEqual([]);
    const unexplained = report.warnings.filter((w: { code: string }) => !EXPLAINED_WARNINGS.has(w.code));
    expect(unexplained).toEqual([]);
    // Library code only: our own content script and pages add no warning.
    expect(report.warnings.filter((w: { file: string }) => w.file.startsWith('content-scripts/'))).toEqual([]);
  });
});
