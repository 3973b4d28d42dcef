import { browser, defineContentScript } from '#imports';
import { sendMessage, type PageVerdict } from '@/src/adapters/messaging';
import { t } from '@/src/adapters/i18n';
import { readFastPage } from '@/src/adapters/page-table';
import { DISMISSALS_KEY, LAST_POLICY_KEY, SETTINGS_KEY, TABLE_META_KEY } from '@/src/core/page-table';
import { renderBanner, warmBannerElements } from './banner';
import { mountShadowHost, type ShadowHost } from './shadow-host';
import css from './style.css?inline';

const URL_POLL_MS = 250;
/** Storage keys whose change can change this page's banner: the table's stamp, settings, policy and dismissals. */
const relevantKeys = new Set([TABLE_META_KEY, SETTINGS_KEY, LAST_POLICY_KEY, DISMISSALS_KEY]);

export default defineContentScript({
  // Replaced at build time by the dataset's provider hosts (wxt.config.ts).
  matches: ['https://whose-cloud.invalid/*'],
  // Ask for the verdict while the page is still loading, so the banner is ready by DOMContentLoaded.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx) {
    let ui: ShadowHost | undefined;
    let cover: ShadowHost | undefined;
    let hiddenForThisView = false;
    // The worker let this document through the organisation's stop ("Continue anyway"): for this visit only.
    let allowed = false;
    // The address a stop was asked for: a refresh while the worker acts on it (a table rebuilt meanwhile) must not log the visit twice.
    let stopAsked: string | undefined;

    const remove = () => {
      ui?.remove();
      ui = undefined;
    };
    const dismiss = (how: 'snooze' | 'mute', providerId: string) => {
      remove();
      sendMessage('dismissProvider', { providerId, how }).catch(() => undefined);
    };
    const show = async (page: PageVerdict) => {
      if (!document.documentElement) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      ui ??= mountShadowHost('whose-cloud-banner', css);
      renderBanner(ui.container, page, t, {
        onHide: () => {
          hiddenForThisView = true;
          remove();
        },
        onSnooze: () => dismiss('snooze', page.view.provider.id),
        onMute: () => dismiss('mute', page.view.provider.id),
        onDetails: () => void sendMessage('openDetails', { providerId: page.view.provider.id }).catch(() => undefined),
      }, browser.i18n.getUILanguage());
    };
    /** Covers the provider's page, until the worker puts its notice in the tab's place. */
    const coverPage = () => {
      remove();
      if (!document.documentElement) document.append(document.createElement('html'));
      cover ??= mountShadowHost('whose-cloud-stop', css);
      cover.container.replaceChildren(Object.assign(document.createElement('p'), { className: 'cover', role: 'alert', textContent: t('stopTitle') }));
    };
    /** Stops the provider's page where it stands, and covers it. */
    const halt = () => {
      window.stop();
      coverPage();
    };
    /** The verdict from the table in storage when it is current (no worker woken), else from the worker. */
    const verdict = async (url: string): Promise<{ page: PageVerdict | null; fromTable: boolean }> => {
      const reading = readFastPage(url, Date.now());
      warmBannerElements();
      const fast = await reading;
      if (fast.kind === 'none') return { page: null, fromTable: true };
      if (fast.kind === 'page') return { page: fast, fromTable: true };
      // If the background cannot answer (updated, reloading), leave the page as it is and say nothing.
      return { page: await sendMessage('getPageVerdict', { url }).catch(() => null), fromTable: false };
    };
    const refresh = async () => {
      const url = location.href;
      const { page, fromTable } = await verdict(url);
      if (ctx.isInvalid) return;
      if (page?.stop && !allowed) {
        // Asked already: the page is halted, and halting again (window.stop) would cancel the worker's navigation to the notice.
        if (stopAsked === url) return;
        // Halt at once, unless a "Continue anyway" may be waiting for this page: only the worker can let it through, once.
        if (!page.proceeding) halt();
        stopAsked = url;
        const outcome = await sendMessage('stopPage', { url }).catch(() => null);
        // No answer (the worker reloading): the next refresh may ask again.
        if (outcome === null) {
          stopAsked = undefined;
          return halt();
        }
        // The worker is navigating the tab to its notice: stopping the page now would cancel that navigation (Firefox does), so only cover it.
        if (outcome !== 'proceed') return coverPage();
        allowed = true;
        cover?.remove();
      }
      if (page?.show && !hiddenForThisView) await show(page);
      else remove();
      // The badge is the worker's to draw; it learns of the page after the banner is up, so the banner never waits for it.
      if (fromTable && page) void sendMessage('pageShown', { url }).catch(() => undefined);
    };

    // Single-page consoles change the URL with history.pushState, which an isolated world does not hear: poll it, cheaply.
    let lastUrl = location.href;
    const onUrlChange = () => {
      if (location.href === lastUrl) return;
      lastUrl = location.href;
      hiddenForThisView = false;
      void refresh();
    };
    ctx.setInterval(onUrlChange, URL_POLL_MS);
    ctx.addEventListener(window, 'popstate', onUrlChange);
    // A page brought back from the back-forward cache runs no script again: decide anew, so "back" cannot undo a stop.
    ctx.addEventListener(window, 'pageshow', (event) => event.persisted && void refresh());
    const onStorageChanged = (changes: Record<string, unknown>) => {
      if (Object.keys(changes).some((key) => relevantKeys.has(key))) void refresh();
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorageChanged);
      remove();
    });
    await refresh();
  },
});
