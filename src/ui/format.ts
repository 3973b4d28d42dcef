/** A dataset date ("2022", "2022-01", "2022-01-18") in the reader's locale, as precise as the source. */
export function formatPartialDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year) return date;
  const utc = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'medium' } : month ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(utc);
  } catch {
    return date;
  }
}
