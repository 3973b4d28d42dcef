import type { Source } from '@/src/core/dataset-schema';
import { t } from '@/src/adapters/i18n';

/** A citation: publisher, title and whether it is the authority's own publication. Only https links open. */
export function SourceLink({ source }: { source: Source }) {
  const label = `${source.publisher}: ${source.title}`;
  return (
    <li className="source">
      {source.url.startsWith('https://') ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}{' '}
      <span className={source.primary ? 'tag primary' : 'tag'}>{t(source.primary ? 'primarySource' : 'pressSource')}</span>
    </li>
  );
}
