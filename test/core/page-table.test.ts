import { describe, expect, it } from 'vitest';
import { actionsKey, BANNER_ACTIONS, buildPageTable, cardFromTable, hostRulesOf, organisationVerdict, pageFromTable, PROCEED_HINTS_KEY, providerOfPage, TABLE_META_KEY, tableStamp, WORDS_KEY } from '../../src/core/page-table';
import { effectiveSettings, defaultSettings, shouldShowBanner, type EffectiveSettings, type ManagedPolicy } from '../../src/core/settings';
import { matchUrl } from '../../src/core/url-matcher';
import { audiences, verdictFor } from '../../src/core/verdict';
import { bannerView, CARD_TOP_ACTIONS, isOwnAction, viewVerdict, type VerdictView } from '../../src/core/verdict-view';
import { loadDatasetIndex } from '../../src/node/read-dataset';

const TODAY = '2026-12-01';
const NOW = Date.UTC(2026, 11, 1);
const index = loadDatasetIndex(TODAY);
const WORDS = { locale: 'en-US', ages: { '3 day': '3 days ago' } };
const STAMP = tableStamp({ extension: '1.0.0', dataset: index.dataset.meta.version, locale: 'en-US', settings: undefined, policy: undefined });

function tableFor(effective: EffectiveSettings) {
  const reader = { home: effective.home, audience: effective.audience };
  const table = buildPageTable(index, effective, STAMP, (id) => viewVerdict(verdictFor(index.providers.get(id)!, reader, index, TODAY), null, index), WORDS);
  // Stored and read back as storage does: through structured data, here JSON.
  const stored: Record<string, unknown> = JSON.parse(JSON.stringify(table));
  const read = async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]]));
  return { stored, read };
}

/** What the worker answers a page (the slow path): the core's verdict for the matched provider, and the organisation's. */
function coreAnswer(url: string, effective: EffectiveSettings, dismissals = { muted: [] as string[], snoozedUntil: {} }) {
  const match = matchUrl(url, index);
  if (!match) return null;
  const view = viewVerdict(verdictFor(match.provider, { home: effective.home, audience: effective.audience }, index, TODAY), match.pageKind, index);
  const facts = { providerId: match.provider.id, pageKind: match.pageKind, level: view.level };
  const show = shouldShowBanner(facts, effective, dismissals, NOW);
  // A page gets the banner's part of the view, the worker's answer as well as the table's.
  return { view: bannerView(view, BANNER_ACTIONS), pageKind: match.pageKind, show, ...organisationVerdict(facts, effective, undefined, NOW) };
}

/** An organisation that approved two providers and stops sign-up and console pages from "restricted" up. */
const ORGANISATION: ManagedPolicy = {
  approvedProviders: ['aliyun', 'tencent-cloud'],
  stop: { level: 'restricted', pageKinds: ['signup', 'console'], message: 'Ask IT first.', allowProceed: true },
};

// One URL per host rule and per listed path, plus an unlisted subdomain: every way a page meets the table.
const urls = [...index.hosts.entries()].flatMap(([host, rule]) => [
  `https://${host}/`,
  ...rule.paths.map((p) => `https://${host}${p.prefix}`),
  ...(rule.subdomains ? [`https://console.${host}/overview`, `https://www.${host}/register`] : []),
]);

describe('the page table', () => {
  it.each([
    { home: 'US', policy: {} },
    { home: 'EU', policy: {} },
    { home: 'GB', policy: {} },
    { home: 'US', policy: ORGANISATION },
  ])('gives every page of every provider the verdict the core gives, for every audience in $home, policy $policy', async ({ home, policy }) => {
    const seen = { stop: 0, approved: 0 };
    for (const audience of audiences) {
      const effective = effectiveSettings({ ...defaultSettings, home, audience }, policy, 'US');
      const { read } = tableFor(effective);
      for (const url of urls) {
        const { hostname, pathname } = new URL(url);
        const fast = await pageFromTable({ host: hostname, pathname }, read, () => STAMP, NOW);
        const core = coreAnswer(url, effective);
        if (!core) expect(fast.kind, url).toBe('none');
        // Both cross a boundary as data (storage, or a message): compare what arrives.
        else {
          expect(fast, `${url} ${home} ${audience}`).toEqual({
            kind: 'page', providerId: core.view.provider.id, pageKind: core.pageKind, show: core.show, view: JSON.parse(JSON.stringify(core.view)),
            position: effective.position, allowDismiss: effective.allowDismiss, approved: core.approved, stop: core.stop, proceeding: false,
          });
          seen.stop += Number(core.stop);
          seen.approved += Number(core.approved);
        }
      }
    }
    // The organisation's policy is really exercised: some pages stopped, some approved.
    if (policy === ORGANISATION) expect(Math.min(seen.stop, seen.approved)).toBeGreaterThan(0);
  });

  it('gives the popup a provider card from a current table only: its top from a small read, the whole view from a second asked for with it', async () => {
    const effective = effectiveSettings(defaultSettings, {}, 'US');
    const { read } = tableFor(effective);
    const reads: string[][] = [];
    const askedWhenAnswered: number[] = [];
    const counted = async (keys: string[]) => {
      reads.push(keys);
      const answer = await read(keys);
      askedWhenAnswered.push(reads.length);
      return answer;
    };
    const aliyun: VerdictView = JSON.parse(JSON.stringify(viewVerdict(verdictFor(index.providers.get('aliyun')!, { home: 'US', audience: 'general' }, index, TODAY), null, index)));
    const card = (await cardFromTable({ providerId: 'aliyun' }, counted, () => STAMP))!;
    // Both reads were asked for before the first was answered.
    expect([reads.length, askedWhenAnswered[0]]).toEqual([2, 2]);
    expect(await card.view).toEqual(aliyun);
    expect(card.approved).toBe(false);
    expect(card.words).toEqual(WORDS);
    // The top: all but the measures, of which the first own ones and the one giving the reason.
    const own = aliyun.actions.filter(isOwnAction);
    expect(own.length).toBeGreaterThan(CARD_TOP_ACTIONS);
    const reasonId = aliyun.reason?.kind === 'action' ? aliyun.reason.actionId : undefined;
    expect(card.top).toEqual({ ...aliyun, ownCount: own.length, actions: aliyun.actions.filter((a) => own.slice(0, CARD_TOP_ACTIONS).includes(a) || a.id === reasonId) });
    // It is what makes the first read small: under a quarter of the whole view here.
    expect(JSON.stringify(card.top).length).toBeLessThan(JSON.stringify(aliyun).length / 4);

    expect(await cardFromTable({ providerId: 'aliyun' }, read, () => 'another stamp')).toBeUndefined();
    expect(await cardFromTable({ providerId: 'no-such-provider' }, read, () => STAMP)).toBeUndefined();
    // For a tab's page: the same card, with the page's kind.
    const forPage = (await cardFromTable({ providerId: 'aliyun', pageKind: 'console' }, read, () => STAMP))!;
    expect([forPage.top.pageKind, await forPage.view]).toEqual(['console', { ...aliyun, pageKind: 'console' }]);
  });

  it('gives no whole view from measures of another table, as when the table was rebuilt between the two reads', async () => {
    const { stored, read } = tableFor(effectiveSettings(defaultSettings, {}, 'US'));
    const rebuilt = tableFor(effectiveSettings(defaultSettings, {}, 'GB')).stored;
    const straddling = async (keys: string[]) => (keys.includes(actionsKey('aliyun')) ? { [actionsKey('aliyun')]: { ...(rebuilt[actionsKey('aliyun')] as object), stamp: 'the next table' } } : read(keys));
    const card = (await cardFromTable({ providerId: 'aliyun' }, straddling, () => STAMP))!;
    expect(card.top.provider.id).toBe('aliyun');
    expect(await card.view).toBeUndefined();
    // Nor from a failed read, nor words that are not the worker's.
    const failing = async (keys: string[]) => (keys.includes(actionsKey('aliyun')) ? Promise.reject(new Error('storage')) : { ...(await read(keys)), [WORDS_KEY]: 'odd' });
    const odd = (await cardFromTable({ providerId: 'aliyun' }, failing, () => STAMP))!;
    expect([await odd.view, odd.words]).toEqual([undefined, undefined]);
    expect(stored[WORDS_KEY]).toEqual(WORDS);
  });

  it("finds a tab's provider and page kind from the bundled host rules as the core's matcher does, for every page", () => {
    const rules = JSON.parse(JSON.stringify(hostRulesOf(index)));
    const lookalikes = ['https://www.example.org/', 'https://console.aliyun.com.evil.example/', 'https://notaliyun.com/', 'https://aliyun.com.cn/'];
    for (const url of [...urls, ...lookalikes]) {
      const { hostname, pathname } = new URL(url);
      const match = matchUrl(url, index);
      expect(providerOfPage({ host: hostname, pathname }, rules), url).toEqual(match && { providerId: match.provider.id, pageKind: match.pageKind });
    }
  });

  it('sends the page to the worker when the table was built from other settings, or is missing', async () => {
    const { read } = tableFor(effectiveSettings(defaultSettings, {}, 'US'));
    const page = { host: 'console.aliyun.com', pathname: '/' };
    expect(await pageFromTable(page, read, () => 'another stamp', NOW)).toEqual({ kind: 'ask' });
    expect(await pageFromTable(page, async () => ({}), () => STAMP, NOW)).toEqual({ kind: 'ask' });
  });

  it('answers a page in one storage read: the host entry carries its provider’s banner', async () => {
    const { read } = tableFor(effectiveSettings(defaultSettings, {}, 'US'));
    const reads: string[][] = [];
    const counted = async (keys: string[]) => (reads.push(keys), read(keys));
    expect(await pageFromTable({ host: 'console.aliyun.com', pathname: '/' }, counted, () => STAMP, NOW)).toMatchObject({ kind: 'page', providerId: 'aliyun' });
    expect(reads).toHaveLength(1);
  });

  it('asks the worker when a host entry has no banner (a table written by another version)', async () => {
    const { stored } = tableFor(effectiveSettings(defaultSettings, {}, 'US'));
    const { banner: _banner, ...ruleOnly } = stored['wc:h:console.aliyun.com'] as Record<string, unknown>;
    const read = async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, k === 'wc:h:console.aliyun.com' ? ruleOnly : stored[k]]));
    expect(await pageFromTable({ host: 'console.aliyun.com', pathname: '/' }, read, () => STAMP, NOW)).toEqual({ kind: 'ask' });
  });

  it('honours dismissals as the worker does, and asks the worker when they look corrupted', async () => {
    const effective = effectiveSettings(defaultSettings, {}, 'US');
    const { stored } = tableFor(effective);
    const page = { host: 'console.aliyun.com', pathname: '/' };
    const withDismissals = (dismissals: unknown) => async (keys: string[]) => ({ ...Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])), dismissals });
    expect(await pageFromTable(page, withDismissals({ muted: ['aliyun'], snoozedUntil: {} }), () => STAMP, NOW)).toMatchObject({ kind: 'page', show: false });
    expect(await pageFromTable(page, withDismissals({ muted: [], snoozedUntil: { aliyun: NOW + 1 } }), () => STAMP, NOW)).toMatchObject({ show: false });
    expect(await pageFromTable(page, withDismissals({ muted: [], snoozedUntil: { aliyun: NOW - 1 } }), () => STAMP, NOW)).toMatchObject({ show: true });
    expect(await pageFromTable(page, withDismissals('garbage'), () => STAMP, NOW)).toEqual({ kind: 'ask' });
  });

  it('carries the banner settings it was built with', () => {
    const effective = effectiveSettings({ ...defaultSettings, position: 'bottom', minimumLevel: 'restricted' }, { allowDismiss: false }, 'US');
    expect(tableFor(effective).stored[TABLE_META_KEY]).toEqual({
      stamp: STAMP,
      banner: { minimumLevel: 'restricted', pageKinds: defaultSettings.pageKinds, allowDismiss: false, position: 'bottom' },
      organisation: { approvedProviders: [], stop: null },
    });
  });

  it('carries the organisation’s approvals and the stop’s level and page kinds, not its words', () => {
    const meta = tableFor(effectiveSettings(defaultSettings, ORGANISATION, 'US')).stored[TABLE_META_KEY] as { organisation: unknown };
    expect(meta.organisation).toEqual({ approvedProviders: ['aliyun', 'tencent-cloud'], stop: { level: 'restricted', pageKinds: ['signup', 'console'] } });
  });

  it('stops a prohibited provider’s sign-up page and approves an approved one, whatever the person muted', async () => {
    const effective = effectiveSettings({ ...defaultSettings, home: 'US', audience: 'government' }, { ...ORGANISATION, stop: { level: 'prohibited', pageKinds: ['signup'], allowProceed: false } }, 'US');
    const { stored } = tableFor(effective);
    const read = async (keys: string[]) => ({ ...Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])), dismissals: { muted: ['huawei-cloud', 'aliyun'], snoozedUntil: {} } });
    expect(await pageFromTable({ host: 'reg.huaweicloud.com', pathname: '/' }, read, () => STAMP, NOW)).toMatchObject({ providerId: 'huawei-cloud', pageKind: 'signup', stop: true, approved: false, show: false });
    expect(await pageFromTable({ host: 'console.aliyun.com', pathname: '/' }, read, () => STAMP, NOW)).toMatchObject({ providerId: 'aliyun', stop: false, approved: true, show: false });
  });

  it('lets a page wait for the worker instead of halting only while a "Continue anyway" for its provider is in time', async () => {
    const { stored } = tableFor(effectiveSettings({ ...defaultSettings, home: 'US', audience: 'government' }, { stop: { level: 'prohibited', pageKinds: ['signup'], allowProceed: true } }, 'US'));
    const withHints = (hints: unknown) => async (keys: string[]) => ({ ...Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])), [PROCEED_HINTS_KEY]: hints });
    const page = { host: 'reg.huaweicloud.com', pathname: '/' };
    expect(await pageFromTable(page, withHints({ 'huawei-cloud': NOW + 1000 }), () => STAMP, NOW)).toMatchObject({ stop: true, proceeding: true });
    expect(await pageFromTable(page, withHints({ 'huawei-cloud': NOW - 1 }), () => STAMP, NOW)).toMatchObject({ stop: true, proceeding: false });
    expect(await pageFromTable(page, withHints({ aliyun: NOW + 1000 }), () => STAMP, NOW)).toMatchObject({ stop: true, proceeding: false });
    expect(await pageFromTable(page, withHints('garbage'), () => STAMP, NOW)).toMatchObject({ stop: true, proceeding: false });
  });

  it('stamps what it was built from, so a change of any input makes it stale', () => {
    const base = { extension: '1.0.0', dataset: '2026.12.01', locale: 'en-US', settings: { home: null }, policy: {} };
    const stamps = new Set([
      tableStamp(base),
      tableStamp({ ...base, extension: '1.0.1' }),
      tableStamp({ ...base, dataset: '2026.12.02' }),
      tableStamp({ ...base, locale: 'de-DE' }),
      tableStamp({ ...base, settings: { home: 'GB' } }),
      tableStamp({ ...base, policy: { audience: 'government' } }),
      tableStamp({ ...base, policy: { approvedProviders: ['aws'] } }),
      tableStamp({ ...base, policy: { stop: { level: 'prohibited', pageKinds: ['signup'], allowProceed: false } } }),
    ]);
    expect(stamps.size).toBe(8);
    // A table of the first layout (one whole view per provider, under wc:v:) is stale for the same inputs: a build of the same version that reads another layout rebuilds it.
    expect(tableStamp(base)).not.toBe(JSON.stringify([base.extension, base.dataset, base.locale, base.settings, base.policy]));
  });
});
