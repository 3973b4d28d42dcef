import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../colours';

const css = readFileSync(join(import.meta.dirname, '../../entrypoints/warning.content/style.css'), 'utf8');
const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];

/** The first hex value a custom property gets in one part of the style sheet, from `selector` on when given. */
function variable(part: string, name: string, selector?: string): string {
  const scope = selector ? part.slice(part.indexOf(selector)) : part;
  const value = [...scope.matchAll(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'gi'))][0]?.[1];
  if (!value) throw new Error(`${name} not found`);
  return value;
}

describe.each([
  ['light', light],
  ['dark', dark],
])('the banner in %s colours meets WCAG AA', (_, part) => {
  const bg = variable(part, '--bg');
  it.each(['--fg', '--muted', '--link'])('%s on the background: at least 4.5:1', (name) => {
    expect(contrast(variable(part, name), bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(['.level-prohibited', '.level-restricted', '.level-under-review', '.level-notice', '.approved'])('the %s label (background-coloured text on the accent): at least 4.5:1', (selector) => {
    expect(contrast(bg, variable(part, '--accent', selector))).toBeGreaterThanOrEqual(4.5);
  });
});
