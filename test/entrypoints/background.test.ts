import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { ask, EXTENSION_ID } from '../fake-messaging';

const fromPage = (url: string, tabId = 7) => ({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0 });
const fromPopup = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };

describe('the background', () => {
  // Each test starts a fresh background, as a woken service worker does: new module state, same storage.
  const startBackground = async () => {
    vi.resetModules();
    (await import('../../entrypoints/background/index')).default.main();
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    useEnglishMessages();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(EXTENSION_ID);
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://${EXTENSION_ID}${path}`);
    await startBackground();
  });

  describe('getPageVerdict (from content scripts)', () => {
    it('answers a console page with the verdict, sets the badge and shows the banner', async () => {
      const url = 'https://console.aliyun.com/overview';
      const answer = await ask('getPageVerdict', { url }, fromPage(url));
      expect(answer?.err).toBeUndefined();
      expect(answer?.res).toMatchObject({ pageKind: 'console', show: true, position: 'top', allowDismiss: true, view: { provider: { id: 'aliyun' } } });
      expect(answer?.res.view.level).not.toBeNull();
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe('');
      expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toContain('Aliyun');
    });

    it('answers a marketing page without a banner, but with the badge', async () => {
      const url = 'https://www.aliyun.com/product/ecs';
      const answer = await ask('getPageVerdict', { url }, fromPage(url));
      expect(answer?.res).toMatchObject({ pageKind: 'marketing', show: false });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe('');
    });

    it('answers null and clears the badge for a page that is no provider', async () => {
      await fakeBrowser.action.setBadgeText({ tabId: 7, text: '!!' });
      const url = 'https://notaliyun.com/';
      expect((await ask('getPageVerdict', { url }, fromPage(url)))?.res).toBeNull();
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    });

    it.each([
      { why: 'a URL of another origin than the sender', data: { url: 'https://console.aliyun.com/' }, sender: fromPage('https://evil.example/') },
      { why: 'a sender without a tab', data: { url: 'https://console.aliyun.com/' }, sender: { id: EXTENSION_ID, url: 'https://console.aliyun.com/' } },
      { why: 'a sub-frame', data: { url: 'https://console.aliyun.com/' }, sender: { ...fromPage('https://console.aliyun.com/'), frameId: 3 } },
      { why: 'an extra field', data: { url: 'https://console.aliyun.com/', tabId: 1 }, sender: fromPage('https://console.aliyun.com/') },
      { why: 'a URL that is no string', data: { url: 42 }, sender: fromPage('https://console.aliyun.com/') },
      { why: 'an oversized URL', data: { url: `https://console.aliyun.com/${'a'.repeat(10_000)}` }, sender: fromPage('https://console.aliyun.com/') },
      { why: 'no payload at all', data: undefined, sender: fromPage('https://console.aliyun.com/') },
    ])('rejects $why without touching the badge', async ({ data, sender }) => {
      const answer = await ask('getPageVerdict', data, sender);
      expect(answer?.err).toBeDefined();
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    });
  });

  describe('dismissProvider', () => {
    it('snoozes the page’s own provider for 30 days, so the banner stops showing there', async () => {
      const url = 'https://console.aliyun.com/';
      const before = Date.now();
      expect((await ask('dismissProvider', { providerId: 'aliyun', how: 'snooze' }, fromPage(url)))?.err).toBeUndefined();
      const { dismissals } = (await fakeBrowser.storage.local.get('dismissals')) as { dismissals: { snoozedUntil: Record<string, number> } };
      expect(dismissals.snoozedUntil.aliyun).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
      expect((await ask('getPageVerdict', { url }, fromPage(url)))?.res.show).toBe(false);
    });

    it('mutes for good', async () => {
      const url = 'https://console.yandex.cloud/';
      await ask('dismissProvider', { providerId: 'yandex-cloud', how: 'mute' }, fromPage(url));
      expect(((await fakeBrowser.storage.local.get('dismissals')) as { dismissals: { muted: string[] } }).dismissals.muted).toEqual(['yandex-cloud']);
    });

    it.each([
      { why: 'another provider than the page’s', data: { providerId: 'aws', how: 'mute' } },
      { why: 'an unknown way', data: { providerId: 'aliyun', how: 'forever' } },
    ])('refuses $why and stores nothing', async ({ data }) => {
      const answer = await ask('dismissProvider', data, fromPage('https://console.aliyun.com/'));
      expect(answer?.err).toBeDefined();
      expect(await fakeBrowser.storage.local.get('dismissals')).toEqual({});
    });

    it('refuses when an administrator forbids dismissing, and the banner shows anyway', async () => {
      await fakeBrowser.storage.local.set({ dismissals: { muted: ['aliyun'], snoozedUntil: {} } });
      await fakeBrowser.storage.managed.set({ allowDismiss: false });
      // The settings page waits for the fresh policy; from then on every answer has it.
      await ask('getSettings', {}, fromPopup);
      const url = 'https://console.aliyun.com/';
      expect((await ask('dismissProvider', { providerId: 'aliyun', how: 'snooze' }, fromPage(url)))?.err?.message).toContain('policy');
      expect((await ask('getPageVerdict', { url }, fromPage(url)))?.res).toMatchObject({ show: true, allowDismiss: false });
    });
  });

  describe('questions from extension pages', () => {
    it('refuses them from a content script', async () => {
      const answer = await ask('getSettings', {}, fromPage('https://console.aliyun.com/'));
      expect(answer?.err?.message).toContain('extension pages');
    });

    it('searches by alias and gives each hit its level', async () => {
      const answer = await ask('searchProviders', { query: '阿里云' }, fromPopup);
      expect(answer?.res[0]).toMatchObject({ providerId: 'aliyun', controlledFrom: { id: 'CN' } });
    });

    it('computes a verdict for any home jurisdiction the dataset knows, and the default for one it does not', async () => {
      const us = (await ask('getProviderVerdict', { providerId: 'yandex-cloud', home: 'US' }, fromPopup))?.res;
      const eu = (await ask('getProviderVerdict', { providerId: 'yandex-cloud', home: 'EU' }, fromPopup))?.res;
      expect([us.home.id, eu.home.id]).toEqual(['US', 'EU']);
      const unknown = (await ask('getProviderVerdict', { providerId: 'yandex-cloud', home: 'ZZ' }, fromPopup))?.res;
      expect(unknown.home.id).toBe('US');
    });

    it('saves valid settings, refuses invalid ones, and lets policy win', async () => {
      const settings = { home: 'GB', audience: 'contractor', minimumLevel: 'restricted', pageKinds: ['console'], position: 'bottom' };
      expect((await ask('saveSettings', { settings }, fromPopup))?.res.effective).toMatchObject({ home: 'GB', audience: 'contractor', position: 'bottom' });
      expect((await ask('saveSettings', { settings: { ...settings, position: 'left' } }, fromPopup))?.err).toBeDefined();
      expect((await ask('saveSettings', { settings: { ...settings, audience: 'everyone' } }, fromPopup))?.err).toBeDefined();
      await fakeBrowser.storage.managed.set({ home: 'EU', audience: 'government', minimumLevel: 'prohibited' });
      const state = (await ask('getSettings', {}, fromPopup))?.res;
      expect(state.effective).toMatchObject({ home: 'EU', audience: 'government', minimumLevel: 'prohibited', locked: ['home', 'audience', 'minimumLevel'] });
      expect(state.settings.home).toBe('GB');
      // The popup's "See as" cannot look past an administrator's lock.
      const view = (await ask('getProviderVerdict', { providerId: 'aliyun', home: 'US', audience: 'general' }, fromPopup))?.res;
      expect(view).toMatchObject({ home: { id: 'EU' }, audience: 'government' });
    });

    it('takes the default home jurisdiction from the browser language', async () => {
      useEnglishMessages('de-DE');
      expect((await ask('getSettings', {}, fromPopup))?.res).toMatchObject({ localeHome: 'EU', effective: { home: 'EU' } });
    });
  });

  it('ignores a message type it does not know', async () => {
    expect(await ask('deleteEverything', {}, fromPopup)).toBeUndefined();
  });

  it('answers correctly after a restart, with nothing kept in memory', async () => {
    const url = 'https://console.aliyun.com/';
    await ask('dismissProvider', { providerId: 'aliyun', how: 'mute' }, fromPage(url));
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await startBackground();
    expect((await ask('getPageVerdict', { url }, fromPage(url)))?.res.show).toBe(false);
  });
});
