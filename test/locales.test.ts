import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES = fileURLToPath(new URL('../public/_locales/', import.meta.url));
type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(`${LOCALES}${locale}/messages.json`, 'utf8'));
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

/** The UI languages the extension ships (issue 15); Chrome's folder names, so Simplified Chinese is zh_CN. */
const UI_LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'zh_CN'];

/** Names, brands and symbols that stay as they are in every language; a string made only of these (and $n, digits, punctuation) may equal the English one. */
const NAMES = ['Whose Cloud', 'Yandex Cloud', 'console.aws.amazon.com', '阿里云', 'Markdown', 'API', 'URL'];
/** Words that are the same in English and the language, each checked by hand: the translation is the English word. */
const SAME_WORD: Record<string, string[]> = { fr: ['type_sanctions'] };
const translatable = (text: string) => NAMES.reduce((rest, name) => rest.replaceAll(name, ''), text).replace(/\$\d/g, '');

/**
 * Plural families (docs: README "Languages"): `base_one` + `base_other` in English mark a message with plural forms;
 * each locale then has exactly `base_<category>` for every category its language uses (Polish: one, few, many, other).
 */
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(english).filter((k) => k.endsWith('_one') && `${k.slice(0, -4)}_other` in english).map((k) => k.slice(0, -4)));
const pluralBase = (key: string) => {
  const base = PLURAL.exec(key)?.[1];
  return base !== undefined && pluralBases.has(base) ? base : undefined;
};
const categories = (locale: string) => new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
/** The keys a locale must have: every English key, with each plural family spelled out in that language's categories. */
function expectedKeys(locale: string): string[] {
  const singles = Object.keys(english).filter((k) => pluralBase(k) === undefined);
  const plurals = [...pluralBases].flatMap((base) => categories(locale).map((c) => `${base}_${c}`));
  return [...singles, ...plurals].sort();
}
/** The English message a key of another locale translates (a plural form translates English's "other"). */
const englishFor = (key: string) => english[key]?.message ?? english[`${pluralBase(key)}_other`]!.message;

describe('UI translations', () => {
  const locales = readdirSync(LOCALES).filter((l) => l !== 'en');

  it('are exactly the ten UI languages', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(UI_LANGUAGES);
  });

  it.each(locales)('%s has every English key and no other', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(expectedKeys(locale));
  });

  it.each(locales)('%s keeps every substitution placeholder of each message', (locale) => {
    const messages = read(locale);
    const wrong = Object.keys(messages).filter((key) => placeholders(messages[key]!.message).join() !== placeholders(englishFor(key)).join());
    expect(wrong).toEqual([]);
  });

  it.each(locales)('%s leaves no UI string in English (names, brands and symbols aside)', (locale) => {
    const messages = read(locale);
    const untranslated = Object.entries(messages)
      .filter(([key, { message }]) => message === englishFor(key) && /\p{L}/u.test(translatable(message)) && !SAME_WORD[locale]?.includes(key))
      .map(([key, { message }]) => `${key}: ${message}`);
    expect(untranslated).toEqual([]);
  });

  it.each(UI_LANGUAGES)('%s has no empty message', (locale) => {
    expect(Object.entries(read(locale)).filter(([, { message }]) => message.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(UI_LANGUAGES)('%s describes the extension within the stores’ 132-character summary', (locale) => {
    expect(read(locale).extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('the plural scheme of the locale test', () => {
  it('spells a family out in each language’s categories', () => {
    expect(categories('pl')).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    expect(categories('ja')).toEqual(['other']);
  });
});
