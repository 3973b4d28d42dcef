// Names, dates, lists and counts in the reader's language, from the platform's Intl data; pure, so the caller passes locale and today.
import type { ReviewAgeWords } from '@/src/core/page-table';

/** A jurisdiction as the dataset names it: code ("CN", "EU", "US-TX") and English name. */
export interface NamedJurisdiction {
  id: string;
  name: string;
}

/** One CLDR plural category ("one", "few", "many", "other"…). */
export type PluralCategory = Intl.LDMLPluralRule;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// CLDR's standard names for these are the long legal ones ("Hong Kong SAR China"); the short form is what the dataset and readers use.
const SHORT_REGION_NAMES = new Set(['HK', 'MO']);

// chrome.i18n.getUILanguage() may say "zh_CN"; Intl wants a BCP 47 tag.
const bcp47 = (locale: string) => locale.replaceAll('_', '-');

// Intl constructors are costly next to a keystroke; one per locale and option set is enough.
const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T | undefined {
  if (!cache.has(key)) {
    try {
      cache.set(key, make());
    } catch {
      cache.set(key, undefined);
    }
  }
  return cache.get(key) as T | undefined;
}

/**
 * A jurisdiction's name in the reader's language: `Intl.DisplayNames` for ISO 3166 country codes
 * (and the EU where the platform knows it), the dataset's English name for subdivisions ("US-TX")
 * and for any code the platform cannot name. Never throws.
 */
export function jurisdictionName(jurisdiction: NamedJurisdiction, locale: string): string {
  if (!/^[A-Z]{2}$/.test(jurisdiction.id)) return jurisdiction.name;
  const style = SHORT_REGION_NAMES.has(jurisdiction.id) ? 'short' : 'long';
  const names = memo(`region|${locale}|${style}`, () => new Intl.DisplayNames(bcp47(locale), { type: 'region', style, fallback: 'none' }));
  return names?.of(jurisdiction.id) ?? jurisdiction.name;
}

/**
 * A dataset date in the reader's locale, exactly as precise as the source: "2022" → "2022",
 * "2022-01" → "January 2022", "2022-01-18" → "Jan 18, 2022" (en). Read as a UTC calendar date, so
 * the reader's time zone never shifts the day. Anything else comes back unchanged.
 */
export function formatPartialDate(date: string, locale: string): string {
  const match = PARTIAL_DATE.exec(date);
  if (!match) return date;
  const [year, month, day] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as [number, number?, number?];
  if (month !== undefined && !(month >= 1 && month <= 12)) return date;
  const utc = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day !== undefined && utc.getUTCDate() !== day) return date;
  const options: Intl.DateTimeFormatOptions = day !== undefined ? { dateStyle: 'medium' } : month !== undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  const format = memo(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(bcp47(locale), { ...options, timeZone: 'UTC' }));
  return format?.format(utc) ?? date;
}

/**
 * Items joined as the reader's language joins them: "a, b, and c" (en), "a, b i c" (pl), "a、b、c" (ja).
 * `type` "disjunction" gives "a, b, or c"; "unit" a plain list without a conjunction.
 */
export function formatList(items: readonly string[], locale: string, type: Intl.ListFormatType = 'conjunction'): string {
  const format = memo(`list|${locale}|${type}`, () => new Intl.ListFormat(bcp47(locale), { type, style: 'long' }));
  return format?.format(items) ?? items.join(', ');
}

/** The CLDR plural category of a count in the reader's language: Polish gives "one" for 1, "few" for 2–4 and 22, "many" for 5 and 12. */
export function pluralCategory(count: number, locale: string): PluralCategory {
  return memo(`plural|${locale}`, () => new Intl.PluralRules(bcp47(locale)))?.select(count) ?? (count === 1 ? 'one' : 'other');
}

/**
 * The message key of a count, by the plural scheme of the locale files: `base_one`, `base_few`, `base_many`,
 * `base_other`… (each locale has exactly the categories its language uses). `has` tells whether the reader's
 * locale file has a key; a category it lacks falls back to `base_other`, which every locale has.
 */
export function pluralKey(base: string, count: number, locale: string, has: (key: string) => boolean): string {
  const key = `${base}_${pluralCategory(count, locale)}`;
  return has(key) ? key : `${base}_other`;
}

/** Whole days from `from` to `to`, both "YYYY-MM-DD" (UTC calendar days); NaN when either is not a full date. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? Number.NaN : b - a;
}

function dayNumber(date: string): number | undefined {
  const match = ISO_DAY.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? time / MS_PER_DAY : undefined;
}

/** How formatReviewAge counts an age of `days`: days under 2 weeks, weeks under 2 months, months under 2 years, then years. */
function reviewAgeUnit(days: number): [number, Intl.RelativeTimeFormatUnit] {
  return days < 14 ? [Math.max(days, 0), 'day'] : days < 61 ? [Math.floor(days / 7), 'week'] : days < 730 ? [Math.floor(days / 30.44), 'month'] : [Math.floor(days / 365.25), 'year'];
}

/**
 * formatReviewAge's every phrase for the first `years` years, in one language, keyed "3 day", "2 week": the worker writes
 * them into the page table, so the popup's first frame tells the dataset's age without paying for Intl (tens of ms in a fresh process).
 */
export function reviewAgeWords(locale: string, years = 10): ReviewAgeWords {
  const ages: Record<string, string> = {};
  for (let days = 0; days <= years * 366; days++) {
    const [value, unit] = reviewAgeUnit(days);
    const key = `${value} ${unit}`;
    const phrase = key in ages ? undefined : relativeTime(locale)?.format(-value, unit);
    if (phrase) ages[key] = phrase;
  }
  return { locale, ages };
}

const relativeTime = (locale: string) => memo(`relative|${locale}`, () => new Intl.RelativeTimeFormat(bcp47(locale), { numeric: 'auto' }));

/**
 * How long ago the dataset was reviewed, in the reader's language: "today", "yesterday", "3 days ago",
 * "2 weeks ago", "4 months ago", "last year" (en). Days under 2 weeks, weeks under 2 months, months under
 * 2 years, then years. `reviewed` and `today` are "YYYY-MM-DD"; a review dated after today reads "today".
 * Taken from `written` (reviewAgeWords) where it has the phrase in this locale. Returns "" when either date is malformed.
 */
export function formatReviewAge(reviewed: string, today: string, locale: string, written?: ReviewAgeWords): string {
  const days = daysBetween(reviewed, today);
  if (Number.isNaN(days)) return '';
  const [value, unit] = reviewAgeUnit(days);
  const phrase = written?.locale === locale ? written.ages[`${value} ${unit}`] : undefined;
  return phrase ?? relativeTime(locale)?.format(-value, unit) ?? reviewed;
}

/**
 * Whether the dataset's review is older than `days` (default 120) on `today`, so the popup should ask the
 * reader to update the extension. Both dates "YYYY-MM-DD"; a malformed date counts as stale.
 */
export function isReviewStale(reviewed: string, today: string, days = 120): boolean {
  const age = daysBetween(reviewed, today);
  return Number.isNaN(age) || age > days;
}
