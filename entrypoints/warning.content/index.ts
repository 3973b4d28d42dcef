import { browser, createShadowRootUi, defineContentScript, type ShadowRootContentScriptUi } from '#imports';
import { sendMessage, type PageVerdict } from '@/src/adapters/messaging';
import { t } from '@/src/adapters/i18n';
import { renderBanner } from './banner';
import css from './style.css?inline';

const URL_POLL_MS = 250;

export default defineContentScript({
  // Replaced at build time by the dataset's provider hosts (wxt.config.ts).
  matches: ['https://whose-cloud.invalid/*'],
  // Ask for the verdict while the page is still loading, so the banner is ready by DOMContentLoaded.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let hiddenForThisView = false;

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
      ui ??= await createShadowRootUi(ctx, {
        name: 'whose-cloud-banner',
        position: 'inline',
        anchor: 'html',
        append: 'last',
        mode: 'closed',
        isolateEvents: true,
        css,
        onMount: (container) => container,
      });
      if (!ui.mounted) ui.mount();
      renderBanner(ui.mounted!, page, t, {
        onHide: () => {
          hiddenForThisView = true;
          remove();
        },
        onSnooze: () => dismiss('snooze', page.view.provider.id),
        onMute: () => dismiss('mute', page.view.provider.id),
        onDetails: () => void sendMessage('openDetails', { providerId: page.view.provider.id }).catch(() => undefined),
      }, browser.i18n.getUILanguage());
    };
    const refresh = async () => {
      // If the background cannot answer (updated, reloading), leave the page as it is and say nothing.
      const page = await sendMessage('getPageVerdict', { url: location.href }).catch(() => null);
      if (ctx.isInvalid) return;
      if (page?.show && !hiddenForThisView) await show(page);
      else remove();
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
    const onStorageChanged = () => void refresh();
    browser.storage.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChanged));
    await refresh();
  },
});
