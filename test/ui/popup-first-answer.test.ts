import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstAnswer } from '../../entrypoints/popup/first-answer';

// The popup builds the rest of its first frame while the card's read is under way: the read must already be asked for.
describe('the popup’s first answer', () => {
  let reads: number;
  beforeEach(() => {
    fakeBrowser.reset();
    reads = 0;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async () => {
      reads += 1;
      return {};
    }) as typeof fakeBrowser.storage.local.get);
  });

  it.each([
    ['a provider asked for by id', 'aliyun', 'https://example.org/', 1],
    ['the tab’s provider page', null, 'https://console.aliyun.com/', 1],
    ['a tab that is no provider’s', null, 'https://www.example.org/', 0],
    ['a tab with no web page', null, 'about:blank', 0],
  ])('runs the work meant for the wait once, after the read is asked for: %s', async (_, requested, tabUrl, expectedReads) => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url: tabUrl, active: true }] as never);
    const readsWhenCalled: number[] = [];
    const answer = await firstAnswer(requested, () => readsWhenCalled.push(reads));
    expect(readsWhenCalled).toEqual([expectedReads]);
    // Nothing is in storage, so a provider's card is left to the worker; no provider's page needs none.
    expect(answer.view).toBe(expectedReads === 1 ? undefined : null);
  });
});
