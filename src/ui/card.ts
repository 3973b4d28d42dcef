import { enumKey, t } from '@/src/adapters/i18n';
import type { Source } from '@/src/core/dataset-schema';
import { CARD_TOP_ACTIONS, isOwnAction, type ActionSummary, type CardTop, type VerdictView } from '@/src/core/verdict-view';
import { bindsText, dateText, isEnded, placeName, reasonText, splitByRelation } from './describe';
import { el, sourceLink, type Child } from './dom';
import type { NamedJurisdiction } from './intl';

/**
 * The provider card, drawn without a framework: the popup paints it while React is still loading, and React's
 * ProviderCard draws through it too, so both show the same card.
 */

/** A citation: publisher, title and whether it is the authority's own publication. Only https links open. */
function sourceItem(source: Source): HTMLLIElement {
  const label = `${source.publisher}: ${source.title}`;
  return el(
    'li',
    { class: 'source' },
    sourceLink(source.url, label),
    ' ',
    el('span', { class: source.primary ? 'tag primary' : 'tag' }, t(source.primary ? 'primarySource' : 'pressSource')),
  );
}

function actionItem(action: ActionSummary, view: Pick<VerdictView, 'localised'>, locale: string): HTMLLIElement {
  const date = (d: string) => dateText(view, d, locale);
  const ended = isEnded(action);
  return el(
    'li',
    { class: `action${ended ? ' ended' : ''}${action.atHome ? ' home' : ''}` },
    el('p', { class: 'action-head' }, el('time', { datetime: action.date }, date(action.date)), ' ', el('strong', {}, action.title)),
    el(
      'p',
      { class: 'action-meta' },
      `${action.authority} (${placeName(view, action.jurisdiction, locale)}) · ${t(enumKey('type', action.type))} · `,
      el('span', { class: `status status-${action.status}` }, t(enumKey('status', action.status))),
      Boolean(action.end && ended) && ` · ${t('endedOn', date(action.end!))}`,
      action.atHome && ` · ${t('inYourJurisdiction')}`,
    ),
    el(
      'p',
      { class: 'action-facts' },
      el('span', { class: `evidence evidence-${action.evidence}` }, t(enumKey('evidence', action.evidence))),
      ' · ',
      el('span', { class: 'binds' }, bindsText(view, action, t, locale)),
    ),
    el('p', { class: 'summary' }, action.summary),
    action.note && el('p', { class: 'note' }, `${t('noteLabel')} ${action.note}`),
    el('ul', { class: 'sources', 'aria-label': t('sources') }, ...action.sources.map(sourceItem)),
  );
}

/** A timeline of actions, most relevant first, ended ones marked as such. */
function actionList(actions: ActionSummary[], view: Pick<VerdictView, 'localised'>, locale: string): HTMLOListElement {
  return el('ol', { class: 'actions' }, ...actions.map((action) => actionItem(action, view, locale)));
}

/** Measures shown for context under their own heading: they name a minority shareholder or another company of the group. */
function contextSection(id: string, heading: string, help: string, actions: ActionSummary[], view: VerdictView, locale: string): HTMLElement | null {
  if (actions.length === 0) return null;
  return el('section', { 'aria-labelledby': id, class: 'group' }, el('h3', { id }, heading), el('p', { class: 'muted' }, help), actionList(actions, view, locale));
}

/** The level as a coloured word (also used by the popup's search results and the stop page). */
export function levelBadge(level: VerdictView['level']): HTMLSpanElement {
  return el('span', { class: `level-badge level-${level ?? 'none'}` }, t(enumKey('level', level ?? 'none')));
}

/** Everything known about one provider for one reader (home and audience): level and why, control chain, laws, actions; and the organisation's approval. */
export function providerCard(view: VerdictView & { approved?: boolean }, locale: string): HTMLElement {
  const { own, shareholders, group } = splitByRelation(view.actions);
  return cardOf(view, locale, own.length, own, [
    contextSection('shareholders-heading', t('shareholdersHeading', String(shareholders.length)), t('shareholdersHelp'), shareholders, view, locale),
    contextSection('group-heading', t('groupHeading', String(group.length)), t('groupHelp'), group, view, locale),
    el('p', { class: 'fineprint' }, t('notLegalAdvice')),
  ]);
}

/**
 * The card drawn from its top alone: the same card as far as the top's measures reach (more than the popup's first
 * screen shows), without the rest; the popup draws this first and the whole card as soon as the rest is read.
 */
export function providerCardTop(top: CardTop & { approved?: boolean }, locale: string): HTMLElement {
  return cardOf(top, locale, top.ownCount, top.actions.filter(isOwnAction).slice(0, CARD_TOP_ACTIONS), []);
}

/** The card down to the provider's own measures (`own`, of `ownCount`), then `after`. */
function cardOf(view: Omit<VerdictView, 'actions'> & { actions: ActionSummary[]; approved?: boolean }, locale: string, ownCount: number, own: ActionSummary[], after: Child[]): HTMLElement {
  const place = (ref: NamedJurisdiction) => placeName(view, ref, locale);
  const chain = el(
    'ol',
    { class: 'chain' },
    ...view.chain.map((entity) =>
      el(
        'li',
        {},
        el('strong', {}, entity.name),
        ' ',
        el('span', { class: 'muted' }, t('incorporatedHeadquartered', [place(entity.incorporatedIn), place(entity.headquarteredIn)])),
        entity.relationToNext && el('span', { class: 'relation' }, ` — ${entity.relationToNext}`),
        entity.ownersNote && el('p', { class: 'note' }, `${t('noteLabel')} ${entity.ownersNote}`),
      ),
    ),
  );
  const laws =
    view.laws.length > 0 &&
    el(
      'section',
      { 'aria-labelledby': 'laws-heading' },
      el('h3', { id: 'laws-heading' }, t('lawsHeading', place(view.controlledFrom))),
      el(
        'ul',
        { class: 'laws' },
        ...view.laws.map((law) =>
          el('li', {}, el('details', {}, el('summary', {}, law.name), el('p', {}, law.summary), el('ul', { class: 'sources' }, ...law.sources.map(sourceItem)))),
        ),
      ),
    );
  return el(
    'article',
    { class: 'provider-card', 'aria-labelledby': 'provider-name' },
    el('header', { class: 'card-head' }, el('h2', { id: 'provider-name' }, view.provider.name), levelBadge(view.level)),
    view.approved && el('p', { class: 'approved-note' }, t('approvedLabel')),
    el(
      'p',
      { class: 'verdict-line' },
      `${t('controlledFrom', [view.provider.name, place(view.controlledFrom)])} · ${t('levelFor', [t(enumKey('level', view.level ?? 'none')), place(view.home), t(enumKey('audience', view.audience))])}`,
    ),
    el('p', { class: 'why' }, reasonText(view, t, locale)),
    el('section', { 'aria-labelledby': 'chain-heading' }, el('h3', { id: 'chain-heading' }, t('chainHeading')), chain),
    laws,
    el(
      'section',
      { 'aria-labelledby': 'actions-heading' },
      el('h3', { id: 'actions-heading' }, t('actionsHeading', String(ownCount))),
      ownCount > 0 ? actionList(own, view, locale) : el('p', { class: 'empty' }, t('noActions')),
    ),
    ...after,
  );
}
