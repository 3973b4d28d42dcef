import type { PageKind } from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { searchProviders } from './search';
import { verdictFor, type Level } from './verdict';

/** One answer of the public command-line contract (DESIGN.md, "Command line"). */
export interface CheckResult {
  query: string;
  provider: { id: string; name: string; operator: string; jurisdiction: string } | null;
  pageKind: PageKind | null;
  level: Level | null;
  actions: Array<{
    id: string;
    date: string;
    authority: string;
    jurisdiction: string;
    type: string;
    status: string;
    title: string;
    sources: Array<{ url: string; primary: boolean }>;
  }>;
}

/** Answers a query (URL, domain or name) for a home jurisdiction; an unknown query gives `provider: null`. */
export function checkQuery(query: string, index: DatasetIndex, home: string, today: string): CheckResult {
  const hit = searchProviders(query, index, 1)[0];
  if (!hit) return { query, provider: null, pageKind: null, level: null, actions: [] };
  const verdict = verdictFor(hit.provider, home, index, today);
  return {
    query,
    provider: {
      id: hit.provider.id,
      name: hit.provider.name,
      operator: verdict.chain[0]!.name,
      jurisdiction: verdict.controlledFrom,
    },
    pageKind: hit.pageKind,
    level: verdict.level,
    actions: verdict.actions.map(({ action, authority, jurisdiction }) => ({
      id: action.id,
      date: action.date,
      authority: authority?.name ?? action.authority,
      jurisdiction,
      type: action.type,
      status: action.status,
      title: action.title,
      sources: action.sources.map(({ url, primary }) => ({ url, primary })),
    })),
  };
}
