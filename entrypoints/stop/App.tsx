import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from '#imports';
import { sendMessage, type StopNotice } from '@/src/adapters/messaging';
import { enumKey, t } from '@/src/adapters/i18n';
import { MAX_PROCEED_REASON } from '@/src/core/stop-log';
import { LevelBadge } from '@/src/ui/LevelBadge';
import { reasonText } from '@/src/ui/describe';
import { jurisdictionName } from '@/src/ui/intl';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'gone'; url: string | null } | { kind: 'notice'; notice: StopNotice };

/** The stopped page's address, as the worker put it in ours; only a web address is ever linked. */
function stoppedUrl(): string | null {
  const url = new URLSearchParams(location.search).get('url');
  return url && /^https?:\/\//.test(url) ? url : null;
}

/** A contact the policy gave: a link only for https: and mailto:, shown without the "mailto:". */
function Contact({ contact }: { contact: string }) {
  if (!/^(https:|mailto:)/i.test(contact)) return null;
  return (
    <p className="stop-contact">
      {t('stopContactLabel')}{' '}
      <a href={contact} target="_blank" rel="noopener noreferrer">
        {contact.replace(/^mailto:/i, '')}
      </a>
    </p>
  );
}

/** The full-page notice that takes a stopped provider page's place: level, reason, the organisation's words, and, where allowed, "Continue anyway". */
export function App({ locale }: { locale: string }) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    sendMessage('getStopNotice', {}).then(
      (notice) => setState(notice ? { kind: 'notice', notice } : { kind: 'gone', url: stoppedUrl() }),
      () => setState({ kind: 'failed' }),
    );
  }, []);

  const closeTab = async () => {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  };

  const proceed = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    setError('');
    try {
      await sendMessage('proceedStop', { reason: reason.trim() });
    } catch {
      setError(t('stopProceedFailed'));
    }
  };

  if (state.kind === 'loading') return <main className="stop" aria-busy="true"><p className="muted">{t('loading')}</p></main>;
  if (state.kind !== 'notice') {
    return (
      <main className="stop">
        <h1>{t('stopTitle')}</h1>
        {state.kind === 'gone' && (
          <p>
            {t('stopNoLonger')}{' '}
            {state.url && <a href={state.url}>{t('stopOpenPage')}</a>}
          </p>
        )}
      </main>
    );
  }

  const { notice } = state;
  const { view, rule } = notice;
  const level = view.level ?? rule.level;
  return (
    <main className={`stop stop-${level}`} aria-labelledby={`${id}-title`}>
      <p className="stop-brand">{t('extName')}</p>
      <h1 id={`${id}-title`}>{t('stopTitle')}</h1>
      <p className="stop-page">{t('stopPageLine', [view.provider.name, t(enumKey('pageKind', notice.pageKind)), notice.host])}</p>

      <section className="stop-verdict" aria-labelledby={`${id}-level`}>
        <p id={`${id}-level`} className="stop-level">
          <LevelBadge level={level} />{' '}
          {t('levelFor', [t(enumKey('level', level)), jurisdictionName(view.home, locale), t(enumKey('audience', view.audience))])}
        </p>
        <p className="stop-why">{reasonText(view, t, locale)}</p>
        <p className="muted">{t('controlledFrom', [view.provider.name, jurisdictionName(view.controlledFrom, locale)])}</p>
      </section>

      {rule.message && (
        <section className="stop-message" aria-labelledby={`${id}-message`}>
          <h2 id={`${id}-message`}>{t('stopMessageHeading')}</h2>
          <p>{rule.message}</p>
        </section>
      )}
      {rule.contact && <Contact contact={rule.contact} />}

      <div className="stop-actions">
        <button type="button" onClick={() => void closeTab()}>
          {t('stopClose')}
        </button>
        <a className="button-like" href={`/popup.html?provider=${encodeURIComponent(view.provider.id)}`} target="_blank" rel="noopener noreferrer">
          {t('fullDetails')}
        </a>
        {rule.allowProceed && !asking && (
          <button type="button" className="quiet" onClick={() => setAsking(true)}>
            {t('stopContinue')}
          </button>
        )}
      </div>

      {!rule.allowProceed && <p className="muted">{t('stopNoProceed')}</p>}
      {rule.allowProceed && asking && (
        <form className="stop-reason" onSubmit={(event) => void proceed(event)}>
          <label htmlFor={`${id}-reason`}>{t('stopReasonLabel')}</label>
          <textarea
            id={`${id}-reason`}
            required
            autoFocus
            rows={3}
            maxLength={MAX_PROCEED_REASON}
            value={reason}
            aria-describedby={`${id}-reason-help`}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${id}-reason-help`} className="muted">
            {t('stopReasonHelp', String(MAX_PROCEED_REASON))}
          </p>
          <div className="stop-actions">
            <button type="submit" disabled={!reason.trim()}>
              {t('stopProceed')}
            </button>
            <button type="button" className="quiet" onClick={() => (setAsking(false), setReason(''))}>
              {t('cancel')}
            </button>
          </div>
          <p role="alert" className="stop-error">
            {error}
          </p>
        </form>
      )}
      <p className="fineprint">{t('notLegalAdvice')}</p>
    </main>
  );
}
