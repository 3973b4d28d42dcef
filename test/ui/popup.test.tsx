// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';
import { searchProviders } from '../../src/core/search';
import { verdictFor } from '../../src/core/verdict';
import { viewVerdict } from '../../src/core/verdict-view';

const index = fixtureIndex();
const info = { version: '2026.01.01', reviewed: '2026-01-01', providers: 6, actions: 7, jurisdictions: [{ id: 'EU', name: 'European Union' }, { id: 'US', name: 'United States' }] };
const sent: Array<[string, any]> = [];

// The popup talks to the background only through the protocol: answer it from the fixture dataset.
vi.mock('../../src/adapters/messaging', () => ({
  sendMessage: async (type: string, data: any) => {
    sent.push([type, data]);
    const reader = { home: data?.home ?? 'US', audience: data?.audience ?? 'general' };
    const view = (id: string) => viewVerdict(verdictFor(index.providers.get(id)!, reader, index, FIXTURE_TODAY), null, index);
    switch (type) {
      case 'getDatasetInfo':
        return info;
      case 'getProviderVerdict':
        return index.providers.has(data.providerId) ? view(data.providerId) : null;
      case 'getVerdictForUrl':
        return null;
      case 'searchProviders':
        return searchProviders(data.query, index).map((hit) => ({
          providerId: hit.provider.id,
          name: hit.provider.name,
          matched: hit.matched,
          level: verdictFor(hit.provider, reader, index, FIXTURE_TODAY).level,
          controlledFrom: { id: 'CN', name: 'China' },
        }));
      default:
        throw new Error(`unexpected ${type}`);
    }
  },
}));

const { App } = await import('../../entrypoints/popup/App');

describe('the popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    sent.length = 0;
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1, url: 'chrome://newtab/' }] as never);
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('says plainly when the current tab is not a provider page', async () => {
    render(<App locale="en-US" />);
    expect(await screen.findByText("Open a provider's site, or search above.")).toBeTruthy();
  });

  it('searches as you type, moves with the arrow keys and opens a result with Enter', async () => {
    render(<App locale="en-US" />);
    const box = screen.getByRole('combobox', { name: 'Check a provider' });
    fireEvent.change(box, { target: { value: 'sample' } });
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.querySelector('.result-name')?.textContent)).toEqual(['Sample Cloud', 'Sample AI Studio', 'Sample Cloud China']);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Sample AI Studio' })).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    render(<App locale="en-US" />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'zzzz' } });
    expect(await screen.findByText('No provider in the dataset matches.')).toBeTruthy();
  });

  it('shows the level and why, the control chain, the laws and every action with its sources', async () => {
    history.replaceState(null, '', '/popup.html?provider=sample-cloud-china');
    render(<App locale="en-US" />);
    await screen.findByRole('heading', { level: 2, name: 'Sample Cloud China' });
    expect(document.querySelector('.level-badge')?.textContent).toBe('Restricted');
    expect(document.querySelector('.why')?.textContent).toBe('Fixture agency bans Sample AI on federal devices (US Fixture Agency, Feb 6, 2025).');
    expect(document.querySelector('.verdict-line')?.textContent).toContain('Restricted for a person or private company in United States');
    expect([...document.querySelectorAll('.chain li strong')].map((e) => e.textContent)).toEqual(['Sample Cloud Computing Co., Ltd.', 'Sample Group Holding Limited']);
    expect(screen.getByText('Fixture Intelligence Law')).toBeTruthy();
    // Seven measures on the provider's own chain; the sister companies' two under the group heading.
    expect(screen.getByRole('heading', { name: 'Government actions (7)' })).toBeTruthy();
    expect(document.querySelectorAll('.group .actions > li')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Other companies of the same group (2)' })).toBeTruthy();
    expect(screen.getByText('Jan 18, 2022')).toBeTruthy();
    expect(screen.getAllByText('Unconfirmed report')).toHaveLength(1);
    expect(screen.getAllByText('Binds: government bodies')).toHaveLength(1);
    expect(document.querySelectorAll('.actions .source a[rel="noopener noreferrer"]')).toHaveLength(9);
  });

  it('changes the audience in one change: a government body is prohibited what binds government bodies', async () => {
    history.replaceState(null, '', '/popup.html?provider=sample-cloud-china');
    render(<App locale="en-US" />);
    await screen.findByRole('heading', { level: 2, name: 'Sample Cloud China' });
    fireEvent.change(screen.getByLabelText('as'), { target: { value: 'government' } });
    await waitFor(() => expect(document.querySelector('.level-badge')?.textContent).toBe('Prohibited'));
    expect(sent).toContainEqual(['getProviderVerdict', { providerId: 'sample-cloud-china', audience: 'government' }]);
  });

  it('recomputes the view for another home jurisdiction in one change', async () => {
    history.replaceState(null, '', '/popup.html?provider=northern-cloud');
    render(<App locale="en-US" />);
    await screen.findByRole('heading', { level: 2, name: 'Northern Cloud' });
    expect(document.querySelector('.level-badge')?.textContent).toBe('Restricted');
    // The jurisdictions arrive from the worker once the card is up.
    await screen.findByRole('option', { name: 'European Union' });
    fireEvent.change(screen.getByLabelText('See as a user in'), { target: { value: 'EU' } });
    await waitFor(() => expect(document.querySelector('.level-badge')?.textContent).toBe('Prohibited'));
    expect(sent).toContainEqual(['getProviderVerdict', { providerId: 'northern-cloud', home: 'EU' }]);
  });

  it('copies a Markdown report with every citation', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    history.replaceState(null, '', '/popup.html?provider=sample-cloud-china');
    render(<App locale="en-US" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy report' }));
    expect(await screen.findByText('Report copied as Markdown.')).toBeTruthy();
    const markdown = writeText.mock.calls[0]![0];
    expect(markdown).toMatch(/^## Sample Cloud China — Restricted \(for a person or private company in United States\)/);
    for (const url of ['https://example.org/source/a-us-review-sample', 'https://example.org/source/a-cn-fine-sample', 'https://example.org/source/cn-law']) {
      expect(markdown).toContain(`(${url})`);
    }
  });

  it('says how long ago the dataset was reviewed, and asks for an update once that is over 120 days', async () => {
    const { default: meta } = await import('virtual:whose-cloud-dataset-meta');
    history.replaceState(null, '', '/popup.html?provider=northern-cloud');
    const fresh = render(<App locale="en-US" today={meta.reviewed} />);
    expect(await screen.findByText(`Dataset ${meta.version}, reviewed today`)).toBeTruthy();
    expect(document.querySelector('.stale')).toBeNull();
    fresh.unmount();
    const later = new Date(Date.parse(meta.reviewed) + 121 * 86_400_000).toISOString().slice(0, 10);
    render(<App locale="en-US" today={later} />);
    expect((await screen.findByRole('note')).textContent).toBe('The dataset was last reviewed 3 months ago. Update the extension for newer data.');
  });

  it('says so when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) }, configurable: true });
    history.replaceState(null, '', '/popup.html?provider=sample-cloud-china');
    render(<App locale="en-US" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy report' }));
    expect(await screen.findByText('Could not copy the report.')).toBeTruthy();
  });
});
