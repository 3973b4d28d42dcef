import type { Dataset } from './dataset-schema';
import { labelSuffixes } from './dataset-index';

/**
 * Match patterns for every provider host, so content scripts run on those hosts only.
 * A host that covers its subdomains gives "*://*.host/*", which matches the host itself too.
 */
export function matchPatternsFor(dataset: Pick<Dataset, 'providers'>): string[] {
  const rules = dataset.providers.flatMap((p) => p.hosts);
  const wildcards = new Set(rules.filter((r) => r.subdomains).map((r) => r.host));
  const coveredByWildcard = (host: string) => labelSuffixes(host).slice(1).some((parent) => wildcards.has(parent));
  const patterns = new Set<string>();
  for (const rule of rules) {
    if (coveredByWildcard(rule.host)) continue;
    patterns.add(rule.subdomains ? `*://*.${rule.host}/*` : `*://${rule.host}/*`);
  }
  return [...patterns].sort();
}
