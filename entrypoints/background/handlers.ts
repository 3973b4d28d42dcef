import { browser } from '#imports';
import { z } from 'zod';
import { onMessage, type PageVerdict, type SearchResult, type SettingsState } from '@/src/adapters/messaging';
import { datasetIndex } from '@/src/adapters/dataset';
import { currentStamp, readStampInputs, storedStamp, writePageTable } from '@/src/adapters/page-table';
import type { DatasetIndex } from '@/src/core/dataset-index';
import { buildPageTable } from '@/src/core/page-table';
import { clearBadge, showBadge } from '@/src/adapters/badge';
import { dismissalsStorage, lastPolicyStorage, readDismissals, readLastPolicy, readManagedPolicy, readSettings, settingsStorage } from '@/src/adapters/storage';
import { todayUtc } from '@/src/core/dates';
import { homeFromLocale } from '@/src/core/home-jurisdiction';
import { searchProviders } from '@/src/core/search';
import { effectiveSettings, settingsSchema, shouldShowBanner, SNOOZE_DAYS, type EffectiveSettings, type ManagedPolicy } from '@/src/core/settings';
import { matchUrl } from '@/src/core/url-matcher';
import { verdictFor, type Audience, type Reader } from '@/src/core/verdict';
import { viewVerdict } from '@/src/core/verdict-view';

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
};

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
  return provider ? viewVerdict(verdictFor(provider, reader, index, todayUtc()), pageKind, index) : null;
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
    await writePageTable(buildPageTable(index, effective, stamp, (id) => providerVerdict(index, id, reader)!));
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
    const show = shouldShowBanner({ providerId: match.provider.id, pageKind: match.pageKind, level: view.level }, effective, dismissals, Date.now());
    return { view, pageKind: match.pageKind, show, position: effective.position, allowDismiss: effective.allowDismiss };
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
    return providerVerdict(index, match.provider.id, readerFor(asked, effective, index), match.pageKind);
  });

  onMessage('getProviderVerdict', async ({ data, sender }) => {
    requireExtensionPage(sender);
    const { providerId, ...asked } = requests.getProviderVerdict.parse(data);
    const [index, { effective }] = await Promise.all([datasetIndex(), currentSettings()]);
    return providerVerdict(index, providerId, readerFor(asked, effective, index));
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
}
