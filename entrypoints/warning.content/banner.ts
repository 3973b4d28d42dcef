import type { PageVerdict } from '@/src/adapters/messaging';
import { enumKey, type Translate } from '@/src/adapters/i18n';
import { BANNER_ACTIONS } from '@/src/core/page-table';
import { isOwnAction, type BannerAction, type BannerView } from '@/src/core/verdict-view';
import { bindsText, dateText, placeName, reasonText } from '@/src/ui/describe';
import { el, sourceLink } from '@/src/ui/dom';

export interface BannerHandlers {
  onHide(): void;
  onSnooze(): void;
  onMute(): void;
  onDetails(): void;
}

function button(label: string, className: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: className, ...attributes }, label);
  b.addEventListener('click', onClick);
  return b;
}

function actionItem(view: BannerView, action: BannerAction, t: Translate, locale: string): HTMLLIElement {
  const sources = action.sources.map((source, i) =>
    el('span', { class: 'source' }, i > 0 && ' · ', sourceLink(source.url, source.publisher), ` (${t(source.primary ? 'primarySource' : 'pressSource')})`),
  );
  return el(
    'li',
    { class: `action${action.atHome ? ' home' : ''}` },
    el('p', { class: 'action-head' }, el('time', { datetime: action.date }, dateText(view, action.date, locale)), ' ', el('span', { class: 'authority' }, action.authorityShort ?? action.authority), ` (${placeName(view, action.jurisdiction, locale)}) — `, action.title),
    el(
      'p',
      { class: 'action-meta' },
      `${t(enumKey('type', action.type))} · ${t(enumKey('status', action.status))} · `,
      el('span', { class: `evidence evidence-${action.evidence}` }, t(enumKey('evidence', action.evidence))),
      ` · ${bindsText(view, action, t, locale)}`,
    ),
    el('p', { class: 'sources' }, `${t('sources')} `, ...sources),
  );
}

/** Every kind of element the banner is built from. */
export const BANNER_ELEMENTS = ['aside', 'div', 'p', 'strong', 'span', 'button', 'ul', 'li', 'time', 'a'] as const;

/**
 * Creates one element of each kind the banner uses, while the page waits for its storage read: an isolated world pays
 * for each kind's first use (5–10 ms in all on a slow machine), and would otherwise pay it after the data arrives.
 */
export function warmBannerElements(): void {
  for (const tag of BANNER_ELEMENTS) document.createElement(tag);
}

/**
 * Draws the banner into a (closed) shadow root container, replacing what was there.
 * Collapsed it is one line; expanded it lists the most relevant actions with their sources.
 */
export function renderBanner(container: HTMLElement, page: PageVerdict, t: Translate, handlers: BannerHandlers, locale = 'en'): void {
  const { view } = page;
  const level = view.level ?? 'notice';
  const listId = 'whose-cloud-actions';
  // The banner shows the provider's own measures; shareholders' and the group's are context, in the full details.
  const shown = view.actions.filter(isOwnAction).slice(0, BANNER_ACTIONS);
  const more = view.actionCount - shown.length;
  const operator = view.chain[0];
  const top = view.chain[view.chain.length - 1];

  const list = el('ul', { id: listId, class: 'actions', hidden: '' });
  // Built on first opening: most people read the headline only, and the list's lists and dates cost a page Intl's first use.
  const fillList = () => {
    if (list.childElementCount > 0) return;
    list.append(...shown.map((a) => actionItem(view, a, t, locale)));
    if (more > 0) list.append(el('li', { class: 'more' }, t('moreActions', String(more))));
    if (view.actionCount === 0) list.append(el('li', { class: 'more' }, t('noActions')));
  };

  const toggle = button(t('showActions', String(view.ownCount)), 'toggle', () => {
    fillList();
    const open = list.hidden;
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t('hideActions') : t('showActions', String(view.ownCount));
  }, { 'aria-expanded': 'false', 'aria-controls': listId });

  const chain =
    operator &&
    el(
      'p',
      { class: 'chain' },
      t('operatedBy', operator.name),
      top && top !== operator && ` → ${top.name} (${placeName(view, top.headquarteredIn, locale)})`,
    );

  const dismiss = page.allowDismiss && [
    button(t('snoozeProvider'), 'link-button', handlers.onSnooze),
    button(t('muteProvider'), 'link-button', handlers.onMute),
  ];

  const banner = el(
    'aside',
    // An approved provider's banner is calm, not in the level's colour; the level and the evidence stay in it.
    { class: `banner ${page.approved ? 'approved' : `level-${level}`} position-${page.position}`, role: 'region', 'aria-label': t('bannerLabel', view.provider.name) },
    el(
      'div',
      { class: 'head' },
      el('span', { class: 'level' }, page.approved ? t('approvedLabel') : t(enumKey('level', level))),
      el(
        'p',
        { class: 'headline' },
        el('strong', { class: 'why' }, page.approved ? t('approvedHeadline', view.provider.name) : reasonText(view, t, locale)),
        el(
          'span',
          { class: 'for' },
          ` ${t('controlledFrom', [view.provider.name, placeName(view, view.controlledFrom, locale)])} · ${t('levelFor', [t(enumKey('level', level)), placeName(view, view.home, locale), t(enumKey('audience', view.audience))])}`,
        ),
      ),
      toggle,
      page.allowDismiss && button('×', 'close', handlers.onHide, { 'aria-label': t('hideBanner'), title: t('hideBanner') }),
    ),
    el(
      'div',
      { class: 'body' },
      chain,
      list,
      el(
        'p',
        { class: 'foot' },
        el('span', {}, t('notLegalAdvice')),
        ' ',
        button(t('fullDetails'), 'link-button', handlers.onDetails),
        ...(dismiss || []),
      ),
    ),
  );
  container.replaceChildren(banner);
}
