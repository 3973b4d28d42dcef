import { browser } from '#imports';
import datasetMeta from 'virtual:whose-cloud-dataset-meta';
import { enumKey, t } from '@/src/adapters/i18n';
import { audiences } from '@/src/core/verdict';
import { providerCard } from '@/src/ui/card';
import { el, type Child } from '@/src/ui/dom';
import { placeName } from '@/src/ui/describe';
import { formatReviewAge, isReviewStale, prepareFormatters } from '@/src/ui/intl';
import type { FirstAnswer } from './first-answer';

/** The `id` prefix of the search box before React gives it its own; ids are the one difference the takeover may bring. */
const SEARCH_ID = 'search';

/** The body of the subject section: the card with its toolbar, or a line saying why there is none. */
function subject(answer: FirstAnswer, locale: string): Child[] {
  const { view } = answer;
  if (view === undefined) return [el('p', { class: 'muted' }, t('loading'))];
  if (view === null) return [el('p', { class: 'muted' }, answer.subject.kind === 'tab' && answer.subject.url ? t('currentTabUnknown') : t('currentTabUnavailable'))];
  const option = (value: string, label: string, selected: boolean) => el('option', { value, ...(selected && { selected: '' }) }, label);
  return [
    view.pageKind && el('p', { class: 'muted page-kind' }, t('pageKindLabel', t(enumKey('pageKind', view.pageKind)))),
    el(
      'div',
      { class: 'toolbar' },
      el(
        'span',
        { class: 'see-as' },
        el('label', {}, t('seeAs'), ' ', el('select', {}, option(view.home.id, placeName(view, view.home, locale), true))),
        ' ',
        el('label', {}, t('audienceLabel'), ' ', el('select', {}, ...audiences.map((a) => option(a, t(enumKey('audience', a)), a === view.audience)))),
      ),
      el('button', { type: 'button' }, t('copyReport')),
    ),
    el('p', { role: 'status', class: 'status' }),
    el('div', { class: 'card-host' }, providerCard(view, locale)),
  ];
}

/** Draws the whole first frame for an answer. */
export type FramePainter = (root: HTMLElement, answer: FirstAnswer) => void;

/**
 * The popup's first frame, drawn from the first answer before React has loaded: the same elements App draws for that
 * answer (test/ui/popup-first-frame.test.tsx compares them), so that React's takeover moves nothing on screen.
 * Until React is in (some tens of milliseconds) the buttons wait, except "Settings"; what is typed in the search box is handed over.
 * The parts that do not depend on the answer are built here, while it is read: in a fresh process the first message and
 * the first Intl formatter cost tens of milliseconds, which then overlap the storage read instead of following it.
 */
export function prepareFirstFrame(locale: string, today: string): FramePainter {
  prepareFormatters(locale);
  const options = el('button', { type: 'button', class: 'link-like' }, t('openOptions'));
  options.addEventListener('click', () => void browser.runtime.openOptionsPage());
  const head = el('header', { class: 'popup-head' }, el('h1', {}, t('extName')), options);
  const search = el(
    'div',
    { class: 'search' },
    el('label', { for: `${SEARCH_ID}-input` }, t('searchLabel')),
    el('input', {
      id: `${SEARCH_ID}-input`, type: 'search', role: 'combobox', autocomplete: 'off', spellcheck: 'false', placeholder: t('searchPlaceholder'),
      'aria-describedby': `${SEARCH_ID}-hint`, 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${SEARCH_ID}-listbox`, value: '',
    }),
    el('p', { id: `${SEARCH_ID}-hint`, class: 'hint muted' }, t('searchHint')),
    el('ul', { id: `${SEARCH_ID}-listbox`, role: 'listbox', 'aria-label': t('resultsLabel'), class: 'results', hidden: '' }),
  );
  const stale = isReviewStale(datasetMeta.reviewed, today) && el('p', { class: 'stale', role: 'note' }, t('datasetStale', formatReviewAge(datasetMeta.reviewed, today, locale)));
  const foot = el('footer', { class: 'popup-foot muted' }, t('datasetInfo', [datasetMeta.version, formatReviewAge(datasetMeta.reviewed, today, locale)]));
  return (root, answer) =>
    root.replaceChildren(el('main', { class: 'popup' }, head, search, el('section', { class: 'subject', 'aria-live': 'polite' }, ...subject(answer, locale)), stale, foot));
}

export function paintFirstFrame(root: HTMLElement, answer: FirstAnswer, locale: string, today: string): void {
  prepareFirstFrame(locale, today)(root, answer);
}
