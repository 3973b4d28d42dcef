import { browser } from '#imports';
import datasetMeta from 'virtual:whose-cloud-dataset-meta';
import { isTableKey, LAST_POLICY_KEY, pageFromTable, SETTINGS_KEY, tableStamp, TABLE_META_KEY, type FastPage, type TableMeta } from '@/src/core/page-table';

/** The stamp of a table built now, from the raw stored settings and last policy (as a page reads them). */
export function currentStamp(rawSettings: unknown, rawPolicy: unknown): string {
  return tableStamp({
    extension: browser.runtime.getManifest().version,
    dataset: datasetMeta.version,
    locale: browser.i18n.getUILanguage(),
    settings: rawSettings,
    policy: rawPolicy,
  });
}

/** The raw inputs of the stamp, read as a page would read them. */
export async function readStampInputs(): Promise<{ settings: unknown; policy: unknown }> {
  const [sync, local] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), browser.storage.local.get(LAST_POLICY_KEY)]);
  return { settings: sync[SETTINGS_KEY], policy: local[LAST_POLICY_KEY] };
}

/** How a page reads the table: local keys, and the stamp it expects from what it read (settings live in another area, read alongside). */
export function tableReader() {
  const settings = browser.storage.sync.get(SETTINGS_KEY);
  const read = (keys: string[]) => browser.storage.local.get(keys) as Promise<Record<string, unknown>>;
  const stampOf = async (stored: Record<string, unknown>) => currentStamp((await settings)[SETTINGS_KEY], stored[LAST_POLICY_KEY]);
  return { read, stampOf };
}

/** A URL as the table looks it up: its host without the trailing dots of an absolute name, and its path. */
export function pageOf(url: string): { host: string; pathname: string } {
  const { hostname, pathname } = new URL(url);
  return { host: hostname.replace(/\.+$/, ''), pathname };
}

/** In a page: its verdict from the table the worker keeps, without waking the worker; `ask` where the table cannot tell. */
export async function readFastPage(url: string, now: number): Promise<FastPage> {
  try {
    const { read, stampOf } = tableReader();
    return await pageFromTable(pageOf(url), read, stampOf, now);
  } catch {
    return { kind: 'ask' };
  }
}

/** The stamp of the table in storage, if any. */
export async function storedStamp(): Promise<string | undefined> {
  return ((await browser.storage.local.get(TABLE_META_KEY))[TABLE_META_KEY] as TableMeta | undefined)?.stamp;
}

/** Replaces the table in storage: new entries in, entries of an older table out. */
export async function writePageTable(entries: Record<string, unknown>): Promise<void> {
  const stale = Object.keys(await browser.storage.local.get(null)).filter((key) => isTableKey(key) && !(key in entries));
  await browser.storage.local.set(entries);
  if (stale.length > 0) await browser.storage.local.remove(stale);
}
