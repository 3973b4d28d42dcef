import type { DatasetIndex } from './dataset-index';

export const FALLBACK_HOME = 'US';

/**
 * The home jurisdiction a browser locale suggests: its region ("de-DE" → DE's union, "EU"),
 * where the dataset knows it; otherwise the fallback.
 */
export function homeFromLocale(locale: string, index: DatasetIndex): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return FALLBACK_HOME;
  }
  const jurisdiction = region && index.jurisdictions.get(region);
  if (!jurisdiction) return FALLBACK_HOME;
  return jurisdiction.partOf === 'EU' ? 'EU' : jurisdiction.id;
}
