import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQuery, searchProviders, type SearchHit } from '../../src/core/search';
import {
  coveredHostArb,
  datasetArb,
  datasets,
  expectedRule,
  homographArb,
  HUGE_RUNS,
  isProviderName,
  MEGABYTE,
  parsedHost,
  PROPERTY_TIMEOUT,
  randomLabelArb,
  gluedPrefixArb,
  ruleArb,
  RUNS,
  type DatasetName,
} from './url-arbitraries';

/** Sorted best first, within the limit, each provider once and from this dataset. */
function expectWellFormed(hits: SearchHit[], dataset: DatasetName, limit: number): void {
  expect(hits.length).toBeLessThanOrEqual(limit);
  expect(new Set(hits.map((hit) => hit.provider.id)).size).toBe(hits.length);
  hits.forEach((hit, i) => {
    expect(datasets[dataset].providers.get(hit.provider.id)).toBe(hit.provider);
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(100);
    if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });
}

const limitArb = fc.integer({ min: 0, max: 12 });

/** Every string a name search compares against, so cut-outs of them find something. */
const searchableTexts = (Object.keys(datasets) as DatasetName[]).flatMap((dataset) =>
  [...datasets[dataset].providers.values()].flatMap((provider) =>
    [provider.name, ...provider.aliases, ...provider.hosts.map((rule) => rule.host)].map((text) => ({ dataset, text })),
  ),
);
const nameFragmentArb = fc
  .tuple(fc.constantFrom(...searchableTexts), fc.nat(), fc.nat(), fc.constantFrom('', ' ', '  ', '!', '—', '\u3000'), fc.boolean())
  .map(([{ dataset, text }, a, b, pad, upper]) => {
    const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
    const cut = text.slice(from, to);
    return { dataset, query: `${pad}${upper ? cut.toUpperCase() : cut}${pad}` };
  });

const exactNames = (Object.keys(datasets) as DatasetName[]).flatMap((dataset) =>
  [...datasets[dataset].providers.values()].flatMap((provider) => [
    { dataset, id: provider.id as string, field: 'name', query: provider.name },
    ...provider.aliases.map((alias) => ({ dataset, id: provider.id as string, field: 'alias', query: alias })),
  ]),
);

describe('searchProviders, property-based', () => {
  it('never throws on arbitrary unicode, and returns well-formed hits', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary-ascii', maxLength: 60 })),
        limitArb,
        (dataset, query, limit) => {
          expectWellFormed(searchProviders(query, datasets[dataset], limit), dataset, limit);
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('returns well-formed hits for pieces of real names, aliases and hosts', () => {
    fc.assert(
      fc.property(nameFragmentArb, limitArb, ({ dataset, query }, limit) => {
        expectWellFormed(searchProviders(query, datasets[dataset], limit), dataset, limit);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on 1 MB queries', () => {
    const bulkArb = fc
      .record({
        dataset: datasetArb,
        unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constantFrom('a.', 'cloud ', '云', 'https://a.', '-', ' ')),
        prefix: fc.constantFrom('', 'https://', 'Alibaba ', 'console.'),
      })
      .map(({ dataset, unit, prefix }) => ({ dataset, query: prefix + unit.repeat(Math.ceil(MEGABYTE / unit.length)) }));
    fc.assert(
      fc.property(bulkArb, ({ dataset, query }) => {
        expectWellFormed(searchProviders(query, datasets[dataset]), dataset, 10);
      }),
      { numRuns: HUGE_RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('answers a provider host, as a domain or a URL, with the provider the URL matcher gives', () => {
    fc.assert(
      fc.property(coveredHostArb, fc.constantFrom('', 'https://', 'HTTP://'), fc.constantFrom('', '/', '/signup', ':8443/x'), ({ dataset, host }, scheme, tail) => {
        const hits = searchProviders(`${scheme}${host}${tail}`, datasets[dataset]);
        expect(hits.map((hit) => hit.provider.id)).toEqual([expectedRule(parsedHost(host)!, dataset)!.provider]);
        expect(hits[0]!.pageKind).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('finds nothing for a domain no provider serves', () => {
    const domainArb = fc.oneof(
      fc.domain(),
      fc.tuple(ruleArb, randomLabelArb).map(([{ rule }, label]) => `${rule.host}.${label}.example`),
      fc.tuple(ruleArb, gluedPrefixArb).map(([{ rule }, prefix]) => `${prefix}${rule.host}`),
      homographArb.map(({ host }) => host),
    );
    fc.assert(
      fc.property(
        datasetArb,
        domainArb,
        fc.boolean(),
        fc.constantFrom('', '.', ':8080', '/', '/console', '.:443/a?b'),
        (dataset, domain, upper, tail) => {
          const host = parsedHost(domain);
          fc.pre((host === null || expectedRule(host, dataset) === undefined) && !isProviderName(domain, dataset));
          const query = `${upper ? domain.toUpperCase() : domain}${tail}`;
          expect(classifyQuery(query)).toBe('domain');
          expect(searchProviders(query, datasets[dataset])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});

describe('searchProviders, every exact provider name and alias', () => {
  it.each(exactNames)('$dataset: $field "$query" finds $id first', ({ dataset, id, query }) => {
    expect(searchProviders(query, datasets[dataset])[0]?.provider.id).toBe(id);
  });
});
