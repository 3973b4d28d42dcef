import { expectTypeOf } from 'vitest';
import type { BackgroundProtocol, CardView, DismissHow, OrganisationPolicy, PageVerdict, SearchResult, SettingsState, StopNotice, StopOutcome } from '../../src/adapters/messaging';
import type { Settings } from '../../src/core/settings';
import type { VerdictView } from '../../src/core/verdict-view';
import type { StopLogEntry } from '../../src/core/stop-log';

// Pins the protocol (checked by `tsc --noEmit` in `npm test`): a change here is a change for every sender and receiver.
type Data<K extends keyof BackgroundProtocol> = Parameters<BackgroundProtocol[K]>[0];
type Answer<K extends keyof BackgroundProtocol> = ReturnType<BackgroundProtocol[K]>;

expectTypeOf<keyof BackgroundProtocol>().toEqualTypeOf<
  | 'getPageVerdict'
  | 'pageShown'
  | 'dismissProvider'
  | 'openDetails'
  | 'getVerdictForUrl'
  | 'getProviderVerdict'
  | 'searchProviders'
  | 'getDatasetInfo'
  | 'getSettings'
  | 'saveSettings'
  | 'clearDismissals'
  | 'stopPage'
  | 'getStopNotice'
  | 'proceedStop'
  | 'getOrganisationPolicy'
>();
// Content scripts send only what they know: the page URL; the tab comes from the sender.
expectTypeOf<Data<'getPageVerdict'>>().toEqualTypeOf<{ url: string }>();
expectTypeOf<Answer<'getPageVerdict'>>().toEqualTypeOf<PageVerdict | null>();
expectTypeOf<Data<'pageShown'>>().toEqualTypeOf<{ url: string }>();
expectTypeOf<Data<'dismissProvider'>>().toEqualTypeOf<{ providerId: string; how: DismissHow }>();
expectTypeOf<DismissHow>().toEqualTypeOf<'snooze' | 'mute'>();
expectTypeOf<Answer<'getVerdictForUrl'>>().toEqualTypeOf<CardView | null>();
expectTypeOf<CardView>().toEqualTypeOf<VerdictView & { approved: boolean }>();
// A stopped page says only its URL; the stop page says nothing but the reason: the tab and stopped URL come from the sender.
expectTypeOf<Data<'stopPage'>>().toEqualTypeOf<{ url: string }>();
expectTypeOf<Answer<'stopPage'>>().toEqualTypeOf<StopOutcome>();
expectTypeOf<StopOutcome>().toEqualTypeOf<'proceed' | 'stopped'>();
expectTypeOf<Data<'getStopNotice'>>().toEqualTypeOf<Record<string, never>>();
expectTypeOf<Answer<'getStopNotice'>>().toEqualTypeOf<StopNotice | null>();
expectTypeOf<Data<'proceedStop'>>().toEqualTypeOf<{ reason: string }>();
expectTypeOf<Answer<'getOrganisationPolicy'>>().toEqualTypeOf<OrganisationPolicy>();
expectTypeOf<OrganisationPolicy['log']>().toEqualTypeOf<StopLogEntry[]>();
expectTypeOf<Answer<'searchProviders'>>().toEqualTypeOf<SearchResult[]>();
expectTypeOf<Data<'saveSettings'>>().toEqualTypeOf<{ settings: Settings }>();
expectTypeOf<Answer<'saveSettings'>>().toEqualTypeOf<SettingsState>();
