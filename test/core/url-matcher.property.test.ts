import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchUrl, type UrlMatch } from '../../src/core/url-matcher';
import {
  coveredHostArb,
  coversSubdomainsOf,
  datasetArb,
  datasets,
  type DatasetName,
  expectedRule,
  gluedPrefixArb,
  homographArb,
  HUGE_RUNS,
  labelArb,
  MEGABYTE,
  parsedHost,
  pathArb,
  PROPERTY_TIMEOUT,
  randomLabelArb,
  ruleArb,
  ruleCases,
  RUNS,
} from './url-arbitraries';

const summary = (match: UrlMatch | null) => match && { provider: match.provider.id, pageKind: match.pageKind, host: match.host };

/** A match is null or names a provider of that dataset with one of its page kinds. */
function expectWellFormed(match: UrlMatch | null, dataset: DatasetName): void {
  if (!match) return;
  expect(datasets[dataset].providers.get(match.provider.id)).toBe(match.provider);
  expect(match.host).toBe(match.host.toLowerCase());
  expect(match.host.endsWith('.')).toBe(false);
}

const otherSchemes = ['data', 'file', 'blob', 'about', 'chrome', 'chrome-extension', 'moz-extension', 'javascript', 'ftp', 'ws', 'wss', 'view-source', 'mailto'];
const schemeArb = fc.oneof(
  fc.constantFrom('http', 'https', 'HTTPS', 'hTtP', ...otherSchemes),
  fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/),
);
const ipHostArb = fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6().map((ip) => `[${ip}]`));
const percentEncode = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

/** Everything a URL can be made of, glued with and without the separators a URL expects. */
const urlishArb = fc
  .record({
    scheme: schemeArb,
    separator: fc.constantFrom('://', ':', ':///', ':\\\\', ':/', ''),
    userinfo: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('user', 'user:pass', ':', 'a@b')), { nil: undefined }),
    host: fc.oneof(
      coveredHostArb.map(({ host }) => host),
      fc.tuple(coveredHostArb, fc.array(fc.boolean(), { maxLength: 40 })).map(([{ host }, flips]) => [...host].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join('')),
      coveredHostArb.map(({ host }) => percentEncode(host)),
      homographArb.map(({ host }) => host),
      fc.domain(),
      ipHostArb,
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
    dots: fc.constantFrom('', '.', '..', '...'),
    port: fc.option(fc.oneof(fc.integer({ min: 0, max: 70_000 }).map(String), fc.string({ maxLength: 6 })), { nil: undefined }),
    path: fc.oneof(pathArb, fc.string({ unit: 'binary', maxLength: 20 })),
    query: fc.option(fc.string({ unit: 'binary', maxLength: 20 }), { nil: undefined }),
    fragment: fc.option(fc.string({ unit: 'binary', maxLength: 20 }), { nil: undefined }),
  })
  .map(
    ({ scheme, separator, userinfo, host, dots, port, path, query, fragment }) =>
      `${scheme}${separator}${userinfo === undefined ? '' : `${userinfo}@`}${host}${dots}${port === undefined ? '' : `:${port}`}${path}` +
      `${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  );

/** The protocol the URL parser gives, or null when it cannot parse the text. */
function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

describe('matchUrl, property-based', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(datasetArb, fc.string({ unit: 'binary', maxLength: 200 }), (dataset, text) => {
        expectWellFormed(matchUrl(text, datasets[dataset]), dataset);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on URL-shaped text, and agrees with the reference matcher on what it parses', () => {
    fc.assert(
      fc.property(datasetArb, urlishArb, (dataset, url) => {
        const match = matchUrl(url, datasets[dataset]);
        expectWellFormed(match, dataset);
        const protocol = protocolOf(url);
        if (protocol !== 'http:' && protocol !== 'https:') {
          expect(match).toBeNull();
          return;
        }
        const host = new URL(url).hostname.replace(/\.+$/, '');
        expect(match?.provider.id ?? null).toBe(expectedRule(host, dataset)?.provider ?? null);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on 1 MB inputs, wherever the bulk sits', () => {
    const bulkArb = fc
      .record({
        unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constantFrom('a.', 'a', '%41', '.', '\u0430.', '/', '@')),
        place: fc.constantFrom('whole', 'host', 'subdomains', 'userinfo', 'path', 'query', 'fragment'),
        provider: coveredHostArb,
      })
      .map(({ unit, place, provider }) => {
        const bulk = unit.repeat(Math.ceil(MEGABYTE / unit.length));
        const host = provider.host;
        const url = {
          whole: bulk,
          host: `https://${bulk}/`,
          subdomains: `https://${bulk}.${host}/`,
          userinfo: `https://${bulk}@${host}/`,
          path: `https://${host}/${bulk}`,
          query: `https://${host}/?q=${bulk}`,
          fragment: `https://${host}/#${bulk}`,
        }[place];
        return { url, dataset: provider.dataset };
      });
    fc.assert(
      fc.property(bulkArb, ({ url, dataset }) => {
        expectWellFormed(matchUrl(url, datasets[dataset]), dataset);
      }),
      { numRuns: HUGE_RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('matches only http and https URLs', () => {
    const nonHttpArb = fc.oneof(fc.constantFrom(...otherSchemes), fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/)).filter((s) => !/^https?$/i.test(s));
    fc.assert(
      fc.property(coveredHostArb, nonHttpArb, fc.constantFrom('://', ':', ':///', ':https://', ':http://'), pathArb, ({ host, dataset }, scheme, separator, path) => {
        expect(matchUrl(`${scheme}${separator}${host}${path}`, datasets[dataset])).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches an IP host, whatever the rest of the URL names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        ipHostArb,
        fc.option(fc.integer({ min: 0, max: 65_535 }), { nil: undefined }),
        coveredHostArb,
        (scheme, ip, port, { host, dataset }) => {
          const url = `${scheme}://${host}@${ip}${port === undefined ? '' : `:${port}`}/${host}/?next=https://${host}/#${host}`;
          expect(matchUrl(url, datasets[dataset])).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('gives the same answer for normalised equivalents: case, trailing dots, port, userinfo, query and fragment', () => {
    fc.assert(
      fc.property(
        coveredHostArb,
        pathArb,
        fc.record({
          scheme: fc.constantFrom('http', 'https', 'HTTPS', 'Http'),
          host: fc.boolean(),
          dots: fc.constantFrom('', '.', '..', '...'),
          port: fc.option(fc.integer({ min: 0, max: 65_535 }), { nil: undefined }),
          userinfo: fc.option(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.option(fc.string({ unit: 'grapheme', maxLength: 10 }))), { nil: undefined }),
          query: fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: undefined }),
          fragment: fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: undefined }),
        }),
        fc.infiniteStream(fc.boolean()),
        ({ host, dataset }, path, variant, flips) => {
          const base = matchUrl(`https://${host}${path}`, datasets[dataset]);
          expect(base?.provider.id).toBe(expectedRule(parsedHost(host)!, dataset)!.provider);
          const iterator = flips[Symbol.iterator]();
          const cased = variant.host ? [...host].map((c) => (iterator.next().value ? c.toUpperCase() : c)).join('') : host;
          const userinfo = variant.userinfo && `${encodeURIComponent(variant.userinfo[0])}${variant.userinfo[1] === null ? '' : `:${encodeURIComponent(variant.userinfo[1])}`}@`;
          const url =
            `${variant.scheme}://${userinfo ?? ''}${cased}${variant.dots}${variant.port === undefined ? '' : `:${variant.port}`}${path}` +
            `${variant.query === undefined ? '' : `?${variant.query}`}${variant.fragment === undefined ? '' : `#${variant.fragment}`}`;
          expect(summary(matchUrl(url, datasets[dataset]))).toEqual(summary(base));
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches a provider host with labels appended after it', () => {
    fc.assert(
      fc.property(ruleArb, fc.array(randomLabelArb, { maxLength: 2 }), fc.constantFrom('example', 'evil.example', 'invalid'), ({ rule, dataset }, labels, tld) => {
        expect(matchUrl(`https://${[rule.host, ...labels, tld].join('.')}/`, datasets[dataset])).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches a provider host glued to a prefix, unless the glued name is a host rule itself', () => {
    const registrable = ruleCases.filter(({ rule, dataset }) => !coversSubdomainsOf(rule.host.slice(rule.host.indexOf('.') + 1), dataset));
    fc.assert(
      fc.property(fc.constantFrom(...registrable), gluedPrefixArb, ({ rule, dataset }, prefix) => {
        const glued = `${prefix}${rule.host}`;
        fc.pre(!datasets[dataset].hosts.has(glued));
        expect(matchUrl(`https://${glued}/`, datasets[dataset])).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches a non-provider URL that carries a provider URL in its userinfo, path, query or fragment', () => {
    fc.assert(
      fc.property(
        coveredHostArb,
        fc.domain(),
        fc.constantFrom('userinfo', 'userinfo-password', 'path', 'query', 'fragment', 'backslash', 'at-in-query', 'at-in-fragment', 'encoded-path'),
        pathArb,
        ({ host, dataset }, domain, place, path) => {
          const carrier = parsedHost(domain);
          fc.pre(carrier !== null && expectedRule(carrier, dataset) === undefined);
          const provider = `https://${host}${path}`;
          const url = {
            userinfo: `https://${host}@${domain}/`,
            'userinfo-password': `https://${host}:443@${domain}/`,
            path: `https://${domain}/${provider}`,
            query: `https://${domain}/?next=${provider}`,
            fragment: `https://${domain}/#${provider}`,
            backslash: `https://${domain}\\@${host}/`,
            'at-in-query': `https://${domain}?@${host}/`,
            'at-in-fragment': `https://${domain}#@${host}/`,
            'encoded-path': `https://${domain}/${encodeURIComponent(provider)}`,
          }[place];
          expect(matchUrl(url, datasets[dataset])).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches an IDN homograph of a provider host', () => {
    fc.assert(
      fc.property(homographArb, pathArb, ({ host, dataset }, path) => {
        const url = `https://${host}${path}`;
        expect(new URL(url).hostname).toContain('xn--');
        expect(matchUrl(url, datasets[dataset])).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('never matches a subdomain of an exact-only host that no parent rule covers', () => {
    const exactOnly = ruleCases.filter(({ rule, dataset }) => !rule.subdomains && !coversSubdomainsOf(rule.host, dataset));
    fc.assert(
      fc.property(fc.constantFrom(...exactOnly), fc.array(labelArb, { minLength: 1, maxLength: 3 }), ({ rule, dataset }, labels) => {
        const host = parsedHost([...labels, rule.host].join('.'))!;
        fc.pre(![...datasets[dataset].hosts.keys()].some((h) => h !== rule.host && h.endsWith(`.${rule.host}`) && (host === h || host.endsWith(`.${h}`))));
        expect(matchUrl(`https://${host}/`, datasets[dataset])).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('lets the most specific host rule win', () => {
    fc.assert(
      fc.property(ruleArb, fc.array(labelArb, { maxLength: 3 }), pathArb, ({ rule, dataset }, labels, path) => {
        const host = parsedHost([...labels, rule.host].join('.'))!;
        const expected = expectedRule(host, dataset);
        const match = matchUrl(`https://${host}${path}`, datasets[dataset]);
        expect(match?.provider.id ?? null).toBe(expected?.provider ?? null);
        if (match && expected) {
          // On a subdomain the dataset does not list, the label or path may also say sign-up, login or console.
          const inferred = host === expected.rule.host || !['marketing', 'docs'].includes(expected.rule.kind) ? [] : ['console', 'signup', 'login'];
          expect([expected.rule.kind, ...expected.rule.paths.map((p) => p.kind), ...inferred]).toContain(match.pageKind);
        }
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
