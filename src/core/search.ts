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

function nameScore(query: string, candidate: string): number {
  const name = normaliseName(candidate);
  if (name === query) return 100;
  if (name.startsWith(query)) return 80;
  if (name.split(' ').some((word) => word.startsWith(query))) return 60;
  return name.includes(query) ? 40 : 0;
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
    const wanted = normaliseName(trimmed);
    const hits: SearchHit[] = [];
    for (const provider of index.providers.values()) {
      const name = [provider.name, ...provider.aliases].find((candidate) => normaliseName(candidate) === wanted);
      if (name) hits.push({ provider, pageKind: null, matched: name, score: 100 });
    }
    return hits.slice(0, limit);
  }
  const wanted = normaliseName(query);
  if (wanted.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const provider of index.providers.values()) {
    const candidates: Array<[string, number]> = [
      ...[provider.name, ...provider.aliases].map((name): [string, number] => [name, 0]),
      ...ownersOf(provider, index).flatMap((owner, depth) =>
        [owner.name, ...owner.otherNames].map((name): [string, number] => [name, depth === 0 ? 15 : 20]),
      ),
      ...provider.hosts.map((rule): [string, number] => [rule.host, 25]),
    ];
    let best: SearchHit | null = null;
    for (const [candidate, penalty] of candidates) {
      const raw = nameScore(wanted, candidate);
      const score = raw > 0 ? raw - penalty : 0;
      if (score > (best?.score ?? 0)) best = { provider, pageKind: null, matched: candidate, score };
    }
    if (best) hits.push(best);
  }
  return hits
    .sort((a, b) => b.score - a.score || a.provider.name.length - b.provider.name.length || a.provider.name.localeCompare(b.provider.name))
    .slice(0, limit);
}
