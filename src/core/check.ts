import type { Binds, Concern, PageKind } from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { reasonSentence } from './reason';
import { searchProviders } from './search';
import { verdictFor, type Audience, type Evidence, type Level, type Reader, type Relation } from './verdict';

/** One answer of the public command-line contract (DESIGN.md, "Command line"); fields are only ever added. */
export interface CheckResult {
  query: string;
  provider: { id: string; name: string; operator: string; jurisdiction: string } | null;
  pageKind: PageKind | null;
  level: Level | null;
  home: string;
  audience: Audience;
  /** One sentence naming the measure (or designation) behind the level, and its date; null without a level. */
  reason: string | null;
  actions: Array<{
    id: string;
    date: string;
    authority: string;
    jurisdiction: string;
    type: string;
    status: string;
    title: string;
    evidence: Evidence;
    binds: Binds[];
    concern: Concern;
    relation: Relation;
    /** The level this action gives the reader; null for context. */
    raises: Level | null;
    sources: Array<{ url: string; primary: boolean }>;
  }>;
}

/** The part of an answer that depends only on the provider and the reader, so a stream of queries can reuse it. */
export type ProviderAnswer = Omit<CheckResult, 'query' | 'pageKind'>;

/** The verdict on one provider for one reader, in the command line's shape. */
export function answerFor(providerId: string, index: DatasetIndex, reader: Reader, today: string): ProviderAnswer {
  const provider = index.providers.get(providerId);
  if (!provider) throw new Error(`unknown provider ${providerId}`);
  const verdict = verdictFor(provider, reader, index, today);
  return {
    provider: { id: provider.id, name: provider.name, operator: verdict.chain[0]!.name, jurisdiction: verdict.controlledFrom },
    level: verdict.level,
    home: reader.home,
    audience: reader.audience,
    reason: reasonSentence(verdict, index),
    actions: verdict.actions.map(({ action, authority, jurisdiction, evidence, relation, raises }) => ({
      id: action.id,
      date: action.date,
      authority: authority?.name ?? action.authority,
      jurisdiction,
      type: action.type,
      status: action.status,
      title: action.title,
      evidence,
      binds: action.binds,
      concern: action.concern,
      relation,
      raises,
      sources: action.sources.map(({ url, primary }) => ({ url, primary })),
    })),
  };
}

/** An answer for a query that names no provider in the dataset. */
export function noProvider(query: string, reader: Reader): CheckResult {
  return { query, provider: null, pageKind: null, level: null, home: reader.home, audience: reader.audience, reason: null, actions: [] };
}

/** Answers a query (URL, domain or name) for a reader; an unknown query gives `provider: null`. */
export function checkQuery(query: string, index: DatasetIndex, reader: Reader, today: string): CheckResult {
  const hit = searchProviders(query, index, 1)[0];
  if (!hit) return noProvider(query, reader);
  const { provider, ...answer } = answerFor(hit.provider.id, index, reader, today);
  return { query, provider, pageKind: hit.pageKind, ...answer };
}
