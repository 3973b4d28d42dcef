import fc from 'fast-check';
import type { DatasetIndex } from '../../src/core/dataset-index';
import type { HostRule } from '../../src/core/dataset-schema';
import { todayUtc } from '../../src/core/dates';
import { normaliseName } from '../../src/core/search';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { fixtureIndex } from '../fixture-dataset';

/** Runs per property; a failure prints fast-check's seed and path to replay it. */
export const RUNS = 10_000;
/** A 1 MB input costs milliseconds, so the huge-input properties take fewer runs. */
export const HUGE_RUNS = 40;
export const MEGABYTE = 1 << 20;
/** Vitest's 5 s default is too short for 10,000 runs on a slow machine. */
export const PROPERTY_TIMEOUT = 60_000;

export type DatasetName = 'fixture' | 'shipped';
export const datasets: Record<DatasetName, DatasetIndex> = {
  fixture: fixtureIndex(),
  shipped: loadDatasetIndex(todayUtc()),
};
const datasetNames = Object.keys(datasets) as DatasetName[];

/** Generated values name their dataset rather than holding it, so a counterexample prints in a few lines. */
export interface RuleCase {
  dataset: DatasetName;
  provider: string;
  rule: HostRule;
}

export const ruleCases: RuleCase[] = datasetNames.flatMap((dataset) =>
  [...datasets[dataset].providers.values()].flatMap((provider) => provider.hosts.map((rule) => ({ dataset, provider: provider.id as string, rule }))),
);

const rulesOf = (dataset: DatasetName) => ruleCases.filter((c) => c.dataset === dataset);

/** Reference matcher, a linear scan independent of the index: the longest rule that is the host or covers it as a subdomain. */
export function expectedRule(host: string, dataset: DatasetName): RuleCase | undefined {
  let best: RuleCase | undefined;
  for (const c of rulesOf(dataset)) {
    const covers = c.rule.host === host || (c.rule.subdomains && host.endsWith(`.${c.rule.host}`));
    if (covers && c.rule.host.length > (best?.rule.host.length ?? 0)) best = c;
  }
  return best;
}

/** Whether a rule with `subdomains` covers every subdomain of this domain. */
export function coversSubdomainsOf(domain: string, dataset: DatasetName): boolean {
  return rulesOf(dataset).some((c) => c.rule.subdomains && (domain === c.rule.host || domain.endsWith(`.${c.rule.host}`)));
}

/** Whether a query is, once folded, some provider's exact name or alias. */
export function isProviderName(query: string, dataset: DatasetName): boolean {
  const folded = normaliseName(query);
  return [...datasets[dataset].providers.values()].some((p) => [p.name, ...p.aliases].some((name) => normaliseName(name) === folded));
}

/** The host as the URL parser (and so the browser) sees it, or null when it is no valid host. */
export function parsedHost(host: string): string | null {
  try {
    return new URL(`https://${host}/`).hostname.replace(/\.+$/, '');
  } catch {
    return null;
  }
}

export const datasetArb = fc.constantFrom(...datasetNames);
export const ruleArb = fc.constantFrom(...ruleCases);

/** A DNS label; "xn--" is left out because a random one is invalid punycode, which the URL parser rejects. */
export const randomLabelArb = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/)
  .filter((label) => !label.startsWith('xn--'));

/** Glued in front of a host with no dot between. */
export const gluedPrefixArb = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

const datasetLabels = [...new Set(ruleCases.flatMap((c) => c.rule.host.split('.')))];

/** Labels that exist in the datasets (so nested rules get hit), common ones, non-Latin ones, and random ones. */
export const labelArb = fc.oneof(
  fc.constantFrom(...datasetLabels),
  fc.constantFrom('www', 'console', 'api', 'eu', 'intl', '控制台', 'консоль'),
  randomLabelArb,
);

/** A host the rule covers: the rule's host, with random labels in front when the rule covers subdomains. */
export const coveredHostArb = ruleArb.chain((c) =>
  (c.rule.subdomains ? fc.array(labelArb, { maxLength: 3 }) : fc.constant([])).map((labels) => ({
    ...c,
    host: [...labels, c.rule.host].join('.'),
  })),
);

export const pathArb = fc.oneof(
  fc.constantFrom('/', '/signup', '/SignUp/x', '/docs/', '/register/step1', '/login', '/a/b/c'),
  fc.webPath(),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => `/${encodeURIComponent(s)}`),
);

/** Cyrillic and Greek letters that render like Latin ones and that IDNA keeps (so the URL turns them into punycode). */
export const lookalikes: Record<string, string[]> = {
  a: ['\u0430', '\u03b1'],
  c: ['\u0441', '\u03f2'],
  d: ['\u0501'],
  e: ['\u0435'],
  h: ['\u04bb'],
  i: ['\u0456', '\u03b9'],
  j: ['\u0458'],
  k: ['\u03ba'],
  o: ['\u043e', '\u03bf'],
  p: ['\u0440', '\u03c1'],
  q: ['\u051b'],
  s: ['\u0455'],
  u: ['\u03c5'],
  v: ['\u03bd'],
  w: ['\u051d'],
  x: ['\u0445', '\u03c7'],
  y: ['\u0443', '\u03b3'],
};

/** Positions in a rule host where a swapped letter lands in a label no subdomain rule covers. */
function homographPositions({ dataset, rule }: RuleCase): number[] {
  const labels = rule.host.split('.');
  const positions: number[] = [];
  let start = 0;
  labels.forEach((label, i) => {
    const parent = labels.slice(i + 1).join('.');
    if (parent === '' || !coversSubdomainsOf(parent, dataset)) {
      for (let j = 0; j < label.length; j++) if (lookalikes[label[j]!]) positions.push(start + j);
    }
    start += label.length + 1;
  });
  return positions;
}

/** A provider host with one Latin letter swapped for a look-alike. */
export const homographArb = fc
  .constantFrom(...ruleCases.map((c) => ({ ...c, positions: homographPositions(c) })).filter((c) => c.positions.length > 0))
  .chain((c) =>
    fc.constantFrom(...c.positions).chain((position) =>
      fc.constantFrom(...lookalikes[c.rule.host[position]!]!).map((letter) => ({
        ...c,
        host: c.rule.host.slice(0, position) + letter + c.rule.host.slice(position + 1),
      })),
    ),
  );
