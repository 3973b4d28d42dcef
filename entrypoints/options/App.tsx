import { useEffect, useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { browser } from '#imports';
import { sendMessage, type DatasetInfo, type SettingsState } from '@/src/adapters/messaging';
import { enumKey, t } from '@/src/adapters/i18n';
import { pageKinds } from '@/src/core/vocabulary';
import { bannerPositions, parseSettingsFile, settingsFile, type Settings } from '@/src/core/settings';
import { audiences, levels } from '@/src/core/verdict';
import { todayUtc } from '@/src/core/dates';
import { downloadText } from '@/src/ui/dom';
import { formatReviewAge, jurisdictionName } from '@/src/ui/intl';
import { OrganisationPolicy } from './components/OrganisationPolicy';

function Locked({ when }: { when: boolean }) {
  return when ? <span className="locked">{t('lockedByPolicy')}</span> : null;
}

function Field({ label, help, children }: { label: ReactNode; help?: string; children: ReactNode }) {
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      {help && <p className="muted">{help}</p>}
      {children}
    </fieldset>
  );
}

export function App() {
  const id = useId();
  const [state, setState] = useState<SettingsState | null>(null);
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const load = () => void sendMessage('getSettings', {}).then(setState);
    load();
    void sendMessage('getDatasetInfo', {}).then(setInfo);
    // A policy that arrives late, or a change made in another window, shows at once.
    browser.storage.onChanged.addListener(load);
    return () => browser.storage.onChanged.removeListener(load);
  }, []);

  if (!state || !info) return <p className="muted">{t('loading')}</p>;
  const { settings, effective, localeHome, dismissals } = state;
  const locked = new Set(effective.locked);
  const locale = browser.i18n.getUILanguage();
  const place = (code: string) => jurisdictionName(info.jurisdictions.find((j) => j.id === code) ?? { id: code, name: code }, locale);

  const save = async (next: Settings, message = t('saved')) => {
    setState(await sendMessage('saveSettings', { settings: next }));
    setStatus(message);
  };
  const update = (patch: Partial<Settings>) => void save({ ...settings, ...patch });

  const exportSettings = () => downloadText('whose-cloud-settings.json', settingsFile(settings), 'application/json');
  const importSettings = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseSettingsFile(await file.text());
    if (parsed.ok) await save(parsed.settings, t('importDone'));
    else setStatus(t('importFailed', parsed.error));
  };

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <p className="muted">{t('privacyNote')}</p>

      <Field label={<label htmlFor={`${id}-home`}>{t('homeLabel')}</label>} help={t('homeHelp')}>
        <select
          id={`${id}-home`}
          disabled={locked.has('home')}
          value={locked.has('home') ? effective.home : (settings.home ?? '')}
          onChange={(event) => update({ home: event.target.value || null })}
        >
          <option value="">{t('homeAuto', place(localeHome))}</option>
          {info.jurisdictions.map((j) => (
            <option key={j.id} value={j.id}>
              {jurisdictionName(j, locale)}
            </option>
          ))}
        </select>{' '}
        <Locked when={locked.has('home')} />
      </Field>

      <Field label={<label htmlFor={`${id}-audience`}>{t('audienceFieldLabel')}</label>} help={t('audienceHelp')}>
        <select
          id={`${id}-audience`}
          disabled={locked.has('audience')}
          value={effective.audience}
          onChange={(event) => update({ audience: event.target.value as Settings['audience'] })}
        >
          {audiences.map((audience) => (
            <option key={audience} value={audience}>
              {t(enumKey('audience', audience))}
            </option>
          ))}
        </select>{' '}
        <Locked when={locked.has('audience')} />
      </Field>

      <Field label={<label htmlFor={`${id}-level`}>{t('minimumLevelLabel')}</label>}>
        <select
          id={`${id}-level`}
          disabled={locked.has('minimumLevel')}
          value={effective.minimumLevel}
          onChange={(event) => update({ minimumLevel: event.target.value as Settings['minimumLevel'] })}
        >
          {levels.map((level) => (
            <option key={level} value={level}>
              {t(enumKey('level', level))}
            </option>
          ))}
        </select>{' '}
        <Locked when={locked.has('minimumLevel')} />
      </Field>

      <Field label={t('pageKindsLabel')}>
        {pageKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="checkbox"
              checked={settings.pageKinds.includes(kind)}
              onChange={(event) =>
                update({ pageKinds: event.target.checked ? [...settings.pageKinds, kind] : settings.pageKinds.filter((k) => k !== kind) })
              }
            />{' '}
            {t(enumKey('pageKind', kind))}
          </label>
        ))}
      </Field>

      <Field label={t('positionLabel')}>
        {bannerPositions.map((position) => (
          <label key={position} className="choice">
            <input type="radio" name={`${id}-position`} checked={settings.position === position} onChange={() => update({ position })} />{' '}
            {t(position === 'top' ? 'position_top' : 'position_bottom')}
          </label>
        ))}
      </Field>

      <Field label={t('dismissalsHeading')}>
        {effective.allowDismiss ? (
          <>
            <p>{t('dismissalsSummary', [String(dismissals.muted.length), String(Object.values(dismissals.snoozedUntil).filter((until) => until > Date.now()).length)])}</p>
            <button
              type="button"
              onClick={() => void sendMessage('clearDismissals', {}).then(() => sendMessage('getSettings', {})).then((next) => (setState(next), setStatus(t('saved'))))}
            >
              {t('clearDismissals')}
            </button>
          </>
        ) : (
          <p>
            {t('dismissNotAllowed')} <Locked when />
          </p>
        )}
      </Field>

      <OrganisationPolicy locale={locale} />

      <Field label={t('transferHeading')}>
        <button type="button" onClick={exportSettings}>
          {t('exportSettings')}
        </button>{' '}
        <label className="file-button">
          {t('importSettings')}
          <input type="file" accept="application/json,.json" onChange={(event) => void importSettings(event)} />
        </label>
      </Field>

      <p role="status" className="status">
        {status}
      </p>
      <p className="muted fineprint">{t('datasetInfo', [info.version, formatReviewAge(info.reviewed, todayUtc(), locale)])}</p>
    </main>
  );
}
