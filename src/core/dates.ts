import type { PartialDate } from './dataset-schema';

/** Today as YYYY-MM-DD in UTC; a parameter everywhere else so tests can fix the clock. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The first day a partial date can mean: "2022" → "2022-01-01". */
export function earliestDay(date: PartialDate | string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean, so "ended 2023" is still current on 2023-06-01. */
export function latestDay(date: PartialDate | string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** Newest first; a less precise date sorts after a precise one in the same period. */
export function compareDatesDescending(a: string, b: string): number {
  return a === b ? 0 : a < b ? 1 : -1;
}
