import type { DatasetIndex } from './dataset-index';
import type { PageKind } from './dataset-schema';
import { labelSuffixes } from './dataset-index';
import { pageKindFor, type PageKindRule } from './page-kind';
import type { Dismissals, EffectiveSettings } from './settings';
import { shouldShowBanner, type BannerSettings } from './show-banner';
import type { VerdictView } from './verdict-view';

/**
 * The page table: what a provider page needs to draw its banner without waking the service worker.
 * The worker writes it to extension storage for the current settings; a page reads the few keys its host needs.
 */
export const TABLE_META_KEY = 'wc:meta';
const HOST_KEY = 'wc:h:';
const VIEW_KEY = 'wc:v:';
export const hostKey = (host: string) => `${HOST_KEY}${host}`;
export const viewKey = (providerId: string) => `${VIEW_KEY}${providerId}`;
export const isTableKey = (key: string) => key === TABLE_META_KEY || key.startsWith(HOST_KEY) || key.startsWith(VIEW_KEY);

/** Where the settings a table was built from are read: the same raw values the page compares. */
export const SETTINGS_KEY = 'settings';
export const LAST_POLICY_KEY = 'lastManagedPolicy';
export const DISMISSALS_KEY = 'dismissals';

export interface StoredHostRule extends PageKindRule {
  provider: string;
  subdomains: boolean;
}

export interface TableMeta {
  /** What the table was built from; a page that finds anything else asks the worker instead. */
  stamp: string;
  banner: BannerSettings & Pick<EffectiveSettings, 'position'>;
}

/** Everything a table depends on, as one string both sides compute alike from raw stored values. */
export function tableStamp(inputs: { extension: string; dataset: string; locale: string; settings: unknown; policy: unknown }): string {
  return JSON.stringify([inputs.extension, inputs.dataset, inputs.locale, inputs.settings ?? null, inputs.policy ?? null]);
}

/** The table for one set of effective settings: every host rule, and every provider's verdict view. */
export function buildPageTable(
  index: DatasetIndex,
  effective: EffectiveSettings,
  stamp: string,
  viewOf: (providerId: string) => VerdictView,
): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const [host, rule] of index.hosts) {
    const stored: StoredHostRule = { host, provider: rule.provider.id, subdomains: rule.subdomains, kind: rule.kind, paths: rule.paths };
    entries[hostKey(host)] = stored;
  }
  for (const provider of index.dataset.providers) entries[viewKey(provider.id)] = viewOf(provider.id);
  const meta: TableMeta = {
    stamp,
    banner: { minimumLevel: effective.minimumLevel, pageKinds: effective.pageKinds, allowDismiss: effective.allowDismiss, position: effective.position },
  };
  entries[TABLE_META_KEY] = meta;
  return entries;
}

/** The storage keys a page on `host` reads: its host rule candidates, the table's stamp, settings inputs and dismissals. */
export function keysForHost(host: string): string[] {
  return [TABLE_META_KEY, LAST_POLICY_KEY, DISMISSALS_KEY, ...labelSuffixes(host).map(hostKey)];
}

/** The most specific stored rule for a host: the host itself, else the nearest parent domain that covers subdomains. */
export function ruleForHost(host: string, stored: Record<string, unknown>): StoredHostRule | undefined {
  for (const suffix of labelSuffixes(host)) {
    const rule = stored[hostKey(suffix)] as StoredHostRule | undefined;
    if (rule && (suffix === host || rule.subdomains)) return rule;
  }
  return undefined;
}

function isDismissals(value: unknown): value is Dismissals {
  const record = value as Partial<Dismissals> | null;
  return typeof record === 'object' && record !== null && Array.isArray(record.muted) && typeof record.snoozedUntil === 'object' && record.snoozedUntil !== null;
}

export type FastPage =
  | { kind: 'page'; providerId: string; pageKind: PageKind; view: VerdictView; show: boolean; position: TableMeta['banner']['position']; allowDismiss: boolean }
  | { kind: 'none' }
  /** The table is missing, stale or odd: ask the worker. */
  | { kind: 'ask' };

/**
 * A page's verdict from the table alone. `stampOf` gives the stamp the page expects, from what it read; any mismatch,
 * and any value that does not look as the worker writes it, sends the page to the worker, which knows best.
 */
export async function pageFromTable(
  page: { host: string; pathname: string },
  read: (keys: string[]) => Promise<Record<string, unknown>>,
  stampOf: (stored: Record<string, unknown>) => string | Promise<string>,
  now: number,
): Promise<FastPage> {
  const stored = await read(keysForHost(page.host));
  const meta = stored[TABLE_META_KEY] as TableMeta | undefined;
  if (!meta || meta.stamp !== (await stampOf(stored))) return { kind: 'ask' };
  const rule = ruleForHost(page.host, stored);
  if (!rule) return { kind: 'none' };
  const dismissals = stored[DISMISSALS_KEY] ?? { muted: [], snoozedUntil: {} };
  if (!isDismissals(dismissals)) return { kind: 'ask' };
  const view = (await read([viewKey(rule.provider)]))[viewKey(rule.provider)] as VerdictView | undefined;
  if (!view) return { kind: 'ask' };
  const pageKind = pageKindFor(rule, page.host, page.pathname);
  const show = shouldShowBanner({ providerId: rule.provider, pageKind, level: view.level }, meta.banner, dismissals, now);
  return { kind: 'page', providerId: rule.provider, pageKind, view: { ...view, pageKind }, show, position: meta.banner.position, allowDismiss: meta.banner.allowDismiss };
}
