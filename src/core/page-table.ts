import type { DatasetIndex } from './dataset-index';
import type { PageKind } from './dataset-schema';
import { labelSuffixes } from './dataset-index';
import { pageKindFor, type PageKindRule } from './page-kind';
import type { Dismissals, EffectiveSettings } from './settings';
import { shouldShowBanner, shouldStop, type BannerSettings, type StopSettings } from './show-banner';
import { bannerView, cardTop, type ActionSummary, type BannerView, type CardTop, type VerdictView } from './verdict-view';

/** How many of the provider's own measures a banner lists before pointing to the full details. */
export const BANNER_ACTIONS = 3;

/**
 * The page table: what a provider page needs to draw its banner without waking the service worker.
 * The worker writes it to extension storage for the current settings; a page reads the few keys its host needs.
 */
export const TABLE_META_KEY = 'wc:meta';
const HOST_KEY = 'wc:h:';
const TOP_KEY = 'wc:c:';
const ACTIONS_KEY = 'wc:a:';
/** formatReviewAge's phrases in the table's language. */
export const WORDS_KEY = 'wc:words';
/** Older tables kept the banner part, then each provider's whole view, under keys of their own; still recognised, so a rebuild clears them. */
const OLD_KEYS = ['wc:b:', 'wc:v:'];
export const hostKey = (host: string) => `${HOST_KEY}${host}`;
/** The top of a provider's card (`CardTop`). */
export const topKey = (providerId: string) => `${TOP_KEY}${providerId}`;
/** All of a provider's measures, for the rest of its card (`StoredActions`). */
export const actionsKey = (providerId: string) => `${ACTIONS_KEY}${providerId}`;
export const isTableKey = (key: string) => key === TABLE_META_KEY || key === WORDS_KEY || [HOST_KEY, TOP_KEY, ACTIONS_KEY, ...OLD_KEYS].some((prefix) => key.startsWith(prefix));

/** Where the settings a table was built from are read: the same raw values the page compares. */
export const SETTINGS_KEY = 'settings';
export const LAST_POLICY_KEY = 'lastManagedPolicy';
export const DISMISSALS_KEY = 'dismissals';
/**
 * Providers a person chose "Continue anyway" on in the last minute (provider id → until, ms): a page of theirs waits for
 * the worker's word instead of halting at once. Only a hint; the worker keeps the real one-visit allowance per tab.
 */
export const PROCEED_HINTS_KEY = 'proceedHints';

export interface StoredHostRule extends PageKindRule {
  provider: string;
  subdomains: boolean;
}

/**
 * A host's entry: its rule and its provider's banner part. The banner is repeated under each of the provider's hosts
 * so that a page learns everything it draws in one storage read; a second read, made while the browser is busy with
 * the navigation, cost the banner 10–60 ms.
 */
export interface StoredHost extends StoredHostRule {
  banner: BannerView;
}

/** A provider's measures, with the stamp of the table they belong to: they are read apart from the card's top. */
export interface StoredActions {
  stamp: string;
  actions: ActionSummary[];
}

/** formatReviewAge's every phrase in one language, keyed by count and unit ("3 day"): src/ui/intl.ts reviewAgeWords. */
export interface ReviewAgeWords {
  locale: string;
  ages: Readonly<Record<string, string>>;
}

export interface TableMeta {
  /** What the table was built from; a page that finds anything else asks the worker instead. */
  stamp: string;
  banner: BannerSettings & Pick<EffectiveSettings, 'position'>;
  /** The organisation's approvals and stop (level and page kinds; the notice's words are the worker's). */
  organisation: StopSettings;
}

/** The table's layout: raised whenever its keys or entries change shape, so that a table of another layout is stale even under the same extension version. */
const TABLE_LAYOUT = 2;

/** Everything a table depends on, as one string both sides compute alike from raw stored values. */
export function tableStamp(inputs: { extension: string; dataset: string; locale: string; settings: unknown; policy: unknown }): string {
  return JSON.stringify([`layout ${TABLE_LAYOUT}`, inputs.extension, inputs.dataset, inputs.locale, inputs.settings ?? null, inputs.policy ?? null]);
}

/**
 * The dataset's host rules keyed as the table keys its host entries, without their banner part: the popup bundles these
 * (src/node/dataset-plugin.ts), so that it knows a tab's provider before it reads the card.
 */
export function hostRulesOf(index: DatasetIndex): Record<string, StoredHostRule> {
  const rules: Record<string, StoredHostRule> = {};
  for (const [host, rule] of index.hosts) rules[hostKey(host)] = { host, provider: rule.provider.id, subdomains: rule.subdomains, kind: rule.kind, paths: rule.paths };
  return rules;
}

/** The table for one set of effective settings: every host rule, every provider's verdict view, and the words the popup's first frame needs. */
export function buildPageTable(
  index: DatasetIndex,
  effective: EffectiveSettings,
  stamp: string,
  viewOf: (providerId: string) => VerdictView,
  words: ReviewAgeWords,
): Record<string, unknown> {
  const entries: Record<string, unknown> = { [WORDS_KEY]: words };
  const banners = new Map<string, BannerView>();
  for (const provider of index.dataset.providers) {
    const view = viewOf(provider.id);
    entries[topKey(provider.id)] = cardTop(view);
    entries[actionsKey(provider.id)] = { stamp, actions: view.actions } satisfies StoredActions;
    banners.set(provider.id, bannerView(view, BANNER_ACTIONS));
  }
  for (const [key, rule] of Object.entries(hostRulesOf(index))) {
    const stored: StoredHost = { ...rule, banner: banners.get(rule.provider)! };
    entries[key] = stored;
  }
  const meta: TableMeta = {
    stamp,
    banner: { minimumLevel: effective.minimumLevel, pageKinds: effective.pageKinds, allowDismiss: effective.allowDismiss, position: effective.position },
    organisation: { approvedProviders: effective.approvedProviders, stop: effective.stop && { level: effective.stop.level, pageKinds: effective.stop.pageKinds } },
  };
  entries[TABLE_META_KEY] = meta;
  return entries;
}

/** The storage keys a page on `host` reads: its host rule candidates, the table's stamp, settings inputs, dismissals and proceed hints. */
export function keysForHost(host: string): string[] {
  return [TABLE_META_KEY, LAST_POLICY_KEY, DISMISSALS_KEY, PROCEED_HINTS_KEY, ...labelSuffixes(host).map(hostKey)];
}

/** The most specific stored rule for a host: the host itself, else the nearest parent domain that covers subdomains. */
export function ruleForHost<Rule extends StoredHostRule = StoredHost>(host: string, stored: Record<string, unknown>): Rule | undefined {
  for (const suffix of labelSuffixes(host)) {
    const rule = stored[hostKey(suffix)] as Rule | undefined;
    if (rule && (suffix === host || rule.subdomains)) return rule;
  }
  return undefined;
}

function isDismissals(value: unknown): value is Dismissals {
  const record = value as Partial<Dismissals> | null;
  return typeof record === 'object' && record !== null && Array.isArray(record.muted) && typeof record.snoozedUntil === 'object' && record.snoozedUntil !== null;
}

/** What the organisation's policy does to a page: approved, stopped, and whether a "Continue anyway" may be waiting for it. */
export interface OrganisationVerdict {
  approved: boolean;
  stop: boolean;
  /** A stop the person may have just chosen to continue past: ask the worker before halting the page. */
  proceeding: boolean;
}

/** The organisation's verdict on a page; `until` is the proceed hint (or allowance) for its provider, if any. */
export function organisationVerdict(page: { providerId: string; pageKind: PageKind; level: VerdictView['level'] }, settings: StopSettings, until: number | undefined, now: number): OrganisationVerdict {
  const stop = shouldStop(page, settings);
  return { approved: settings.approvedProviders.includes(page.providerId), stop, proceeding: stop && (until ?? 0) > now };
}

export type FastPage =
  | ({ kind: 'page'; providerId: string; pageKind: PageKind; view: BannerView; show: boolean; position: TableMeta['banner']['position']; allowDismiss: boolean } & OrganisationVerdict)
  | { kind: 'none' }
  /** The table is missing, stale or odd: ask the worker. */
  | { kind: 'ask' };

/** The table's meta when it was built from what the page read (`stampOf`) and has every part this version writes. */
async function currentMeta(stored: Record<string, unknown>, stampOf: (stored: Record<string, unknown>) => string | Promise<string>): Promise<TableMeta | undefined> {
  const meta = stored[TABLE_META_KEY] as TableMeta | undefined;
  return meta?.organisation && meta.stamp === (await stampOf(stored)) ? meta : undefined;
}

/**
 * A page's verdict from the table alone, in one read. `stampOf` gives the stamp the page expects, from what it read; any mismatch,
 * and any value that does not look as the worker writes it, sends the page to the worker, which knows best.
 */
export async function pageFromTable(
  page: { host: string; pathname: string },
  read: (keys: string[]) => Promise<Record<string, unknown>>,
  stampOf: (stored: Record<string, unknown>) => string | Promise<string>,
  now: number,
): Promise<FastPage> {
  const stored = await read(keysForHost(page.host));
  const meta = await currentMeta(stored, stampOf);
  if (!meta) return { kind: 'ask' };
  const rule = ruleForHost(page.host, stored);
  if (!rule) return { kind: 'none' };
  const dismissals = stored[DISMISSALS_KEY] ?? { muted: [], snoozedUntil: {} };
  if (!isDismissals(dismissals)) return { kind: 'ask' };
  const view = rule.banner;
  if (typeof view !== 'object' || view === null) return { kind: 'ask' };
  const pageKind = pageKindFor(rule, page.host, page.pathname);
  const facts = { providerId: rule.provider, pageKind, level: view.level };
  const show = shouldShowBanner(facts, meta.banner, dismissals, now);
  const hints = stored[PROCEED_HINTS_KEY] as Record<string, unknown> | undefined;
  const until = typeof hints === 'object' && hints !== null && typeof hints[rule.provider] === 'number' ? (hints[rule.provider] as number) : undefined;
  return {
    kind: 'page', providerId: rule.provider, pageKind, view: { ...view, pageKind }, show, position: meta.banner.position, allowDismiss: meta.banner.allowDismiss,
    ...organisationVerdict(facts, meta.organisation, until, now),
  };
}

/** A page's provider and what the page is, by the rules the popup bundles (`hostRulesOf`); null for no provider's page. */
export function providerOfPage(page: { host: string; pathname: string }, rules: Record<string, StoredHostRule>): { providerId: string; pageKind: PageKind } | null {
  const rule = ruleForHost<StoredHostRule>(page.host, rules);
  return rule ? { providerId: rule.provider, pageKind: pageKindFor(rule, page.host, page.pathname) } : null;
}

/** A provider's card from the table: its top at once, and its whole view once the rest is read. */
export interface TableCard {
  top: CardTop;
  approved: boolean;
  words: ReviewAgeWords | undefined;
  /** Undefined where the measures could not be read, or are not of the top's table (it was rebuilt between the reads). */
  view: Promise<VerdictView | undefined>;
}

function isWords(value: unknown): value is ReviewAgeWords {
  const words = value as Partial<ReviewAgeWords> | null;
  return typeof words === 'object' && words !== null && typeof words.locale === 'string' && typeof words.ages === 'object' && words.ages !== null;
}

/**
 * A provider's card from the table alone, with whether the organisation approved it; `pageKind` is the popup's current
 * tab's, if the card is for one (`providerOfPage`). Two reads asked for together: the top's, small, answers first;
 * the measures follow. Undefined where the worker must answer.
 */
export async function cardFromTable(
  subject: { providerId: string; pageKind?: PageKind | null },
  read: (keys: string[]) => Promise<Record<string, unknown>>,
  stampOf: (stored: Record<string, unknown>) => string | Promise<string>,
): Promise<TableCard | undefined> {
  const key = topKey(subject.providerId);
  const reading = read([TABLE_META_KEY, LAST_POLICY_KEY, WORDS_KEY, key]);
  const measures = read([actionsKey(subject.providerId)]).catch(() => ({}) as Record<string, unknown>);
  const stored = await reading;
  const meta = await currentMeta(stored, stampOf);
  const top = stored[key] as CardTop | undefined;
  if (!meta || !top) return undefined;
  const pageKind = subject.pageKind ?? null;
  const { actions: _actions, ownCount: _ownCount, ...rest } = top;
  const view = measures.then((more): VerdictView | undefined => {
    const entry = more[actionsKey(subject.providerId)] as Partial<StoredActions> | undefined;
    return entry?.stamp === meta.stamp && Array.isArray(entry.actions) ? { ...rest, pageKind, actions: entry.actions } : undefined;
  });
  const words = stored[WORDS_KEY];
  return { top: { ...top, pageKind }, approved: meta.organisation.approvedProviders.includes(subject.providerId), words: isWords(words) ? words : undefined, view };
}
