import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Dismissals, EffectiveSettings, Settings, StopRule } from '@/src/core/settings';
import type { PageKind } from '@/src/core/dataset-schema';
import type { OrganisationVerdict } from '@/src/core/page-table';
import type { StopLogEntry } from '@/src/core/stop-log';
import type { BannerView, VerdictView } from '@/src/core/verdict-view';
import type { Audience } from '@/src/core/verdict';

/** What a provider page needs to decide on, and draw, its banner; and whether the organisation approved or stops it. */
export interface PageVerdict extends OrganisationVerdict {
  view: BannerView;
  pageKind: PageKind;
  show: boolean;
  position: Settings['position'];
  allowDismiss: boolean;
}

export interface SearchResult {
  providerId: string;
  name: string;
  matched: string;
  level: VerdictView['level'];
  controlledFrom: VerdictView['controlledFrom'];
}

export interface DatasetInfo {
  version: string;
  reviewed: string;
  providers: number;
  actions: number;
  jurisdictions: Array<{ id: string; name: string }>;
}

export interface SettingsState {
  settings: Settings;
  effective: EffectiveSettings;
  /** The jurisdiction the browser's language suggests, shown beside the "automatic" choice. */
  localeHome: string;
  dismissals: Dismissals;
}

export type DismissHow = 'snooze' | 'mute';

/** A provider's verdict for the popup card, and whether the reader's organisation approved the provider. */
export type CardView = VerdictView & { approved: boolean };

/** What the stop page shows: the stopped page, its verdict, and the organisation's words. */
export interface StopNotice {
  url: string;
  host: string;
  pageKind: PageKind;
  view: BannerView;
  rule: StopRule;
}

/** What the options page shows of the organisation's policy; the log is oldest first. */
export interface OrganisationPolicy {
  approved: Array<{ id: string; name: string }>;
  stop: StopRule | null;
  log: StopLogEntry[];
}

/** What the worker did with a stopped page: let it through once ("Continue anyway"), or put its notice in the tab's place. */
export type StopOutcome = 'proceed' | 'stopped';

/** The popup's "See as": another home or audience than the settings', for this look only. */
export interface SeeAs {
  home?: string;
  audience?: Audience;
}

/** Every question popup, options and content scripts ask the background. Only the background handles it. */
export interface BackgroundProtocol {
  /** From a content script: the verdict for the page it runs in; the tab and origin come from the sender. */
  getPageVerdict(data: { url: string }): PageVerdict | null;
  /** From a content script that drew its banner from the page table: set the toolbar badge for its tab. */
  pageShown(data: { url: string }): void;
  /** From a content script: silence this provider's banner. */
  dismissProvider(data: { providerId: string; how: DismissHow }): void;
  /** From a content script: open the provider's full details in an extension tab. */
  openDetails(data: { providerId: string }): void;
  /** From a content script whose page the organisation stops: replace the tab with the stop notice, unless a "Continue anyway" lets it through. */
  stopPage(data: { url: string }): StopOutcome;
  /** From the stop page: what to show; the stopped URL comes from the sender's own address. Null when the policy no longer stops it. */
  getStopNotice(data: Record<string, never>): StopNotice | null;
  /** From the stop page, where the policy allows it: record the reason and open the stopped page in that tab, once. */
  proceedStop(data: { reason: string }): void;
  /** Options: the organisation's approvals and stop as they apply now, and the stops and proceeds this browser kept. */
  getOrganisationPolicy(data: Record<string, never>): OrganisationPolicy;
  /** Popup: the verdict for a URL (the active tab's) or null when it is no known provider. */
  getVerdictForUrl(data: { url: string } & SeeAs): CardView | null;
  getProviderVerdict(data: { providerId: string } & SeeAs): CardView | null;
  searchProviders(data: { query: string } & SeeAs): SearchResult[];
  getDatasetInfo(data: Record<string, never>): DatasetInfo;
  getSettings(data: Record<string, never>): SettingsState;
  saveSettings(data: { settings: Settings }): SettingsState;
  /** Options: forget every mute and snooze. */
  clearDismissals(data: Record<string, never>): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<BackgroundProtocol>();
