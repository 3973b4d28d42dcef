import { useId, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '@/src/adapters/messaging';
import { t } from '@/src/adapters/i18n';
import { LevelBadge } from '@/src/ui/LevelBadge';

interface Props {
  query: string;
  results: SearchResult[] | null;
  onQuery(query: string): void;
  onChoose(providerId: string): void;
  autoFocus?: boolean;
}

/** A combobox: type a name, alias, domain or URL; arrows move through the results, Enter opens one. */
export function SearchBox({ query, results, onQuery, onChoose, autoFocus }: Props) {
  const id = useId();
  const [active, setActive] = useState(0);
  const open = results !== null && query.trim() !== '';
  const count = results?.length ?? 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + count) % count);
    } else if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      onChoose(results![Math.min(active, count - 1)]!.providerId);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };

  return (
    <div className="search">
      <label htmlFor={`${id}-input`}>{t('searchLabel')}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        autoFocus={autoFocus}
        spellCheck={false}
        placeholder={t('searchPlaceholder')}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={open && count > 0 ? optionId(Math.min(active, count - 1)) : undefined}
        value={query}
        onChange={(event) => {
          setActive(0);
          onQuery(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="hint muted">
        {t('searchHint')}
      </p>
      <ul id={`${id}-listbox`} role="listbox" aria-label={t('resultsLabel')} className="results" hidden={!open}>
        {open && count === 0 && (
          <li className="no-results" role="presentation">
            {t('noResults')}
          </li>
        )}
        {results?.map((result, i) => (
          <li
            key={result.providerId}
            id={optionId(i)}
            role="option"
            aria-selected={i === Math.min(active, count - 1)}
            className="result"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(result.providerId)}
          >
            <span className="result-name">{result.name}</span>
            <span className="result-meta muted">
              {result.controlledFrom.name}
              {result.matched !== result.name && ` · ${result.matched}`}
            </span>
            <LevelBadge level={result.level} />
          </li>
        ))}
      </ul>
    </div>
  );
}
