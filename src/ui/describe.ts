import { enumKey, type Translate } from '@/src/adapters/i18n';
import type { ActionSummary, VerdictView } from '@/src/core/verdict-view';
import { endedStatuses } from '@/src/core/vocabulary';
import { formatPartialDate } from './format';

/** Why the verdict has its level, in the reader's language, naming the measure and its date. */
export function reasonText(view: VerdictView, t: Translate, locale: string): string {
  const { reason } = view;
  if (!reason) return t('levelHelp_none');
  if (reason.kind === 'concern') return t('reasonConcern', [reason.by.name, view.controlledFrom.name, reason.designation]);
  if (reason.kind === 'data-access-laws') return t('reasonLaws', view.controlledFrom.name);
  const action = view.actions.find((a) => a.id === reason.actionId);
  if (!action) return t(enumKey('levelHelp', view.level ?? 'none'));
  const by = action.authorityShort ?? action.authority;
  const date = formatPartialDate(action.date, locale);
  if (reason.owner) return t('reasonOwner', [reason.owner, action.title, by, date]);
  if (action.evidence === 'unconfirmed') return t('reasonUnconfirmed', [action.title, by, date]);
  return t('reasonAction', [action.title, by, date]);
}

/** "Binds: government bodies, government contractors". */
export function bindsText(action: ActionSummary, t: Translate): string {
  return t('bindsLabel', action.binds.map((b) => t(enumKey('binds', b))).join(', '));
}

/** Whether an action no longer applies (struck through in the timeline). */
export function isEnded(action: ActionSummary): boolean {
  return endedStatuses.includes(action.status);
}

/** The provider's own actions (its operator and controlling owners), then those on minority shareholders, then on other companies of its group. */
export function splitByRelation(actions: ActionSummary[]): { own: ActionSummary[]; shareholders: ActionSummary[]; group: ActionSummary[] } {
  return {
    own: actions.filter((a) => a.relation === 'operator' || a.relation === 'parent'),
    shareholders: actions.filter((a) => a.relation === 'shareholder'),
    group: actions.filter((a) => a.relation === 'group'),
  };
}
