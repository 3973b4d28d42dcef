import { browser } from '#imports';
import { z } from 'zod';
import { onMessage, type PageVerdict, type SearchResult, type SettingsState, type StopOutcome } from '@/src/adapters/messaging';
import { datasetIndex } from '@/src/adapters/dataset';
import { currentStamp, readFastPage, readStampInputs, storedStamp, writePageTable } from '@/src/adapters/page-table';
import type { DatasetIndex } from '@/src/core/dataset-index';
import { BANNER_ACTIONS, buildPageTable, organisationVerdict } from '@/src/core/page-table';
import { clearBadge, showBadge } from '@/src/adapters/badge';
import {
  dismissalsStorage, lastPolicyStorage, proceedAllowancesStorage, proceedHintsStorage, readDismissals, readLastPolicy, readManagedPolicy, readSettings, readStopLog, settingsStorage, stopLogStorage,
} from '@/src/adapters/storage';
import { todayUtc } from '@/src/core/dates';
import { homeFromLocale } from '@/src/core/home-jurisdiction';
import { searchProviders } from '@/src/core/search';
import { effectiveSettings, settingsSchema, shouldShowBanner, shouldStop, SNOOZE_DAYS, type EffectiveSettings, type ManagedPolicy, type StopRule } from '@/src/core/settings';
import type { PageKind } from '@/src/core/dataset-schema';
import { appendStopLog, type StopLogEntry } from '@/src/core/stop-log';
import { proceedReasonSchema } from '@/src/core/stop-log-schema';
import { matchUrl } from '@/src/core/url-matcher';
import { verdictFor, type Audience, type Reader } from '@/src/core/verdict';
import { bannerView, viewVerdict, type BannerView } from '@/src/core/verdict-view';
import { localiseView } from '@/src/ui/describe';
import { reviewAgeWords } from '@/src/ui/intl';
import { t } from '@/src/adapters/i18n';

const MAX_URL = 8192;
const MAX_QUERY = 500;
const empty = z.strictObject({});
const homeField = settingsSchema.shape.home.unwrap().optional();
const audienceField = settingsSchema.shape.audience.optional();
const requests = {
  getPageVerdict: z.strictObject({ url: z.string().max(MAX_URL) }),
  pageShown: z.strictObject({ url: z.string().max(MAX_URL) }),
  dismissProvider: z.strictObject({ providerId: z.string().max(100), how: z.enum(['snooze', 'mute']) }),
  openDetails: z.strictObject({ providerId: z.string().max(100) }),
  getVerdictForUrl: z.strictObject({ url: z.string().max(MAX_URL), home: homeField, audience: audienceField }),
  getProviderVerdict: z.strictObject({ providerId: z.string().max(100), home: homeField, audience: audienceField }),
  searchProviders: z.strictObject({ query: z.string().max(MAX_QUERY), home: homeField, audience: audienceField }),
  getDatasetInfo: empty,
  getSettings: empty,
  saveSettings: z.strictObject({ settings: settingsSchema.strict() }),
  clearDismissals: empty,
  stopPage: z.strictObject({ url: z.string().max(MAX_URL) }),
  getStopNotice: empty,
  proceedStop: z.strictObject({ reason: proceedReasonSchema }),
  getOrganisationPolicy: empty,
};

/** The extension's own notice page that takes a stopped page's place in its tab. */
const STOP_PAGE = '/stop.html';
/** How long a "Continue anyway" waits for its page to load in that tab. */
const PROCEED_WINDOW_MS = 60_000;

type Sender = { tab?: { id?: number }; frameId?: number; url?: string; id?: string };

/** Content scripts speak for their own top-level tab only; the tab and origin come from the sender, never the payload. */
function contentScriptTab(sender: Sender, url: string): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url) throw new Error('not from a top-level content script');
  if (new URL(url).origin !== new URL(sender.url).origin) throw new Error('the page URL does not belong to the sender');
  return tabId;
}

/** Extension pages (popup, options) have no tab of their own, or an extension URL. */
function requireExtensionPage(sender: Sender): void {
  const own = browser.runtime.getURL('/');
  if (sender.id !== browser.runtime.id || (sender.url !== undefined && !sender.url.startsWith(own))) {
    throw new Error('only extension pages may ask this');
  }
}

/** The stop page in a tab speaks for that tab only; the stopped URL is read from its own address, never from the payload. */
function stopPageTab(sender: Sender): { tabId: number; url: string } {
  requireExtensionPage(sender);
  const tabId = sender.tab?.id;
  const [page = '', query = ''] = (sender.url ?? '').split(/[?#]/);
  if (tabId === undefined || page !== browser.runtime.getURL(STOP_PAGE)) throw new Error('only the stop page in a tab may ask this');
  const url = new URLSearchParams(query).get('url') ?? '';
  if (!/^https?:\/\//.test(url) || url.length > MAX_URL) throw new Error('the stop page names no web page');
  return { tabId, url };
}

let policyRead: Promise<void> | undefined;
let freshPolicy: ManagedPolicy | undefined;

/**
 * The managed policy. Chromium's first managed-storage read after start-up takes seconds, so nothing waits for it:
 * the answer comes from the last policy seen (kept in local storage) until the fresh read lands, and a change then
 * reaches open tabs and pages through storage events.
 */
export async function managedPolicy({ waitForFresh = false } = {}): Promise<ManagedPolicy> {
  policyRead ??= readManagedPolicy().then(async (fresh) => {
    freshPolicy = fresh;
    if (JSON.stringify(fresh) !== JSON.stringify(await readLastPolicy())) await lastPolicyStorage.setValue(fresh);
  });
  if (waitForFresh) await policyRead;
  return freshPolicy ?? readLastPolicy();
}

/** Reads the policy again whenever an administrator changes it, and starts the first read with the worker. */
export function watchManagedPolicy(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') {
      policyRead = undefined;
      freshPolicy = undefined;
    }
  });
  void managedPolicy();
}

/** Settings as they apply now; `waitForFresh` for the settings page, which shows exactly what is locked, rather than for speed. */
async function currentSettings(options?: { waitForFresh: boolean }): Promise<SettingsState> {
  const [settings, policy, dismissals, index] = await Promise.all([readSettings(), managedPolicy(options), readDismissals(), datasetIndex()]);
  const localeHome = homeFromLocale(browser.i18n.getUILanguage(), index);
  return { settings, effective: effectiveSettings(settings, policy, localeHome), localeHome, dismissals };
}

/** The reader a popup asks about ("See as"), or the settings' own; an administrator's lock wins over both. */
function readerFor(asked: { home?: string | undefined; audience?: Audience | undefined }, effective: EffectiveSettings, index: DatasetIndex): Reader {
  const home = asked.home && !effective.locked.includes('home') && index.jurisdictions.has(asked.home) ? asked.home : effective.home;
  const audience = asked.audience && !effective.locked.includes('audience') ? asked.audience : effective.audience;
  return { home, audience };
}

function providerVerdict(index: DatasetIndex, providerId: string, reader: Reader, pageKind: PageVerdict['pageKind'] | null = null) {
  const provider = index.providers.get(providerId);
  // Written for the UI language here, once: a page would pay 30–100 ms for Intl's first use.
  return provider ? localiseView(viewVerdict(verdictFor(provider, reader, index, todayUtc()), pageKind, index), browser.i18n.getUILanguage(), t) : null;
}

/** A page the organisation stops: its provider, kind and verdict, and the rule that stops it. */
interface Stop {
  providerId: string;
  pageKind: PageKind;
  view: BannerView;
  rule: StopRule;
}

/**
 * The organisation's stop for a URL as things stand now; null when it is not stopped. The page table answers without
 * loading the dataset, a woken worker's slowest step, while the stopped page waits; the dataset answers when it cannot.
 */
async function stopFor(url: string): Promise<Stop | null> {
  const rule = (await managedPolicy()).stop;
  if (!rule || !/^https?:\/\//.test(url)) return null;
  const fast = await readFastPage(url, Date.now());
  if (fast.kind === 'none') return null;
  if (fast.kind === 'page') return fast.stop ? { providerId: fast.providerId, pageKind: fast.pageKind, view: fast.view, rule } : null;
  const index = await datasetIndex();
  const match = matchUrl(url, index);
  if (!match) return null;
  const { effective } = await currentSettings();
  const view = providerVerdict(index, match.provider.id, readerFor({}, effective, index), match.pageKind)!;
  if (!effective.stop || !shouldStop({ providerId: match.provider.id, pageKind: match.pageKind, level: view.level }, effective)) return null;
  return { providerId: match.provider.id, pageKind: match.pageKind, view: bannerView(view, BANNER_ACTIONS), rule: effective.stop };
}

let logWork: Promise<unknown> = Promise.resolve();
/** Runs read-modify-writes of the stop log and the proceed allowances one at a time, so two tabs cannot lose each other's entry. */
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = logWork.then(work);
  logWork = next.catch(() => undefined);
  return next;
}

function recordStop(event: StopLogEntry['event'], stop: Stop, reason?: string): Promise<void> {
  const entry: StopLogEntry = {
    at: new Date().toISOString(), event, providerId: stop.providerId, provider: stop.view.provider.name, pageKind: stop.pageKind, level: stop.view.level!,
    ...(reason !== undefined && { reason }),
  };
  return serially(async () => stopLogStorage.setValue(appendStopLog(await readStopLog(), entry)));
}

type Allowances = Record<string, { providerId: string; until: number }>;

/** The "Continue anyway" allowances still in time, by tab; anything malformed is dropped. */
async function readAllowances(now = Date.now()): Promise<Allowances> {
  const stored: unknown = await proceedAllowancesStorage.getValue().catch(() => ({}));
  const entries = Object.entries(typeof stored === 'object' && stored !== null ? (stored as Record<string, { providerId?: unknown; until?: unknown }>) : {});
  return Object.fromEntries(entries.filter(([, a]) => typeof a?.providerId === 'string' && typeof a.until === 'number' && a.until > now)) as Allowances;
}

/** Provider id → until: the hints pages read; anything malformed or past is dropped. */
async function readProceedHints(now = Date.now()): Promise<Record<string, number>> {
  const stored: unknown = await proceedHintsStorage.getValue().catch(() => ({}));
  const entries = Object.entries(typeof stored === 'object' && stored !== null ? stored : {});
  return Object.fromEntries(entries.filter(([, until]) => typeof until === 'number' && until > now));
}

/** The end of the one visit a "Continue anyway" allows this tab on this provider, if one is waiting. */
async function allowanceUntil(tabId: number, providerId: string): Promise<number | undefined> {
  const allowance = (await readAllowances())[tabId];
  return allowance?.providerId === providerId ? allowance.until : undefined;
}

/** Spends this tab's allowance, whatever its provider: true when it was for this provider and still in time. */
function takeAllowance(tabId: number, providerId: string): Promise<boolean> {
  return serially(async () => {
    const allowances = await readAllowances();
    const waiting = allowances[tabId]?.providerId === providerId;
    delete allowances[tabId];
    await proceedAllowancesStorage.setValue(allowances);
    const hints = await readProceedHints();
    delete hints[providerId];
    await proceedHintsStorage.setValue(hints);
    return waiting;
  });
}

/** Lets this tab open its stopped page once, and tells pages of that provider to wait for the worker's word before halting. */
function allowOnce(tabId: number, providerId: string): Promise<void> {
  return serially(async () => {
    const now = Date.now();
    const until = now + PROCEED_WINDOW_MS;
    await proceedAllowancesStorage.setValue({ ...(await readAllowances(now)), [tabId]: { providerId, until } });
    await proceedHintsStorage.setValue({ ...(await readProceedHints(now)), [providerId]: until });
  });
}

let tableWork: Promise<void> = Promise.resolve();

/**
 * Rebuilds the page table (src/core/page-table.ts) when what it was built from has changed: pages then find their
 * verdict in storage and need not wake the worker. Runs one at a time; never throws.
 */
export function refreshPageTable(): Promise<void> {
  tableWork = tableWork.then(async () => {
    const inputs = await readStampInputs();
    const stamp = currentStamp(inputs.settings, inputs.policy);
    if ((await storedStamp()) === stamp) return;
    const [index, { settings, localeHome }] = await Promise.all([datasetIndex(), currentSettings()]);
    // The table answers for the policy the stamp names: the last one seen, which pages compare against.
    const effective = effectiveSettings(settings, await readLastPolicy(), localeHome);
    const reader = readerFor({}, effective, index);
    await writePageTable(buildPageTable(index, effective, stamp, (id) => providerVerdict(index, id, reader)!, reviewAgeWords(browser.i18n.getUILanguage())));
  }).catch(() => undefined);
  return tableWork;
}

/** Registers every background handler; each re-validates its payload before acting. */
export function registerBackgroundHandlers(): void {
  onMessage('getPageVerdict', async ({ data, sender }) => {
    const { url } = requests.getPageVerdict.parse(data);
    const tabId = contentScriptTab(sender, url);
    const index = await datasetIndex();
    const match = matchUrl(url, index);
    // The page asked because the table could not answer: bring it up to date for the pages that follow.
    void refreshPageTable();
    // The badge is drawn alongside the answer, not before it: the banner waits on the answer only.
    if (!match) {
      clearBadge(tabId).catch(() => undefined);
      return null;
    }
    const { effective, dismissals } = await currentSettings();
    const view = providerVerdict(index, match.provider.id, readerFor({}, effective, index), match.pageKind)!;
    showBadge(tabId, match.provider.name, view.level).catch(() => undefined);
    const facts = { providerId: match.provider.id, pageKind: match.pageKind, level: view.level };
    const now = Date.now();
    const show = shouldShowBanner(facts, effective, dismissals, now);
    const organisation = organisationVerdict(facts, effective, await allowanceUntil(tabId, match.provider.id), now);
    return { view: bannerView(view, BANNER_ACTIONS), pageKind: match.pageKind, show, position: effective.position, allowDismiss: effective.allowDismiss, ...organisation };
  });

  onMessage('pageShown', async ({ data, sender }) => {
    const { url } = requests.pageShown.parse(data);
    const tabId = contentScriptTab(sender, url);
    const index = await datasetIndex();
    const match = matchUrl(url, index);
    if (!match) return;
    const { effective } = await currentSettings();
    await showBadge(tabId, match.provider.name, providerVerdict(index, match.provider.id, readerFor({}, effective, index))!.level);
  });

  onMessage('dismissProvider', async ({ data, sender }) => {
    const { providerId, how } = requests.dismissProvider.parse(data);
    const pageUrl = sender.url ?? '';
    contentScriptTab(sender, pageUrl);
    if (matchUrl(pageUrl, await datasetIndex())?.provider.id !== providerId) throw new Error('a page may only dismiss its own provider');
    // The fast answer suffices: a dismissal that slips in before a new policy lands is ignored once it has (shouldShowBanner).
    if (!(await currentSettings()).effective.allowDismiss) throw new Error('dismissing is turned off by policy');
    const dismissals = await readDismissals();
    if (how === 'mute') {
      if (!dismissals.muted.includes(providerId)) dismissals.muted.push(providerId);
    } else {
      dismissals.snoozedUntil[providerId] = Date.now() + SNOOZE_DAYS * 24 * 60 * 60 * 1000;
    }
    await dismissalsStorage.setValue(dismissals);
  });

  onMessage('openDetails', async ({ data }) => {
    const { providerId } = requests.openDetails.parse(data);
    if (!(await datasetIndex()).providers.has(providerId)) throw new Error('unknown provider');
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?provider=${encodeURIComponent(providerId)}`) });
  });

  onMessage('getVerdictForUrl', async ({ data, sender }) => {
    requireExtensionPage(sender);
    const { url, ...asked } = requests.getVerdictForUrl.parse(data);
    const index = await datasetIndex();
    const match = matchUrl(url, index);
    if (!match) return null;
    const { effective } = await currentSettings();
    return { ...providerVerdict(index, match.provider.id, readerFor(asked, effective, index), match.pageKind)!, approved: effective.approvedProviders.includes(match.provider.id) };
  });

  onMessage('getProviderVerdict', async ({ data, sender }) => {
    requireExtensionPage(sender);
    const { providerId, ...asked } = requests.getProviderVerdict.parse(data);
    const [index, { effective }] = await Promise.all([datasetIndex(), currentSettings()]);
    const view = providerVerdict(index, providerId, readerFor(asked, effective, index));
    return view && { ...view, approved: effective.approvedProviders.includes(providerId) };
  });

  onMessage('searchProviders', async ({ data, sender }): Promise<SearchResult[]> => {
    requireExtensionPage(sender);
    const { query, ...asked } = requests.searchProviders.parse(data);
    const [index, { effective }] = await Promise.all([datasetIndex(), currentSettings()]);
    const reader = readerFor(asked, effective, index);
    return searchProviders(query, index).map(({ provider, matched }) => {
      const verdict = verdictFor(provider, reader, index, todayUtc());
      const controlledFrom = verdict.controlledFrom;
      return { providerId: provider.id, name: provider.name, matched, level: verdict.level, controlledFrom: { id: controlledFrom, name: index.jurisdictions.get(controlledFrom)?.name ?? controlledFrom } };
    });
  });

  onMessage('getDatasetInfo', async ({ data, sender }) => {
    requireExtensionPage(sender);
    requests.getDatasetInfo.parse(data);
    const { dataset } = await datasetIndex();
    return {
      version: dataset.meta.version,
      reviewed: dataset.meta.reviewed,
      providers: dataset.providers.length,
      actions: dataset.actions.length,
      jurisdictions: dataset.jurisdictions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });

  onMessage('getSettings', async ({ data, sender }) => {
    requireExtensionPage(sender);
    requests.getSettings.parse(data);
    return currentSettings({ waitForFresh: true });
  });

  onMessage('saveSettings', async ({ data, sender }) => {
    requireExtensionPage(sender);
    const { settings } = requests.saveSettings.parse(data);
    await settingsStorage.setValue(settings);
    return currentSettings({ waitForFresh: true });
  });

  onMessage('clearDismissals', async ({ data, sender }) => {
    requireExtensionPage(sender);
    requests.clearDismissals.parse(data);
    await dismissalsStorage.setValue({ muted: [], snoozedUntil: {} });
  });

  onMessage('stopPage', async ({ data, sender }): Promise<StopOutcome> => {
    const { url } = requests.stopPage.parse(data);
    const tabId = contentScriptTab(sender, url);
    const stop = await stopFor(url);
    if (!stop) throw new Error('the policy does not stop this page');
    if (stop.rule.allowProceed && (await takeAllowance(tabId, stop.providerId))) return 'proceed';
    // An extension page in the tab's place: nothing the provider's page runs can reach, restyle or click it.
    await browser.tabs.update(tabId, { url: `${browser.runtime.getURL(STOP_PAGE)}?url=${encodeURIComponent(url)}` });
    await recordStop('stopped', stop);
    return 'stopped';
  });

  onMessage('getStopNotice', async ({ data, sender }) => {
    const { url } = stopPageTab(sender);
    requests.getStopNotice.parse(data);
    const stop = await stopFor(url);
    return stop && { url, host: new URL(url).hostname, pageKind: stop.pageKind, view: stop.view, rule: stop.rule };
  });

  onMessage('proceedStop', async ({ data, sender }) => {
    const { tabId, url } = stopPageTab(sender);
    const { reason } = requests.proceedStop.parse(data);
    const stop = await stopFor(url);
    if (!stop) throw new Error('the policy does not stop this page');
    if (!stop.rule.allowProceed) throw new Error('the policy does not allow continuing');
    await recordStop('proceeded', stop, reason);
    await allowOnce(tabId, stop.providerId);
    await browser.tabs.update(tabId, { url });
  });

  onMessage('getOrganisationPolicy', async ({ data, sender }) => {
    requireExtensionPage(sender);
    requests.getOrganisationPolicy.parse(data);
    const [index, { effective }, log] = await Promise.all([datasetIndex(), currentSettings({ waitForFresh: true }), readStopLog()]);
    const approved = effective.approvedProviders.map((id) => ({ id, name: index.providers.get(id)?.name ?? id }));
    return { approved, stop: effective.stop, log };
  });
}
