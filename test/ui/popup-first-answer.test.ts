import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstTop } from '../../entrypoints/popup/first-answer';

// The popup builds the rest of its first frame while its first request is under way: that request must already be asked for.
describe('the popup’s first answer', () => {
  let requests: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    requests = [];
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async () => {
      requests.push('read');
      return {};
    }) as typeof fakeBrowser.storage.local.get);
  });

  it.each([
    ['a provider asked for by id', 'aliyun', 'https://example.org/', ['read', 'read'], ['read', 'read']],
    ['the tab’s provider page', null, 'https://console.aliyun.com/', ['tab'], ['tab', 'read', 'read']],
    ['a tab that is no provider’s', null, 'https://www.example.org/', ['tab'], ['tab']],
    ['a tab with no web page', null, 'about:blank', ['tab'], ['tab']],
  ])('runs the work meant for the wait once, after the first request is on its way: %s', async (_, requested, tabUrl, before, all) => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => {
      requests.push('tab');
      return [{ url: tabUrl, active: true }];
    }) as never);
    const whenCalled: string[][] = [];
    const first = await firstTop(requested, () => whenCalled.push([...requests]));
    // A provider's card is read in two reads asked for together (its top, its measures); a tab's, once its URL is known.
    expect([whenCalled, requests]).toEqual([[before], all]);
    // Nothing is in storage, so a provider's card is left to the worker; no provider's page needs none.
    const provider = all.includes('read');
    expect([first.top, (await first.answer).view]).toEqual(provider ? [undefined, undefined] : [null, null]);
  });
});
