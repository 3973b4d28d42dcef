import { enumKey, type Translate } from '@/src/adapters/i18n';
import { bindsKey, isOwnAction, type ActionSummary, type BannerAction, type VerdictView } from '@/src/core/verdict-view';
import { endedStatuses } from '@/src/core/vocabulary';
import { formatList, formatPartialDate, jurisdictionName, type NamedJurisdiction } from './intl';

/** A date of the view as the worker wrote it for the reader, or formatted here where it did not. */
export function dateText(view: Pick<VerdictView, 'localised'>, date: string, locale: string): string {
  return (view.localised?.locale === locale && view.localised.dates[date]) || formatPartialDate(date, locale);
}

/** A jurisdiction of the view in the reader's language: as the worker wrote it, or named here. */
export function placeName(view: Pick<VerdictView, 'localised'>, place: NamedJurisdiction, locale: string): string {
  return view.localised?.locale === locale ? place.name : jurisdictionName(place, locale);
}

/** The view written in the reader's language (jurisdiction names, dates, lists), for pages that should not pay for Intl themselves. */
export function localiseView(view: VerdictView, locale: string, t: Translate): VerdictView {
  const dates: Record<string, string> = {};
  const binds: Record<string, string> = {};
  for (const action of view.actions) {
    for (const date of [action.date, action.end]) if (date) dates[date] ??= formatPartialDate(date, locale);
    binds[bindsKey(action.binds)] ??= bindsList(action, t, locale);
  }
  const place = <T extends NamedJurisdiction>(ref: T): T => ({ ...ref, name: jurisdictionName(ref, locale) });
  return {
    ...view,
    home: place(view.home),
    controlledFrom: place(view.controlledFrom),
    chain: view.chain.map((entity) => ({ ...entity, incorporatedIn: place(entity.incorporatedIn), headquarteredIn: place(entity.headquarteredIn) })),
    actions: view.actions.map((action) => ({ ...action, jurisdiction: place(action.jurisdiction) })),
    reason: view.reason?.kind === 'concern' ? { ...view.reason, by: place(view.reason.by) } : view.reason,
    localised: { locale, dates, binds },
  };
}

/** Why the verdict has its level, in the reader's language, naming the measure and its date. */
export function reasonText(view: Pick<VerdictView, 'reason' | 'level' | 'controlledFrom' | 'localised'> & { actions: readonly BannerAction[] }, t: Translate, locale: string): string {
  const { reason } = view;
  if (!reason) return t('levelHelp_none');
  const place = (ref: NamedJurisdiction) => placeName(view, ref, locale);
  if (reason.kind === 'concern') return t('reasonConcern', [place(reason.by), place(view.controlledFrom), reason.designation]);
  if (reason.kind === 'data-access-laws') return t('reasonLaws', place(view.controlledFrom));
  const action = view.actions.find((a) => a.id === reason.actionId);
  if (!action) return t(enumKey('levelHelp', view.level ?? 'none'));
  const by = action.authorityShort ?? action.authority;
  const date = dateText(view, action.date, locale);
  if (reason.owner) return t('reasonOwner', [reason.owner, action.title, by, date]);
  if (action.evidence === 'unconfirmed') return t('reasonUnconfirmed', [action.title, by, date]);
  return t('reasonAction', [action.title, by, date]);
}

/** "Binds: government bodies and government contractors", with the list as the worker wrote it for the reader where it did. */
export function bindsText(view: Pick<VerdictView, 'localised'>, action: Pick<ActionSummary, 'binds'>, t: Translate, locale: string): string {
  return t('bindsLabel', (view.localised?.locale === locale && view.localised.binds[bindsKey(action.binds)]) || bindsList(action, t, locale));
}

const bindsList = (action: Pick<ActionSummary, 'binds'>, t: Translate, locale: string) => formatList(action.binds.map((b) => t(enumKey('binds', b))), locale);

/** Whether an action no longer applies (struck through in the timeline). */
export function isEnded(action: ActionSummary): boolean {
  return endedStatuses.includes(action.status);
}

/** The provider's own actions (its operator and controlling owners), then those on minority shareholders, then on other companies of its group. */
export function splitByRelation(actions: ActionSummary[]): { own: ActionSummary[]; shareholders: ActionSummary[]; group: ActionSummary[] } {
  return {
    own: actions.filter(isOwnAction),
    shareholders: actions.filter((a) => a.relation === 'shareholder'),
    group: actions.filter((a) => a.relation === 'group'),
  };
}
