import type { PageKind } from './dataset-schema';

/** What a host rule says about pages: its default kind, and kinds for path prefixes (lower case, longest first). */
export interface PageKindRule {
  /** The rule's own host, as the dataset lists it. */
  host: string;
  kind: PageKind;
  paths: ReadonlyArray<{ prefix: string; kind: PageKind }>;
}

/** First labels that say what a subdomain serves, where the dataset lists only its parent domain. */
const kindByFirstLabel: ReadonlyMap<string, PageKind> = new Map([
  ['console', 'console'],
  ['portal', 'console'],
  ['signin', 'login'],
  ['login', 'login'],
  ['passport', 'login'],
  ['account', 'login'],
  ['accounts', 'login'],
  ['auth', 'login'],
  ['signup', 'signup'],
  ['register', 'signup'],
]);

/** First path segments that say what a page is, likewise; Maps, so "__proto__" in a URL is only a word. */
const kindByFirstSegment: ReadonlyMap<string, PageKind> = new Map([
  ['register', 'signup'],
  ['signup', 'signup'],
  ['sign-up', 'signup'],
  ['login', 'login'],
  ['signin', 'login'],
  ['sign-in', 'login'],
]);

const refinable: ReadonlySet<PageKind> = new Set(['marketing', 'docs']);

function listedPathKind(rule: PageKindRule, path: string): PageKind | undefined {
  for (const { prefix, kind } of rule.paths) {
    if (path === prefix || path.startsWith(prefix === '/' ? prefix : `${prefix}/`)) return kind;
  }
  return undefined;
}

/**
 * The kind of page a URL shows under a host rule. The dataset decides first: a listed host's paths and kind, on whole
 * segments, case-insensitively. Only on a subdomain the dataset does not list (matched through its parent's rule) do the
 * first path segment ("/register") and then the first label ("console.") tell, and only under a parent listed as marketing
 * or documentation.
 */
export function pageKindFor(rule: PageKindRule, host: string, pathname: string): PageKind {
  const path = pathname.toLowerCase();
  const listed = rule.paths.length > 0 ? listedPathKind(rule, path) : undefined;
  if (listed) return listed;
  // Only a parent listed for its public pages is refined: an API or console domain keeps its kind ("auth." on an API is the API).
  if (host === rule.host || !refinable.has(rule.kind)) return rule.kind;
  const segment = path.slice(1).split('/', 1)[0]!;
  return kindByFirstSegment.get(segment) ?? kindByFirstLabel.get(host.slice(0, host.indexOf('.'))) ?? rule.kind;
}
