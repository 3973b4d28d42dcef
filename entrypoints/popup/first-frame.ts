import { browser } from '#imports';
import datasetMeta from 'virtual:whose-cloud-dataset-meta';
import { enumKey, t } from '@/src/adapters/i18n';
import { audiences } from '@/src/core/verdict';
import { providerCard, providerCardTop } from '@/src/ui/card';
import { el, type Child } from '@/src/ui/dom';
import { placeName } from '@/src/ui/describe';
import { formatReviewAge, isReviewStale } from '@/src/ui/intl';
import type { CardView } from '@/src/adapters/messaging';
import type { FirstTop } from './first-answer';

/** The `id` prefix of the search box before React gives it its own; ids are the one difference the takeover may bring. */
const SEARCH_ID = 'search';

/** The body of the subject section: the top of the card with its toolbar, or a line saying why there is none. */
function subject(first: FirstTop, locale: string): Child[] {
  const view = first.top;
  if (view === undefined) return [el('p', { class: 'muted' }, t('loading'))];
  if (view === null) return [el('p', { class: 'muted' }, first.subject.kind === 'tab' && first.subject.url ? t('currentTabUnknown') : t('currentTabUnavailable'))];
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
    el('div', { class: 'card-host' }, providerCardTop(view, locale)),
  ];
}

/** Draws the popup's first frame: at first with the top of the card, then with all of it. */
export interface FramePainter {
  top(root: HTMLElement, first: FirstTop): void;
  /** Puts the whole card in place of its top, once the rest of it is read (if it could be). */
  whole(root: HTMLElement, view: CardView | null | undefined): void;
}

/**
 * The popup's first frame, drawn from the first answer before React has loaded: the same elements App draws for that
 * answer (test/ui/popup-first-frame.test.tsx compares them), so that React's takeover moves nothing on screen.
 * The top of the card is drawn first, from the smaller of the two reads, and the rest as soon as the other read is in.
 * Until React is in (some tens of milliseconds) the buttons wait, except "Settings"; what is typed in the search box is handed over.
 * The parts that do not depend on the answer are built here, while the tab is asked for: in a fresh process the first
 * message costs milliseconds, which then overlap that request instead of following it. Nothing here uses Intl, whose
 * first use costs a fresh process 30–60 ms: the worker wrote dates, places, lists and the dataset's age for the reader.
 */
export function prepareFirstFrame(locale: string, today: string): FramePainter {
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
  return {
    top(root, first) {
      const age = formatReviewAge(datasetMeta.reviewed, today, locale, first.words);
      const stale = isReviewStale(datasetMeta.reviewed, today) && el('p', { class: 'stale', role: 'note' }, t('datasetStale', age));
      const foot = el('footer', { class: 'popup-foot muted' }, t('datasetInfo', [datasetMeta.version, age]));
      root.replaceChildren(el('main', { class: 'popup' }, head, search, el('section', { class: 'subject', 'aria-live': 'polite' }, ...subject(first, locale)), stale, foot));
    },
    whole(root, view) {
      if (view) root.querySelector('.card-host')?.replaceChildren(providerCard(view, locale));
    },
  };
}
