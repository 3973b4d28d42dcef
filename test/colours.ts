import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** WCAG 2.x contrast ratio of two sRGB colours written #rrggbb. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The toolbar badge of each level (text and colour), read from src/adapters/badge.ts, which imports browser code that Node tests cannot load. */
export function badgeStyles(): Array<{ text: string; color: string }> {
  const source = readFileSync(fileURLToPath(new URL('../src/adapters/badge.ts', import.meta.url)), 'utf8');
  return [...source.matchAll(/text: '([^']+)', color: '(#[0-9a-f]{6})'/gi)].map((m) => ({ text: m[1]!, color: m[2]! }));
}
