import { useEffect, useRef, useState } from 'react';
import { browser } from '#imports';
import { sendMessage, type DatasetInfo, type SearchResult, type SeeAs } from '@/src/adapters/messaging';
import { readTableView } from '@/src/adapters/popup-table';
import { firstAnswer, type FirstAnswer, type Subject } from './first-answer';
import { audiences, type Audience } from '@/src/core/verdict';
import { enumKey, t } from '@/src/adapters/i18n';
import { errorReportUrl, markdownReport } from '@/src/core/report';
import type { VerdictView } from '@/src/core/verdict-view';
import { ProviderCard } from '@/src/ui/ProviderCard';
import datasetMeta from 'virtual:whose-cloud-dataset-meta';
import { todayUtc } from '@/src/core/dates';
import { formatReviewAge, isReviewStale, jurisdictionName } from '@/src/ui/intl';
import { SearchBox } from './components/SearchBox';

/** Where "Report an error" opens a prefilled issue; set WXT_ISSUES_URL at build time to the tracker's "new issue" page. */
const ISSUES_URL: string | undefined = import.meta.env.WXT_ISSUES_URL;

export function App({ locale, first, paintedSearch, today = todayUtc() }: {
  locale: string;
  /** The first subject and its card, read while the popup's code loaded (and drawn first by ./first-frame.ts); read here when not given. */
  first?: FirstAnswer;
  /** The painted frame's search box: what the person typed there, and its focus, carry over to React's. */
  paintedSearch?: HTMLInputElement | null;
  /** Fixed in tests; the dataset's age is measured against it. */
  today?: string;
}) {
  // Given the first answer, the first render is already the card: the same frame the popup painted before React loaded.
  const [subject, setSubject] = useState<Subject | null>(first?.subject ?? null);
  /** The first answer's card, used once for its own subject instead of reading storage again. */
  const primed = useRef<FirstAnswer | null>(first ?? null);
  const [tabUrl, setTabUrl] = useState<string | null>(first?.tabUrl ?? null);
  const [seeAs, setSeeAs] = useState<SeeAs>({});
  const [view, setView] = useState<VerdictView | null | undefined>(first?.view);
  const [query, setQuery] = useState(() => paintedSearch?.value ?? '');
  const [searchFocused] = useState(() => Boolean(paintedSearch) && paintedSearch === document.activeElement);
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [status, setStatus] = useState('');

  // The jurisdictions for "See as" come from the worker: ask once the card is up, so waking it never delays the card.
  const shown = view !== undefined;
  useEffect(() => {
    if (shown && !info) void sendMessage('getDatasetInfo', {}).then(setInfo);
  }, [shown, info]);

  useEffect(() => {
    if (first) return;
    void firstAnswer(new URLSearchParams(location.search).get('provider')).then((answer) => {
      primed.current = answer;
      setTabUrl(answer.tabUrl);
      setSubject(answer.subject);
    });
  }, [first]);

  useEffect(() => {
    if (!subject) return;
    const ready = primed.current?.subject === subject && !seeAs.home && !seeAs.audience ? primed.current.view : undefined;
    primed.current = null;
    if (ready !== undefined) {
      setView(ready);
      return;
    }
    let current = true;
    const ask = () =>
      subject.kind === 'provider'
        ? sendMessage('getProviderVerdict', { providerId: subject.providerId, ...seeAs })
        : subject.url
          ? sendMessage('getVerdictForUrl', { url: subject.url, ...seeAs })
          : Promise.resolve(null);
    // The settings' own verdict is in the page table: no need to wake the worker for it.
    const fromTable = seeAs.home || seeAs.audience || (subject.kind === 'tab' && !subject.url) ? Promise.resolve(undefined) : readTableView(subject.kind === 'provider' ? subject : { url: subject.url! });
    const answer = fromTable.then((view) => (view === undefined ? ask() : view));
    void answer.then((next) => current && setView(next));
    return () => {
      current = false;
    };
  }, [subject, seeAs]);

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    void sendMessage('searchProviders', { query, ...seeAs }).then((next) => current && setResults(next));
    return () => {
      current = false;
    };
  }, [query, seeAs]);

  const choose = (providerId: string) => {
    setQuery('');
    setStatus('');
    setSubject({ kind: 'provider', providerId });
  };

  // In the words the worker wrote with the table, as the first frame showed it.
  const age = formatReviewAge(datasetMeta.reviewed, today, locale, first?.words);

  const copyReport = async () => {
    if (!view) return;
    try {
      await navigator.clipboard.writeText(markdownReport(view, datasetMeta));
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  };

  return (
    <main className="popup">
      <header className="popup-head">
        <h1>{t('extName')}</h1>
        <button type="button" className="link-like" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>

      <SearchBox query={query} results={results} onQuery={setQuery} onChoose={choose} autoFocus={searchFocused} />

      {subject?.kind === 'provider' && tabUrl && (
        <button type="button" className="link-like back" onClick={() => setSubject({ kind: 'tab', url: tabUrl })}>
          ← {t('backToTab')}
        </button>
      )}

      <section className="subject" aria-live="polite">
        {view === undefined && <p className="muted">{t('loading')}</p>}
        {view === null && <p className="muted">{subject?.kind === 'tab' && subject.url ? t('currentTabUnknown') : t('currentTabUnavailable')}</p>}
        {view && (
          <>
            {view.pageKind && <p className="muted page-kind">{t('pageKindLabel', t(enumKey('pageKind', view.pageKind)))}</p>}
            <div className="toolbar">
              <span className="see-as">
                <label>
                  {t('seeAs')}{' '}
                  <select value={view.home.id} onChange={(event) => setSeeAs({ ...seeAs, home: event.target.value })}>
                    {/* Until the worker lists the jurisdictions, the reader's own home is the one choice (never an empty select). */}
                    {(info?.jurisdictions ?? [view.home]).map((j) => (
                      <option key={j.id} value={j.id}>
                        {jurisdictionName(j, locale)}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  {t('audienceLabel')}{' '}
                  <select value={view.audience} onChange={(event) => setSeeAs({ ...seeAs, audience: event.target.value as Audience })}>
                    {audiences.map((audience) => (
                      <option key={audience} value={audience}>
                        {t(enumKey('audience', audience))}
                      </option>
                    ))}
                  </select>
                </label>
              </span>
              <button type="button" onClick={() => void copyReport()}>
                {t('copyReport')}
              </button>
              {ISSUES_URL && info && (
                <a className="button-like" href={errorReportUrl(ISSUES_URL, view, info)} target="_blank" rel="noopener noreferrer">
                  {t('reportError')}
                </a>
              )}
            </div>
            <p role="status" className="status">
              {status}
            </p>
            <ProviderCard view={view} locale={locale} />
          </>
        )}
      </section>

      {isReviewStale(datasetMeta.reviewed, today) && (
        <p className="stale" role="note">
          {t('datasetStale', age)}
        </p>
      )}
      <footer className="popup-foot muted">{t('datasetInfo', [datasetMeta.version, age])}</footer>
    </main>
  );
}
