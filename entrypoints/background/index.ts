import { browser, defineBackground } from '#imports';
import { z } from 'zod';
import { LAST_POLICY_KEY, SETTINGS_KEY } from '@/src/core/page-table';
import { refreshPageTable, registerBackgroundHandlers, watchManagedPolicy } from './handlers';

export default defineBackground(() => {
  // Our CSP forbids eval: tell zod not to try its compiled validators.
  z.config({ jitless: true });
  registerBackgroundHandlers();
  watchManagedPolicy();
  // The page table follows every input it is built from: an install or update (new code, new dataset), a browser start,
  // the person's settings, and the administrator's policy as last seen.
  browser.runtime.onInstalled.addListener(() => void refreshPageTable());
  browser.runtime.onStartup.addListener(() => void refreshPageTable());
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' && SETTINGS_KEY in changes) || (area === 'local' && LAST_POLICY_KEY in changes)) void refreshPageTable();
  });
});
