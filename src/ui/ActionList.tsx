import type { ActionSummary, VerdictView } from '@/src/core/verdict-view';
import { enumKey, t } from '@/src/adapters/i18n';
import { bindsText, dateText, isEnded, placeName } from './describe';

import { SourceLink } from './SourceLink';

function ActionItem({ action, locale, view }: { action: ActionSummary; locale: string; view: Pick<VerdictView, 'localised'> }) {
  const date = (d: string) => dateText(view, d, locale);
  const ended = isEnded(action);
  return (
    <li className={`action${ended ? ' ended' : ''}${action.atHome ? ' home' : ''}`}>
      <p className="action-head">
        <time dateTime={action.date}>{date(action.date)}</time> <strong>{action.title}</strong>
      </p>
      <p className="action-meta">
        {action.authority} ({placeName(view, action.jurisdiction, locale)}) · {t(enumKey('type', action.type))} ·{' '}
        <span className={`status status-${action.status}`}>{t(enumKey('status', action.status))}</span>
        {action.end && ended && <> · {t('endedOn', date(action.end))}</>}
        {action.atHome && <> · {t('inYourJurisdiction')}</>}
      </p>
      <p className="action-facts">
        <span className={`evidence evidence-${action.evidence}`}>{t(enumKey('evidence', action.evidence))}</span> · <span className="binds">{bindsText(action, t, locale)}</span>
      </p>
      <p className="summary">{action.summary}</p>
      {action.note && <p className="note">{t('noteLabel')} {action.note}</p>}
      <ul className="sources" aria-label={t('sources')}>
        {action.sources.map((source) => (
          <SourceLink key={source.url} source={source} />
        ))}
      </ul>
    </li>
  );
}

/** A timeline of actions, most relevant first, ended ones marked as such. */
export function ActionList({ actions, locale, view }: { actions: ActionSummary[]; locale: string; view: Pick<VerdictView, 'localised'> }) {
  return (
    <ol className="actions">
      {actions.map((action) => (
        <ActionItem key={action.id} action={action} locale={locale} view={view} />
      ))}
    </ol>
  );
}
