import type { CompiledHostRule, DatasetIndex } from '../../src/core/dataset-index';
import { matchUrl, parseHttpUrl } from '../../src/core/url-matcher';
import { pageKindFor } from '../../src/core/page-kind';

/** What a matcher answers for one URL: "provider-id page-kind", or "-" for no provider. */
export type Classify = (url: string) => string;

const NONE = '-';

// The baselines share the core's path-kind rule, so they differ from matchUrl in host look-up only.
const answer = (rule: CompiledHostRule, host: string, pathname: string) => `${rule.provider.id} ${pageKindFor(rule, host, pathname)}`;

/** (a) The floor: parsing alone, which every matcher has to pay. */
export const parseOnly: Classify = (url) => {
  try {
    new URL(url);
  } catch {
    // Unparsable input costs the floor too.
  }
  return NONE;
};

/**
 * (b) One RegExp per host rule, tested in turn, as technology detectors do.
 * Sorted longest host first and stopping at the first hit, which favours this baseline over scanning every rule.
 */
export function regexScan(index: DatasetIndex): Classify {
  const escape = (host: string) => host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rules = [...index.hosts]
    .sort(([a], [b]) => b.length - a.length)
    .map(([host, rule]) => ({ rule, re: new RegExp(rule.subdomains ? `^(?:[^.]+\\.)*${escape(host)}$` : `^${escape(host)}$`) }));
  return (url) => {
    const parsed = parseHttpUrl(url);
    if (!parsed) return NONE;
    for (const { rule, re } of rules) if (re.test(parsed.host)) return answer(rule, parsed.host, parsed.pathname);
    return NONE;
  };
}

/** (c) Strip the host one label at a time and search an array of hosts, as some rating extensions do. */
export function labelStripScan(index: DatasetIndex): Classify {
  const hosts = [...index.hosts.keys()];
  const rules = [...index.hosts.values()];
  return (url) => {
    const parsed = parseHttpUrl(url);
    if (!parsed) return NONE;
    for (let candidate = parsed.host; ; ) {
      const at = hosts.indexOf(candidate);
      const rule = at === -1 ? undefined : rules[at]!;
      if (rule && (candidate === parsed.host || rule.subdomains)) return answer(rule, parsed.host, parsed.pathname);
      const dot = candidate.indexOf('.');
      if (dot === -1) return NONE;
      candidate = candidate.slice(dot + 1);
    }
  };
}

/** (d) The project's matcher. */
export function ourMatcher(index: DatasetIndex): Classify {
  return (url) => {
    const match = matchUrl(url, index);
    return match ? `${match.provider.id} ${match.pageKind}` : NONE;
  };
}
