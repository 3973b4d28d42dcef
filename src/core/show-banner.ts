import type { PageKind } from './dataset-schema';
import { isAtLeast, type Level } from './levels';
import type { Dismissals, EffectiveSettings, StopRule } from './settings';

/** What decides whether a page gets a banner; the page reads it from storage, so it stays free of zod. */
export type BannerSettings = Pick<EffectiveSettings, 'minimumLevel' | 'pageKinds' | 'allowDismiss'>;

export function isDismissed(providerId: string, dismissals: Dismissals, now: number): boolean {
  return dismissals.muted.includes(providerId) || (dismissals.snoozedUntil[providerId] ?? 0) > now;
}

/** Whether a page gets a banner: a high enough level, a chosen page kind, and not silenced (unless policy forbids silencing). */
export function shouldShowBanner(
  page: { providerId: string; pageKind: PageKind; level: Level | null },
  settings: BannerSettings,
  dismissals: Dismissals,
  now: number,
): boolean {
  if (!isAtLeast(page.level, settings.minimumLevel)) return false;
  if (!settings.pageKinds.includes(page.pageKind)) return false;
  return !settings.allowDismiss || !isDismissed(page.providerId, dismissals, now);
}

/** What decides whether a page is stopped: the organisation's approvals and the level and page kinds of its stop. */
export interface StopSettings {
  approvedProviders: string[];
  stop: Pick<StopRule, 'level' | 'pageKinds'> | null;
}

/** Whether the organisation stops this page: a stop is set, the provider is not approved, and level and page kind match. Dismissals never count. */
export function shouldStop(page: { providerId: string; pageKind: PageKind; level: Level | null }, settings: StopSettings): boolean {
  const { stop } = settings;
  return stop !== null && !settings.approvedProviders.includes(page.providerId) && isAtLeast(page.level, stop.level) && stop.pageKinds.includes(page.pageKind);
}
