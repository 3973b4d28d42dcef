import type { VerdictView } from '@/src/core/verdict-view';
import { enumKey, t } from '@/src/adapters/i18n';
import { ActionList } from './ActionList';
import { LevelBadge } from './LevelBadge';
import { SourceLink } from './SourceLink';

function reasonText(view: VerdictView): string {
  const reason = view.reason;
  if (!reason) return t('levelHelp_none');
  if (reason.kind === 'concern') return t('reasonConcern', [reason.by.name, view.controlledFrom.name, reason.designation]);
  if (reason.kind === 'data-access-laws') return t('reasonLaws', view.controlledFrom.name);
  const action = view.actions.find((a) => a.id === reason.actionId);
  return action ? t('reasonAction', [action.authority, action.title]) : t(enumKey('levelHelp', view.level ?? 'none'));
}

/** Everything known about one provider for one home jurisdiction: level and why, control chain, laws, actions. */
export function ProviderCard({ view, locale }: { view: VerdictView; locale: string }) {
  return (
    <article className="provider-card" aria-labelledby="provider-name">
      <header className="card-head">
        <h2 id="provider-name">{view.provider.name}</h2>
        <LevelBadge level={view.level} />
      </header>
      <p className="verdict-line">
        {t('controlledFrom', [view.provider.name, view.controlledFrom.name])} · {t('levelFor', [t(enumKey('level', view.level ?? 'none')), view.home.name])}
      </p>
      <p className="why">{reasonText(view)}</p>

      <section aria-labelledby="chain-heading">
        <h3 id="chain-heading">{t('chainHeading')}</h3>
        <ol className="chain">
          {view.chain.map((entity) => (
            <li key={entity.id}>
              <strong>{entity.name}</strong>{' '}
              <span className="muted">{t('incorporatedHeadquartered', [entity.incorporatedIn.name, entity.headquarteredIn.name])}</span>
              {entity.relationToNext && <span className="relation"> — {entity.relationToNext}</span>}
            </li>
          ))}
        </ol>
      </section>

      {view.laws.length > 0 && (
        <section aria-labelledby="laws-heading">
          <h3 id="laws-heading">{t('lawsHeading', view.controlledFrom.name)}</h3>
          <ul className="laws">
            {view.laws.map((law) => (
              <li key={law.id}>
                <details>
                  <summary>{law.name}</summary>
                  <p>{law.summary}</p>
                  <ul className="sources">
                    {law.sources.map((source) => (
                      <SourceLink key={source.url} source={source} />
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="actions-heading">
        <h3 id="actions-heading">{t('actionsHeading', String(view.actions.length))}</h3>
        <ActionList actions={view.actions} locale={locale} />
      </section>
      <p className="fineprint">{t('notLegalAdvice')}</p>
    </article>
  );
}
