import type { Entity, PageKind, Provider } from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { matchUrl } from './url-matcher';

export interface SearchHit {
  provider: Provider;
  /** The page kind when the query was a URL or a domain; null for a name search. */
  pageKind: PageKind | null;
  /** The name, alias, company name or host the query matched. */
  matched: string;
  score: number;
}

const domainPattern = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+\.?(:\d+)?(\/\S*)?$/u;

/** Folds case, width and accents so "ALIBABA", "Ａｌｉｂａｂａ" and "alibaba" meet. */
export function normaliseName(text: string): string {
  // Unicode normalisation leaves ASCII as it is, and a log of URLs is almost all ASCII.
  if (/^[\0-\x7f]*$/.test(text)) return text.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

export type QueryKind = 'url' | 'domain' | 'name';

/** A URL has a scheme; a domain is dotted labels without spaces; anything else is a name. */
export function classifyQuery(query: string): QueryKind {
  const trimmed = query.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return 'url';
  return domainPattern.test(trimmed) ? 'domain' : 'name';
}

/** A name, alias, company name or host as search compares it: folded once per index, not once per query. */
interface Candidate {
  text: string;
  folded: string;
  words: string[];
  penalty: number;
}

interface PreparedSearch {
  candidates: Array<{ provider: Provider; candidates: Candidate[] }>;
  /** Each provider's first name or alias with a given folded form, in provider order. */
  exactNames: Map<string, Array<{ provider: Provider; name: string }>>;
  /** No folded query longer than every candidate can score. */
  longest: number;
  /** Every folded candidate in one string: a query found in none of them is turned away with one search. */
  haystack: string;
}

function nameScore(query: string, { folded, words }: Candidate): number {
  if (folded === query) return 100;
  if (folded.startsWith(query)) return 80;
  if (words.some((word) => word.startsWith(query))) return 60;
  return folded.includes(query) ? 40 : 0;
}

/** The operator and its parents whose link has not ended, so "ByteDance" finds its clouds. */
function ownersOf(provider: Provider, index: DatasetIndex): Entity[] {
  const owners: Entity[] = [];
  const queue = [provider.operator as string];
  while (queue.length > 0) {
    const entity = index.entities.get(queue.shift()!);
    if (!entity || owners.includes(entity)) continue;
    owners.push(entity);
    queue.push(...entity.parents.filter((link) => !link.to).map((link) => link.entity));
  }
  return owners;
}

// An index never changes once built, so what search derives from it is kept beside it.
const preparedSearches = new WeakMap<DatasetIndex, PreparedSearch>();

function prepareSearch(index: DatasetIndex): PreparedSearch {
  const known = preparedSearches.get(index);
  if (known) return known;
  const candidate = (text: string, penalty: number): Candidate => {
    const folded = normaliseName(text);
    return { text, folded, words: folded.split(' '), penalty };
  };
  const exactNames = new Map<string, Array<{ provider: Provider; name: string }>>();
  const candidates = [...index.providers.values()].map((provider) => {
    for (const name of [provider.name, ...provider.aliases]) {
      const folded = normaliseName(name);
      const hits = exactNames.get(folded) ?? [];
      if (!hits.some((hit) => hit.provider === provider)) exactNames.set(folded, [...hits, { provider, name }]);
    }
    return {
      provider,
      candidates: [
        ...[provider.name, ...provider.aliases].map((name) => candidate(name, 0)),
        ...ownersOf(provider, index).flatMap((owner, depth) => [owner.name, ...owner.otherNames].map((name) => candidate(name, depth === 0 ? 15 : 20))),
        ...provider.hosts.map((rule) => candidate(rule.host, 25)),
      ],
    };
  });
  const folded = candidates.flatMap((entry) => entry.candidates.map((c) => c.folded));
  const prepared = { candidates, exactNames, longest: Math.max(0, ...folded.map((text) => text.length)), haystack: folded.join('\n') };
  preparedSearches.set(index, prepared);
  return prepared;
}

/**
 * Every provider name and alias folded as search folds a query, with the provider an exact search finds first:
 * how a bare domain that no host rule covers is still found ("Яндекс.Облако").
 */
export function foldedProviderNames(index: DatasetIndex): Array<{ folded: string; provider: Provider; name: string }> {
  return [...prepareSearch(index).exactNames].map(([folded, [first]]) => ({ folded, provider: first!.provider, name: first!.name }));
}

/**
 * Providers for a query, best first: a URL or domain by the URL matcher (one hit at most),
 * a domain no host rule covers by exact provider name or alias only,
 * anything else by provider name and alias, then operator names, then hosts.
 */
export function searchProviders(query: string, index: DatasetIndex, limit = 10): SearchHit[] {
  const kind = classifyQuery(query);
  if (kind !== 'name') {
    const trimmed = query.trim();
    const match = matchUrl(kind === 'url' ? trimmed : `https://${trimmed}`, index);
    if (match) return [{ provider: match.provider, pageKind: match.pageKind, matched: match.host, score: 100 }].slice(0, limit);
    if (kind === 'url') return [];
    // A dotted name such as "Яндекс.Облако" reads as a domain too, so its exact name or alias still finds the provider.
    const exact = prepareSearch(index).exactNames.get(normaliseName(trimmed)) ?? [];
    return exact.map(({ provider, name }) => ({ provider, pageKind: null, matched: name, score: 100 })).slice(0, limit);
  }
  const wanted = normaliseName(query);
  const prepared = prepareSearch(index);
  // Every score needs the query inside a candidate, so one that is in none scores nothing.
  if (wanted.length === 0 || wanted.length > prepared.longest || !prepared.haystack.includes(wanted)) return [];
  const hits: SearchHit[] = [];
  for (const { provider, candidates } of prepared.candidates) {
    let best: SearchHit | null = null;
    for (const candidate of candidates) {
      const raw = nameScore(wanted, candidate);
      const score = raw > 0 ? raw - candidate.penalty : 0;
      if (score > (best?.score ?? 0)) best = { provider, pageKind: null, matched: candidate.text, score };
    }
    if (best) hits.push(best);
  }
  return hits
    .sort((a, b) => b.score - a.score || a.provider.name.length - b.provider.name.length || a.provider.name.localeCompare(b.provider.name))
    .slice(0, limit);
}
