import { browser } from '#imports';
import { clearBadge } from '@/src/adapters/badge';

/** A tab that starts loading leaves its provider page: clear its badge until a content script reports again. */
export function resetBadgeOnNavigation(): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') clearBadge(tabId).catch(() => undefined);
  });
}
