import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES = fileURLToPath(new URL('../public/_locales/', import.meta.url));
type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(`${LOCALES}${locale}/messages.json`, 'utf8'));
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('UI translations', () => {
  const locales = readdirSync(LOCALES).filter((l) => l !== 'en');

  it('include German and Simplified Chinese', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'zh_CN']));
  });

  it.each(locales)('%s has every English key and no other', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales)('%s keeps the substitutions ($1, $2…) of every message', (locale) => {
    const messages = read(locale);
    const wrong = Object.keys(english).filter((key) => placeholders(messages[key]!.message).join() !== placeholders(english[key]!.message).join());
    expect(wrong).toEqual([]);
  });
});
