// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BANNER_ELEMENTS, renderBanner } from '../../entrypoints/warning.content/banner';
import { BANNER_ACTIONS } from '../../src/core/page-table';
import type { PageVerdict } from '../../src/adapters/messaging';
import { t } from '../../src/adapters/i18n';
import { bannerView, viewVerdict } from '../../src/core/verdict-view';
import { verdictFor } from '../../src/core/verdict';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();

function page(providerId: string, home: string, overrides: Partial<PageVerdict> = {}): PageVerdict {
  const view = viewVerdict(verdictFor(index.providers.get(providerId)!, { home, audience: 'general' }, index, FIXTURE_TODAY), 'console', index);
  return { view: bannerView(view, BANNER_ACTIONS), pageKind: 'console', show: true, position: 'top', allowDismiss: true, approved: false, stop: false, proceeding: false, ...overrides };
}

const handlers = () => ({ onHide: vi.fn(), onSnooze: vi.fn(), onMute: vi.fn(), onDetails: vi.fn() });
const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;
/** Opens the evidence, as a person does: the list is built then. */
const expand = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('button.toggle')!.click();

describe('the banner', () => {
  let root: HTMLElement;
  beforeEach(() => {
    useEnglishMessages();
    root = document.createElement('div');
  });

  it('heads with the level and why, says who controls the provider, for whom, and that it is no legal advice', () => {
    renderBanner(root, page('sample-cloud-china', 'US'), t, handlers(), 'en-GB');
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Whose Cloud: Sample Cloud China');
    expect(region.querySelector('.level')?.textContent).toBe('Restricted');
    expect(region.querySelector('.why')?.textContent).toBe('Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 Feb 2025).');
    expect(region.textContent).toContain('Sample Cloud China is controlled from China');
    expect(region.textContent).toContain('Restricted for a person or private company in United States');
    expect(region.textContent).toContain('Operated by Sample Cloud Computing Co., Ltd. → Sample Group Holding Limited (China)');
    expect(region.textContent).toContain('Information from public sources, not legal advice.');
  });

  it('lists the most relevant actions with dates, authorities, status, evidence, whom they bind and sources', () => {
    renderBanner(root, page('sample-cloud-china', 'US'), t, handlers());
    // Nothing is built until the person opens the evidence.
    expect(root.querySelectorAll('li.action')).toHaveLength(0);
    expand(root);
    const items = [...root.querySelectorAll('li.action')];
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual(['2025-02-06', '2022-01-18', '2024-06-21']);
    expect(items[0]!.textContent).toContain('US Fixture Agency (United States)');
    expect(items[0]!.textContent).toContain('government-device ban · in force · Official source · Binds: government bodies');
    expect(items[0]!.textContent).toContain('(primary source)');
    expect(items[1]!.textContent).toContain('investigation · open · Unconfirmed report · Binds: the named company');
    // The group's measures are context, left to the full details.
    expect(root.textContent).not.toContain('Sample Carrier Americas');
    expect(root.querySelector('li.more')?.textContent).toBe('6 more in the full details');
  });

  it('is built only from the kinds of element it warms up while the page reads storage', () => {
    renderBanner(root, page('sample-cloud-china', 'US'), t, handlers(), 'en-GB');
    expand(root);
    const used = new Set([...root.querySelectorAll('*')].map((e) => e.localName));
    expect([...used].filter((tag) => !(BANNER_ELEMENTS as readonly string[]).includes(tag))).toEqual([]);
    expect(used.size).toBeGreaterThan(5);
  });

  it('opens every source in a new tab without a referrer or opener', () => {
    renderBanner(root, page('sample-cloud-china', 'US'), t, handlers());
    expand(root);
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('never turns data into markup, and never links a source that is not https', () => {
    const hostile = page('sample-cloud-china', 'US');
    hostile.view.provider.name = '<img src=x onerror=alert(1)>';
    hostile.view.actions[0]!.sources = [{ url: 'javascript:alert(1)', title: 't', publisher: '<b>P</b>', primary: false }];
    renderBanner(root, hostile, t, handlers());
    expand(root);
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> is controlled from');
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain('<b>P</b>');
  });

  it('shows at most a few actions and points to the rest', () => {
    const full = viewVerdict(verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, index, FIXTURE_TODAY), 'console', index);
    full.actions = Array.from({ length: BANNER_ACTIONS + 2 }, (_, i) => ({ ...full.actions.find((a) => a.relation === 'operator')!, id: `a${i}` }));
    renderBanner(root, { ...page('sample-cloud-china', 'US'), view: bannerView(full, BANNER_ACTIONS) }, t, handlers());
    expand(root);
    expect(root.querySelectorAll('li.action')).toHaveLength(BANNER_ACTIONS);
    expect(root.querySelector('li.more')?.textContent).toBe('2 more in the full details');
  });

  it('expands and collapses the evidence, telling assistive technology', () => {
    renderBanner(root, page('northern-cloud', 'EU'), t, handlers());
    const toggle = buttonNamed(root, 'Show the evidence (3)');
    const list = root.querySelector<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`)!;
    expect([toggle.getAttribute('aria-expanded'), list.hidden]).toEqual(['false', true]);
    toggle.click();
    expect([toggle.getAttribute('aria-expanded'), list.hidden, toggle.textContent]).toEqual(['true', false, 'Hide the evidence']);
    toggle.click();
    expect(list.hidden).toBe(true);
  });

  it.each([
    ['Hide for this page view', 'onHide'],
    ['Snooze 30 days', 'onSnooze'],
    ['Never for this provider', 'onMute'],
    ['Full details', 'onDetails'],
  ] as const)('"%s" calls %s', (name, handler) => {
    const calls = handlers();
    renderBanner(root, page('northern-cloud', 'EU'), t, calls);
    buttonNamed(root, name).click();
    expect(calls[handler]).toHaveBeenCalledOnce();
  });

  it('offers no way to dismiss when policy forbids it, but still links the details', () => {
    renderBanner(root, page('northern-cloud', 'EU', { allowDismiss: false }), t, handlers());
    const names = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Show the evidence (3)', 'Full details']);
  });

  it('takes its position and level colour from the verdict and settings', () => {
    renderBanner(root, page('northern-cloud', 'EU', { position: 'bottom' }), t, handlers());
    expect(root.querySelector('.banner')?.className).toBe('banner level-prohibited position-bottom');
  });
});
