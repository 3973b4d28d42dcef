// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderBanner } from '../../entrypoints/warning.content/banner';
import type { PageVerdict } from '../../src/adapters/messaging';
import { t } from '../../src/adapters/i18n';
import { bannerView, viewVerdict } from '../../src/core/verdict-view';
import { BANNER_ACTIONS } from '../../src/core/page-table';
import { verdictFor } from '../../src/core/verdict';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const handlers = () => ({ onHide: vi.fn(), onSnooze: vi.fn(), onMute: vi.fn(), onDetails: vi.fn() });

function approvedPage(overrides: Partial<PageVerdict> = {}): PageVerdict {
  const view = viewVerdict(verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, index, FIXTURE_TODAY), 'console', index);
  return { view: bannerView(view, BANNER_ACTIONS), pageKind: 'console', show: true, position: 'top', allowDismiss: true, approved: true, stop: false, proceeding: false, ...overrides };
}

describe('the banner of a provider the organisation approved (issue 14)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    useEnglishMessages();
    root = document.createElement('div');
  });

  it('says so in a calm style instead of the level’s colour, and still names the level', () => {
    renderBanner(root, approvedPage(), t, handlers(), 'en-GB');
    expect(root.querySelector('.banner')?.className).toBe('banner approved position-top');
    expect(root.querySelector('.level')?.textContent).toBe('Approved by your organisation');
    expect(root.querySelector('.why')?.textContent).toBe('Your organisation approved Sample Cloud China.');
    expect(root.textContent).toContain('Restricted for a person or private company in United States');
  });

  it('keeps the evidence one click away, and the person’s own ways to silence it', () => {
    renderBanner(root, approvedPage(), t, handlers(), 'en-GB');
    const names = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Show the evidence (7)', 'Hide for this page view', 'Full details', 'Snooze 30 days', 'Never for this provider']);
    (root.querySelector('button.toggle') as HTMLButtonElement).click();
    expect(root.querySelectorAll('li.action').length).toBeGreaterThan(0);
    expect((root.querySelector('ul.actions') as HTMLElement).hidden).toBe(false);
  });
});
