import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { darkToolbarVariant, ICON_SIZES, renderIcon } from '../../modules/icons';
import { badgeStyles, contrast } from '../colours';

const ROOT = join(import.meta.dirname, '../..');
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const badgeColours = badgeStyles().map((b) => b.color);
const rim = (source: string) => /<g id="rim" fill="(#[0-9a-f]{6})"/i.exec(source)![1]!;
const fill = /<g fill="(#[0-9a-f]{6})">/i.exec(svg)![1]!;
// Toolbar backgrounds: Chrome light and dark (2019 and 2023 designs), Firefox light and dark.
const LIGHT_TOOLBARS = ['#ffffff', '#f1f3f4', '#f9f9fb'];
const DARK_TOOLBARS = ['#202124', '#282828', '#35363a', '#3c3c3c', '#2b2a33'];
// WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
const NON_TEXT = 3;

describe('the icon (assets/icon.svg)', () => {
  it.each(ICON_SIZES)('renders to a %i-pixel square PNG', (size) => {
    const png = renderIcon(svg, size);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it('stands out on light toolbars by its rim and on dark ones by its fill (Chromium has no dark variant)', () => {
    for (const bg of LIGHT_TOOLBARS) expect(contrast(rim(svg), bg), bg).toBeGreaterThanOrEqual(NON_TEXT);
    for (const bg of DARK_TOOLBARS) expect(contrast(fill, bg), bg).toBeGreaterThanOrEqual(NON_TEXT);
  });

  it('has a dark-toolbar variant (Firefox theme_icons) whose rim stands out on dark toolbars', () => {
    const variant = darkToolbarVariant(svg);
    expect(variant).not.toBe(svg);
    for (const bg of DARK_TOOLBARS) expect(contrast(rim(variant), bg), bg).toBeGreaterThanOrEqual(NON_TEXT);
  });

  it('lets every badge colour stand out where the badge covers it (the fill)', () => {
    expect(badgeColours).toHaveLength(4);
    for (const colour of badgeColours) expect(contrast(colour, fill), colour).toBeGreaterThanOrEqual(NON_TEXT);
  });

  it('refuses a source whose rim it cannot find, rather than ship an identical variant', () => {
    expect(() => darkToolbarVariant(svg.replace('id="rim"', ''))).toThrow(/rim/);
  });
});
