import { expectTypeOf } from 'vitest';
import type { BackgroundProtocol, DismissHow, PageVerdict, SearchResult, SettingsState } from '../../src/adapters/messaging';
import type { Settings } from '../../src/core/settings';
import type { VerdictView } from '../../src/core/verdict-view';

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
>();
// Content scripts send only what they know: the page URL; the tab comes from the sender.
expectTypeOf<Data<'getPageVerdict'>>().toEqualTypeOf<{ url: string }>();
expectTypeOf<Answer<'getPageVerdict'>>().toEqualTypeOf<PageVerdict | null>();
expectTypeOf<Data<'pageShown'>>().toEqualTypeOf<{ url: string }>();
expectTypeOf<Data<'dismissProvider'>>().toEqualTypeOf<{ providerId: string; how: DismissHow }>();
expectTypeOf<DismissHow>().toEqualTypeOf<'snooze' | 'mute'>();
expectTypeOf<Answer<'getVerdictForUrl'>>().toEqualTypeOf<VerdictView | null>();
expectTypeOf<Answer<'searchProviders'>>().toEqualTypeOf<SearchResult[]>();
expectTypeOf<Data<'saveSettings'>>().toEqualTypeOf<{ settings: Settings }>();
expectTypeOf<Answer<'saveSettings'>>().toEqualTypeOf<SettingsState>();
