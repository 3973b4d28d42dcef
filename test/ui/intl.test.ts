import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysBetween, formatList, formatPartialDate, formatReviewAge, isReviewStale, jurisdictionName, pluralCategory, pluralKey, reviewAgeWords } from '../../src/ui/intl';

const j = (id: string, name: string) => ({ id, name });

describe('jurisdictionName', () => {
  it.each([
    ['de', 'CN', 'China'],
    ['de', 'US', 'Vereinigte Staaten'],
    ['de', 'RU', 'Russland'],
    ['de', 'GB', 'Vereinigtes Königreich'],
    ['de', 'EU', 'Europäische Union'],
    ['fr', 'CN', 'Chine'],
    ['fr', 'US', 'États-Unis'],
    ['fr', 'RU', 'Russie'],
    ['fr', 'EU', 'Union européenne'],
    ['ja', 'CN', '中国'],
    ['ja', 'US', 'アメリカ合衆国'],
    ['ja', 'RU', 'ロシア'],
    ['ja', 'KR', '韓国'],
    ['de', 'HK', 'Hongkong'],
    ['en', 'HK', 'Hong Kong'],
    ['ja', 'HK', '香港'],
  ])('%s: %s is "%s"', (locale, id, expected) => {
    expect(jurisdictionName(j(id, 'English name'), locale)).toBe(expected);
  });

  it('falls back to the dataset’s English name for subdivisions and codes the platform cannot name', () => {
    expect(jurisdictionName(j('US-TX', 'Texas'), 'de')).toBe('Texas');
    expect(jurisdictionName(j('DE-BE', 'Berlin'), 'ja')).toBe('Berlin');
    expect(jurisdictionName(j('XX', 'Nowhere'), 'fr')).toBe('Nowhere');
    expect(jurisdictionName(j('CN', 'China'), 'not a locale!')).toBe('China');
  });

  it('accepts the browser’s underscore form of a locale', () => {
    expect(jurisdictionName(j('US', 'United States'), 'zh_CN')).toBe('美国');
  });

  it('gives every shipped jurisdiction a name in English equal to the dataset’s', () => {
    const dir = new URL('../../src/data/jurisdictions/', import.meta.url);
    const shipped = readdirSync(dir).map((file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { id: string; name: string });
    expect(shipped.length).toBeGreaterThan(0);
    for (const jurisdiction of shipped) {
      expect(jurisdictionName(jurisdiction, 'en'), jurisdiction.id).toBe(jurisdiction.name);
    }
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['en', '2022', '2022'],
    ['en', '2022-01', 'January 2022'],
    ['en', '2022-01-18', 'Jan 18, 2022'],
    ['de', '2022-01', 'Januar 2022'],
    ['de', '2022-01-18', '18.01.2022'],
    ['fr', '2022-01-18', '18 janv. 2022'],
    ['pl', '2022-01', 'styczeń 2022'],
    ['ja', '2022-01', '2022年1月'],
    ['ja', '2022-01-18', '2022/01/18'],
  ])('%s: %s is "%s"', (locale, date, expected) => {
    expect(formatPartialDate(date, locale)).toBe(expected);
  });

  it('never moves a day across time zones: the last day of a year stays in that year', () => {
    expect(formatPartialDate('2021-12-31', 'en')).toBe('Dec 31, 2021');
  });

  it.each(['', 'soon', '2022-13', '2022-02-30', '22-01-18', '2022-1-8'])('gives "%s" back unchanged', (date) => {
    expect(formatPartialDate(date, 'en')).toBe(date);
  });
});

describe('formatList', () => {
  it.each([
    ['en', 'a, b, and c'],
    ['de', 'a, b und c'],
    ['pl', 'a, b i c'],
    ['ja', 'a、b、c'],
  ])('%s joins as "%s"', (locale, expected) => {
    expect(formatList(['a', 'b', 'c'], locale)).toBe(expected);
  });

  it('keeps one item and none as they are, and offers "or"', () => {
    expect(formatList(['a'], 'en')).toBe('a');
    expect(formatList([], 'en')).toBe('');
    expect(formatList(['a', 'b'], 'fr', 'disjunction')).toBe('a ou b');
  });
});

describe('plural forms', () => {
  it.each([
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [5, 'many'],
    [12, 'many'],
    [22, 'few'],
    [25, 'many'],
  ] as const)('Polish: %i is %s', (count, category) => {
    expect(pluralCategory(count, 'pl')).toBe(category);
  });

  it('follows each language: French counts 0 as one, Japanese has one form', () => {
    expect(pluralCategory(0, 'fr')).toBe('one');
    expect(pluralCategory(0, 'en')).toBe('other');
    expect(pluralCategory(1, 'ja')).toBe('other');
  });

  it('picks the key of the category, or base_other when the reader’s locale file lacks it', () => {
    const polish = new Set(['evidence_one', 'evidence_few', 'evidence_many', 'evidence_other']);
    expect(pluralKey('evidence', 3, 'pl', (k) => polish.has(k))).toBe('evidence_few');
    expect(pluralKey('evidence', 5, 'pl', (k) => polish.has(k))).toBe('evidence_many');
    const english = new Set(['evidence_one', 'evidence_other']);
    // A browser in Ukrainian gets the English file (no "few"): its "other" form, not a missing message.
    expect(pluralKey('evidence', 3, 'uk', (k) => english.has(k))).toBe('evidence_other');
  });
});

describe('the dataset’s age', () => {
  it('counts whole UTC calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-01-04')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2026-01')).toBeNaN();
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
  });

  it.each([
    ['en', '2026-11-28', 'today'],
    ['en', '2026-11-27', 'yesterday'],
    ['en', '2026-11-25', '3 days ago'],
    ['en', '2026-11-14', '2 weeks ago'],
    ['en', '2026-07-31', '3 months ago'],
    ['en', '2024-11-01', '2 years ago'],
    ['de', '2026-11-25', 'vor 3 Tagen'],
    ['fr', '2026-11-25', 'il y a 3 jours'],
    ['pl', '2026-11-25', '3 dni temu'],
    ['pl', '2026-06-28', '5 miesięcy temu'],
    ['ja', '2026-11-25', '3 日前'],
  ])('%s: reviewed %s, seen 2026-11-28: "%s"', (locale, reviewed, expected) => {
    expect(formatReviewAge(reviewed, '2026-11-28', locale)).toBe(expected);
  });

  it('reads a review dated after today as today, and gives nothing for a malformed date', () => {
    expect(formatReviewAge('2026-12-01', '2026-11-28', 'en')).toBe('today');
    expect(formatReviewAge('2026-11', '2026-11-28', 'en')).toBe('');
  });

  it('is told from the words the worker wrote, in their language, exactly as Intl tells it, for every day of ten years', () => {
    for (const locale of ['en', 'de', 'pl', 'ja']) {
      const words = reviewAgeWords(locale);
      expect(words.locale).toBe(locale);
      // Days 0–13, weeks 2–8, months 2–23, years 1–10: one phrase each.
      expect(Object.keys(words.ages)).toHaveLength(14 + 7 + 22 + 10);
      for (let days = 0; days <= 3650; days++) {
        const today = new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const fromWords = formatReviewAge('2020-01-01', today, locale, { locale, ages: words.ages });
        expect(fromWords, `${locale}, ${days} days`).toBe(formatReviewAge('2020-01-01', today, locale));
      }
    }
    expect(reviewAgeWords('de').ages['3 week']).toBe('vor 3 Wochen');
  });

  it('takes written words only in their own language, and turns to Intl beyond them', () => {
    const planted = { locale: 'en', ages: { '3 day': 'three days back' } };
    expect(formatReviewAge('2026-11-25', '2026-11-28', 'en', planted)).toBe('three days back');
    expect(formatReviewAge('2026-11-25', '2026-11-28', 'de', planted)).toBe('vor 3 Tagen');
    expect(formatReviewAge('2026-11-24', '2026-11-28', 'en', planted)).toBe('4 days ago');
  });

  it('is stale after 120 days, or after the days given', () => {
    expect(isReviewStale('2026-01-01', '2026-05-01')).toBe(false); // 120 days
    expect(isReviewStale('2026-01-01', '2026-05-02')).toBe(true); // 121 days
    expect(isReviewStale('2026-01-01', '2026-01-31', 30)).toBe(false);
    expect(isReviewStale('2026-01-01', '2026-02-01', 30)).toBe(true);
    expect(isReviewStale('not a date', '2026-02-01')).toBe(true);
  });
});
