import type { PageKind, Provider } from './dataset-schema';
import type { CompiledHostRule, DatasetIndex } from './dataset-index';

export interface UrlMatch {
  provider: Provider;
  pageKind: PageKind;
  /** The host as matched: lower case, punycode, without a trailing dot. */
  host: string;
}

/** Host and path of an http(s) URL, the host normalised as the dataset writes hosts; null for anything else. */
export function parseHttpUrl(url: string): { host: string; pathname: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  let host = parsed.hostname;
  while (host.endsWith('.')) host = host.slice(0, -1);
  return { host, pathname: parsed.pathname };
}

/** The most specific host rule: the exact host, else the nearest parent domain that covers subdomains. */
function findHostRule(host: string, hosts: DatasetIndex['hosts']): CompiledHostRule | undefined {
  const exact = hosts.get(host);
  if (exact) return exact;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const rule = hosts.get(host.slice(dot + 1));
    if (rule?.subdomains) return rule;
  }
  return undefined;
}

function pageKindFor(rule: CompiledHostRule, pathname: string): PageKind {
  if (rule.paths.length === 0) return rule.kind;
  const path = pathname.toLowerCase();
  for (const { prefix, kind } of rule.paths) {
    if (path === prefix || path.startsWith(prefix === '/' ? prefix : `${prefix}/`)) return kind;
  }
  return rule.kind;
}

/**
 * Classifies a URL: which provider serves it and what kind of page it is.
 * Hosts match on whole labels only; anything but http(s) gives null.
 */
export function matchUrl(url: string, index: DatasetIndex): UrlMatch | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const rule = findHostRule(parsed.host, index.hosts);
  return rule ? { provider: rule.provider, pageKind: pageKindFor(rule, parsed.pathname), host: parsed.host } : null;
}
