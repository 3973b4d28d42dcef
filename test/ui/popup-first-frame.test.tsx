// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';
import { verdictFor } from '../../src/core/verdict';
import { cardTop, viewVerdict } from '../../src/core/verdict-view';
import { formatReviewAge, reviewAgeWords } from '../../src/ui/intl';
import { localiseView } from '../../src/ui/describe';
import { t } from '../../src/adapters/i18n';
import datasetMeta from 'virtual:whose-cloud-dataset-meta';
import type { FirstAnswer, FirstTop } from '../../entrypoints/popup/first-answer';

const index = fixtureIndex();
const viewOf = (id: string, home: string, audience: 'general' | 'government', pageKind: 'console' | null = null) =>
  viewVerdict(verdictFor(index.providers.get(id)!, { home, audience }, index, FIXTURE_TODAY), pageKind, index);

// The worker never answers here: React's first frame, before anything arrives, is what the painted frame must equal.
vi.mock('../../src/adapters/messaging', () => ({ sendMessage: () => new Promise(() => undefined) }));

const { App } = await import('../../entrypoints/popup/App');
const { prepareFirstFrame } = await import('../../entrypoints/popup/first-frame');

/** The first frame as the popup leaves it once the whole answer is in (entrypoints/popup/start.ts): its top, then the whole card. */
function paintFirstFrame(root: HTMLElement, first: FirstTop, answer: FirstAnswer, locale: string, today: string): void {
  const painter = prepareFirstFrame(locale, today);
  painter.top(root, first);
  painter.whole(root, answer.view);
}

/**
 * The frame as a person meets it: elements, their attributes in name order, text, and each select's chosen value.
 * React's generated ids (the search box's) are written as the painter writes them.
 */
function canonical(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes]
    .filter((a) => a.name !== 'selected')
    .map((a) => `${a.name}="${a.value.replace(/^.*-(input|hint|listbox)$/, 'search-$1')}"`)
    .sort();
  if (node instanceof HTMLSelectElement) attributes.push(`value="${node.value}"`);
  return `<${node.localName} ${attributes.join(' ')}>${[...node.childNodes].map(canonical).join('')}</${node.localName}>`;
}

const answers: Array<[string, FirstAnswer]> = [
  ['a provider asked for by id', { subject: { kind: 'provider', providerId: 'sample-cloud-china' }, tabUrl: null, view: { ...viewOf('sample-cloud-china', 'US', 'general'), approved: false } }],
  ['the tab’s console page, approved, for a government reader in the EU', {
    subject: { kind: 'tab', url: 'https://console.sample-cloud.cn/' }, tabUrl: 'https://console.sample-cloud.cn/',
    view: { ...viewOf('sample-cloud-china', 'EU', 'government', 'console'), approved: true }, words: reviewAgeWords('en-US'),
  }],
  ['a tab that is no provider’s', { subject: { kind: 'tab', url: 'https://example.org/' }, tabUrl: 'https://example.org/', view: null }],
  ['a tab with no web page', { subject: { kind: 'tab', url: null }, tabUrl: null, view: null }],
  ['a card the worker must give', { subject: { kind: 'provider', providerId: 'sample-cloud' }, tabUrl: null, view: undefined }],
];

/** The answer as the popup draws it first: the top of its card. */
const topOf = (answer: FirstAnswer): FirstTop => ({ ...answer, top: answer.view && { ...cardTop(answer.view), approved: answer.view.approved }, answer: Promise.resolve(answer) });

describe('the popup’s first frame, painted before React loads', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it.each(answers)('is the frame React then draws, for %s', async (_, answer) => {
    const painted = document.createElement('div');
    paintFirstFrame(painted, topOf(answer), answer, 'en-US', FIXTURE_TODAY);
    const { container } = render(<App locale="en-US" first={answer} today={FIXTURE_TODAY} />);
    await act(async () => undefined);
    expect(canonical(container.firstElementChild!)).toBe(canonical(painted.firstElementChild!));
    // It is the card itself, not a placeholder: the provider's name and level are in the painted frame.
    if (answer.view) expect(painted.querySelector('.provider-card h2')?.textContent).toBe(answer.view.provider.name);
  });

  it('uses no Intl, whose first use costs a fresh process tens of ms, when the worker wrote the card and the words for the reader', () => {
    const view = { ...localiseView(viewOf('sample-cloud-china', 'US', 'general', 'console'), 'de-DE', t), approved: false };
    const answer: FirstAnswer = { subject: { kind: 'tab', url: 'https://console.sample-cloud.cn/' }, tabUrl: 'https://console.sample-cloud.cn/', view, words: reviewAgeWords('de-DE') };
    const used: string[] = [];
    for (const name of ['DateTimeFormat', 'DisplayNames', 'ListFormat', 'PluralRules', 'RelativeTimeFormat'] as const) {
      // A function, not an arrow: it is called with `new`.
      vi.spyOn(Intl, name).mockImplementation(function () {
        used.push(name);
      } as never);
    }
    const painted = document.createElement('div');
    paintFirstFrame(painted, topOf(answer), answer, 'de-DE', FIXTURE_TODAY);
    vi.restoreAllMocks();
    expect(used).toEqual([]);
    expect(painted.querySelector('.popup-foot')?.textContent).toContain(formatReviewAge(datasetMeta.reviewed, FIXTURE_TODAY, 'de-DE'));
    expect(painted.querySelectorAll('.binds')).not.toHaveLength(0);
  });

  it('hands over what the person already typed in the painted search box, and its focus', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    paintFirstFrame(root, topOf(answers[0]![1]), answers[0]![1], 'en-US', FIXTURE_TODAY);
    const painted = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    painted.focus();
    painted.value = 'sam';
    const { container } = render(<App locale="en-US" first={answers[0]![1]} paintedSearch={painted} today={FIXTURE_TODAY} />);
    await act(async () => undefined);
    const search = container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(search.value).toBe('sam');
    expect(document.activeElement).toBe(search);
    root.remove();
  });
});
