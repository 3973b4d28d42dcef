import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Dismissals, EffectiveSettings, Settings } from '@/src/core/settings';
import type { PageKind } from '@/src/core/dataset-schema';
import type { VerdictView } from '@/src/core/verdict-view';
import type { Audience } from '@/src/core/verdict';

/** What a provider page needs to decide on, and draw, its banner. */
export interface PageVerdict {
  view: VerdictView;
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
  /** Popup: the verdict for a URL (the active tab's) or null when it is no known provider. */
  getVerdictForUrl(data: { url: string } & SeeAs): VerdictView | null;
  getProviderVerdict(data: { providerId: string } & SeeAs): VerdictView | null;
  searchProviders(data: { query: string } & SeeAs): SearchResult[];
  getDatasetInfo(data: Record<string, never>): DatasetInfo;
  getSettings(data: Record<string, never>): SettingsState;
  saveSettings(data: { settings: Settings }): SettingsState;
  /** Options: forget every mute and snooze. */
  clearDismissals(data: Record<string, never>): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<BackgroundProtocol>();
