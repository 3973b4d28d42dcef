import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2]!,
  );

describe('project structure (STYLE.md)', () => {
  it('keeps src/core framework-free: zod and its own modules only, no browser or DOM globals', () => {
    const offences: string[] = [];
    for (const file of filesUnder('src/core')) {
      for (const specifier of importsOf(file)) {
        if (specifier !== 'zod' && !specifier.startsWith('./')) offences.push(`${file} imports ${specifier}`);
      }
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const global of ['browser.', 'chrome.', 'document.', 'window.', 'localStorage', 'React']) {
        if (text.includes(global)) offences.push(`${file} uses ${global}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps Node-only code out of everything the extension bundles', () => {
    const bundled = [...filesUnder('src/core'), ...filesUnder('entrypoints')].filter((f) => /\.(ts|tsx)$/.test(f));
    const offences = bundled.flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith('node:') || s.includes('/node/') || s.includes('/cli/'))
        .map((s) => `${file} imports ${s}`),
    );
    expect(offences).toEqual([]);
  });

  it('has only entrypoints in entrypoints/: folders with an index, no loose or test files', () => {
    const offences: string[] = [];
    for (const entry of readdirSync(join(ROOT, 'entrypoints'))) {
      const path = join(ROOT, 'entrypoints', entry);
      if (!statSync(path).isDirectory()) offences.push(`loose file entrypoints/${entry}`);
      else if (!readdirSync(path).some((f) => /^index\.(ts|tsx|html)$/.test(f))) offences.push(`entrypoints/${entry} has no index`);
    }
    offences.push(...filesUnder('entrypoints').filter((f) => /\.test\./.test(f)).map((f) => `test file ${f}`));
    expect(offences).toEqual([]);
  });

  it('keeps every test under test/', () => {
    const stray = [...filesUnder('src'), ...filesUnder('entrypoints')].filter((f) => /\.test(-d)?\.tsx?$/.test(f));
    expect(stray.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });
});
