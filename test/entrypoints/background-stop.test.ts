import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { ask, EXTENSION_ID } from '../fake-messaging';

const SIGNUP = 'https://reg.huaweicloud.com/registerui/cn/index.html';
const STOP_PAGE = `chrome-extension://${EXTENSION_ID}/stop.html`;
const fromPage = (url: string, tabId = 7) => ({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0 });
const fromStopPage = (url: string, tabId = 7) => ({ id: EXTENSION_ID, url: `${STOP_PAGE}?url=${encodeURIComponent(url)}`, tab: { id: tabId }, frameId: 0 });
const fromPopup = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
/** A U.S. public body that approved Alibaba Cloud's Aliyun and stops sign-up and console pages of prohibited providers. */
const policy = (allowProceed: boolean) => ({
  home: 'US',
  audience: 'government',
  approvedProviders: ['aliyun'],
  stop: { level: 'prohibited', pageKinds: ['signup', 'console'], message: 'Ask the cloud team first.', contact: 'mailto:cloud-team@example.gov', allowProceed },
});

describe('the organisation’s stop in the background (issue 14)', () => {
  let updates: Array<[number, { url?: string }]>;
  const startBackground = async () => {
    vi.resetModules();
    (await import('../../entrypoints/background/index')).default.main();
  };
  const usePolicy = async (managed: object) => {
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set(managed);
    // The settings page waits for the fresh policy; every answer after it has it.
    await ask('getSettings', {}, fromPopup);
  };
  const log = async () => ((await fakeBrowser.storage.local.get('stopLog')) as { stopLog?: any[] }).stopLog ?? [];

  beforeEach(async () => {
    fakeBrowser.reset();
    useEnglishMessages();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(EXTENSION_ID);
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://${EXTENSION_ID}${path}`);
    updates = [];
    vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (tabId: number, props: { url?: string }) => {
      updates.push([tabId, props]);
      return {};
    }) as never);
    await startBackground();
  });

  it('tells a page it is stopped, and an approved provider’s page that it is approved', async () => {
    await usePolicy(policy(false));
    expect((await ask('getPageVerdict', { url: SIGNUP }, fromPage(SIGNUP)))?.res).toMatchObject({ pageKind: 'signup', stop: true, approved: false, proceeding: false, view: { level: 'prohibited' } });
    const aliyun = 'https://console.aliyun.com/';
    expect((await ask('getPageVerdict', { url: aliyun }, fromPage(aliyun)))?.res).toMatchObject({ stop: false, approved: true });
    expect((await ask('getProviderVerdict', { providerId: 'aliyun' }, fromPopup))?.res).toMatchObject({ approved: true, provider: { id: 'aliyun' } });
    expect((await ask('getVerdictForUrl', { url: SIGNUP }, fromPopup))?.res).toMatchObject({ approved: false, level: 'prohibited' });
  });

  it('puts its own notice in the stopped tab’s place and logs the stop', async () => {
    await usePolicy(policy(false));
    expect((await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP)))?.res).toBe('stopped');
    expect(updates).toEqual([[7, { url: `${STOP_PAGE}?url=${encodeURIComponent(SIGNUP)}` }]]);
    expect(await log()).toEqual([{ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), event: 'stopped', providerId: 'huawei-cloud', provider: 'Huawei Cloud', pageKind: 'signup', level: 'prohibited' }]);
  });

  it.each([
    { why: 'without a stop in the policy', managed: { home: 'US', audience: 'government' }, url: SIGNUP, sender: fromPage(SIGNUP) },
    { why: 'for an approved provider', managed: { ...policy(false), approvedProviders: ['huawei-cloud'] }, url: SIGNUP, sender: fromPage(SIGNUP) },
    { why: 'for a page kind the stop leaves alone', managed: { ...policy(false), stop: { level: 'prohibited', pageKinds: ['console'] } }, url: SIGNUP, sender: fromPage(SIGNUP) },
    { why: 'for a level under the stop’s', managed: policy(false), url: 'https://account.aliyun.com/register/', sender: fromPage('https://account.aliyun.com/register/') },
    { why: 'for a URL of another origin than the sender', managed: policy(false), url: SIGNUP, sender: fromPage('https://evil.example/') },
    { why: 'from a sub-frame', managed: policy(false), url: SIGNUP, sender: { ...fromPage(SIGNUP), frameId: 2 } },
    { why: 'from an extension page', managed: policy(false), url: SIGNUP, sender: fromPopup },
  ])('refuses to stop a page $why, and touches no tab', async ({ managed, url, sender }) => {
    await usePolicy(managed);
    expect((await ask('stopPage', { url }, sender))?.err).toBeDefined();
    expect(updates).toEqual([]);
    expect(await log()).toEqual([]);
  });

  it('gives the stop page its notice, from its own address only', async () => {
    await usePolicy(policy(false));
    expect((await ask('getStopNotice', {}, fromStopPage(SIGNUP)))?.res).toMatchObject({
      url: SIGNUP,
      host: 'reg.huaweicloud.com',
      pageKind: 'signup',
      view: { provider: { id: 'huawei-cloud' }, level: 'prohibited', audience: 'government', home: { id: 'US' } },
      rule: { level: 'prohibited', message: 'Ask the cloud team first.', contact: 'mailto:cloud-team@example.gov', allowProceed: false },
    });
    for (const sender of [fromPage(SIGNUP), fromPopup, { ...fromStopPage(SIGNUP), tab: undefined }, { id: EXTENSION_ID, url: `${STOP_PAGE}?url=javascript:alert(1)`, tab: { id: 7 } }, { ...fromStopPage(SIGNUP), id: 'another-extension' }]) {
      expect((await ask('getStopNotice', {}, sender))?.err, JSON.stringify(sender)).toBeDefined();
    }
    expect((await ask('getStopNotice', { url: 'https://elsewhere.example/' }, fromStopPage(SIGNUP)))?.err).toBeDefined();
    // The policy no longer stops that page: nothing to show, and the page says so.
    await usePolicy({ home: 'US' });
    expect((await ask('getStopNotice', {}, fromStopPage(SIGNUP)))?.res).toBeNull();
  });

  it('has no way past a stop the policy does not allow to continue', async () => {
    await usePolicy(policy(false));
    expect((await ask('proceedStop', { reason: 'I really need it' }, fromStopPage(SIGNUP)))?.err?.message).toContain('does not allow');
    expect(updates).toEqual([]);
    expect(await log()).toEqual([]);
  });

  it('lets "Continue anyway" open the page once in that tab, with the reason logged', async () => {
    await usePolicy(policy(true));
    for (const reason of ['', '   ', 'x'.repeat(501)]) expect((await ask('proceedStop', { reason }, fromStopPage(SIGNUP)))?.err).toBeDefined();
    expect((await ask('proceedStop', { reason: 'x', tabId: 8 }, fromStopPage(SIGNUP)))?.err).toBeDefined();
    expect(await log()).toEqual([]);

    expect((await ask('proceedStop', { reason: '  Evaluating for the EU tender, ticket 4711  ' }, fromStopPage(SIGNUP)))?.err).toBeUndefined();
    expect(updates).toEqual([[7, { url: SIGNUP }]]);
    expect((await log()).map((e: any) => [e.event, e.reason])).toEqual([['proceeded', 'Evaluating for the EU tender, ticket 4711']]);
    // Pages of that provider wait for the worker's word before halting; the tab's page is told it may be let through.
    expect(Object.keys((await fakeBrowser.storage.local.get('proceedHints')).proceedHints as object)).toEqual(['huawei-cloud']);
    expect((await ask('getPageVerdict', { url: SIGNUP }, fromPage(SIGNUP)))?.res).toMatchObject({ stop: true, proceeding: true });
    expect((await ask('getPageVerdict', { url: SIGNUP }, fromPage(SIGNUP, 8)))?.res).toMatchObject({ stop: true, proceeding: false });

    // Another tab is stopped; this tab's page is let through once; its reload is stopped again.
    expect((await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP, 8)))?.res).toBe('stopped');
    expect((await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP, 7)))?.res).toBe('proceed');
    expect((await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP, 7)))?.res).toBe('stopped');
    expect(updates.slice(1).map(([tab]) => tab)).toEqual([8, 7]);
    expect((await fakeBrowser.storage.local.get('proceedHints')).proceedHints).toEqual({});
  });

  it('lets a "Continue anyway" run out after a minute', async () => {
    await usePolicy(policy(true));
    await ask('proceedStop', { reason: 'Checking the price list' }, fromStopPage(SIGNUP));
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
    expect((await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP)))?.res).toBe('stopped');
  });

  it('shows the options page the approvals, the stop and the log; to extension pages only', async () => {
    await usePolicy(policy(false));
    await ask('stopPage', { url: SIGNUP }, fromPage(SIGNUP));
    const answer = (await ask('getOrganisationPolicy', {}, fromPopup))?.res;
    expect(answer).toMatchObject({ approved: [{ id: 'aliyun', name: 'Aliyun (Alibaba Cloud China site)' }], stop: { level: 'prohibited', allowProceed: false }, log: [{ event: 'stopped', providerId: 'huawei-cloud' }] });
    expect((await ask('getOrganisationPolicy', {}, fromPage(SIGNUP)))?.err?.message).toContain('extension pages');
  });
});
