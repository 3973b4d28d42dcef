import type { VerdictView } from '@/src/core/verdict-view';
import { enumKey, t } from '@/src/adapters/i18n';
import { ActionList } from './ActionList';
import { LevelBadge } from './LevelBadge';
import { SourceLink } from './SourceLink';
import { placeName, reasonText, splitByRelation } from './describe';
import type { NamedJurisdiction } from './intl';

/** Measures shown for context under their own heading: they name a minority shareholder or another company of the group. */
function ContextSection(props: { id: string; heading: string; help: string; actions: VerdictView['actions']; locale: string; view: VerdictView }) {
  if (props.actions.length === 0) return null;
  return (
    <section aria-labelledby={props.id} className="group">
      <h3 id={props.id}>{props.heading}</h3>
      <p className="muted">{props.help}</p>
      <ActionList actions={props.actions} locale={props.locale} view={props.view} />
    </section>
  );
}

/** Everything known about one provider for one reader (home and audience): level and why, control chain, laws, actions; and the organisation's approval. */
export function ProviderCard({ view, locale }: { view: VerdictView & { approved?: boolean }; locale: string }) {
  const { own, shareholders, group } = splitByRelation(view.actions);
  const place = (ref: NamedJurisdiction) => placeName(view, ref, locale);
  return (
    <article className="provider-card" aria-labelledby="provider-name">
      <header className="card-head">
        <h2 id="provider-name">{view.provider.name}</h2>
        <LevelBadge level={view.level} />
      </header>
      {view.approved && <p className="approved-note">{t('approvedLabel')}</p>}
      <p className="verdict-line">
        {t('controlledFrom', [view.provider.name, place(view.controlledFrom)])} ·{' '}
        {t('levelFor', [t(enumKey('level', view.level ?? 'none')), place(view.home), t(enumKey('audience', view.audience))])}
      </p>
      <p className="why">{reasonText(view, t, locale)}</p>

      <section aria-labelledby="chain-heading">
        <h3 id="chain-heading">{t('chainHeading')}</h3>
        <ol className="chain">
          {view.chain.map((entity) => (
            <li key={entity.id}>
              <strong>{entity.name}</strong>{' '}
              <span className="muted">{t('incorporatedHeadquartered', [place(entity.incorporatedIn), place(entity.headquarteredIn)])}</span>
              {entity.relationToNext && <span className="relation"> — {entity.relationToNext}</span>}
              {entity.ownersNote && <p className="note">{t('noteLabel')} {entity.ownersNote}</p>}
            </li>
          ))}
        </ol>
      </section>

      {view.laws.length > 0 && (
        <section aria-labelledby="laws-heading">
          <h3 id="laws-heading">{t('lawsHeading', place(view.controlledFrom))}</h3>
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
        <h3 id="actions-heading">{t('actionsHeading', String(own.length))}</h3>
        {own.length > 0 ? <ActionList actions={own} locale={locale} view={view} /> : <p className="empty">{t('noActions')}</p>}
      </section>
      <ContextSection id="shareholders-heading" heading={t('shareholdersHeading', String(shareholders.length))} help={t('shareholdersHelp')} actions={shareholders} locale={locale} view={view} />
      <ContextSection id="group-heading" heading={t('groupHeading', String(group.length))} help={t('groupHelp')} actions={group} locale={locale} view={view} />
      <p className="fineprint">{t('notLegalAdvice')}</p>
    </article>
  );
}
