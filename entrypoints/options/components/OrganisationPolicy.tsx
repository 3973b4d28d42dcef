import { useEffect, useId, useState } from 'react';
import { browser } from '#imports';
import { sendMessage, type OrganisationPolicy as Policy } from '@/src/adapters/messaging';
import { enumKey, t } from '@/src/adapters/i18n';
import { stopLogCsv } from '@/src/core/stop-log';
import { downloadText } from '@/src/ui/dom';
import { formatList } from '@/src/ui/intl';

/** "2 Dec 2026, 14:05" in the reader's language and time zone. */
function formatTime(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale.replaceAll('_', '-'), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** The organisation's approvals and stop, and this browser's log of stops and proceeds with its CSV export (issue 14). */
export function OrganisationPolicy({ locale }: { locale: string }) {
  const id = useId();
  const [policy, setPolicy] = useState<Policy | null>(null);

  useEffect(() => {
    const load = () => void sendMessage('getOrganisationPolicy', {}).then(setPolicy, () => undefined);
    load();
    // A stop in another tab, or a policy that lands late, shows at once.
    browser.storage.onChanged.addListener(load);
    return () => browser.storage.onChanged.removeListener(load);
  }, []);

  if (!policy || (policy.approved.length === 0 && !policy.stop && policy.log.length === 0)) return null;
  const { approved, stop, log } = policy;

  const exportCsv = () => downloadText('whose-cloud-stops.csv', stopLogCsv(log), 'text/csv;charset=utf-8');

  return (
    <fieldset className="field organisation">
      <legend>{t('organisationHeading')}</legend>
      {approved.length > 0 && <p>{t('approvedProvidersLabel', formatList(approved.map((p) => p.name), locale))}</p>}
      {stop && (
        <p>
          {t('stopRuleSummary', [formatList(stop.pageKinds.map((kind) => t(enumKey('pageKind', kind))), locale), t(enumKey('level', stop.level))])}{' '}
          {t(stop.allowProceed ? 'stopRuleProceed' : 'stopRuleNoProceed')}
        </p>
      )}
      <h2 id={`${id}-log`} className="log-heading">
        {t('stopLogHeading', String(log.length))}
      </h2>
      <p className="muted">{t('stopLogHelp')}</p>
      {log.length === 0 ? (
        <p className="muted">{t('stopLogEmpty')}</p>
      ) : (
        <div className="log-scroll">
          <table className="stop-log" aria-labelledby={`${id}-log`}>
            <thead>
              <tr>
                <th scope="col">{t('stopLogTime')}</th>
                <th scope="col">{t('stopLogEvent')}</th>
                <th scope="col">{t('stopLogProvider')}</th>
                <th scope="col">{t('stopLogPage')}</th>
                <th scope="col">{t('stopLogLevel')}</th>
                <th scope="col">{t('stopLogReason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...log].reverse().map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td>
                    <time dateTime={entry.at}>{formatTime(entry.at, locale)}</time>
                  </td>
                  <td>{t(entry.event === 'stopped' ? 'stopEvent_stopped' : 'stopEvent_proceeded')}</td>
                  <td>{entry.provider}</td>
                  <td>{t(enumKey('pageKind', entry.pageKind))}</td>
                  <td>{t(enumKey('level', entry.level))}</td>
                  <td>{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" onClick={exportCsv} disabled={log.length === 0}>
          {t('stopLogExport')}
        </button>
      </p>
    </fieldset>
  );
}
