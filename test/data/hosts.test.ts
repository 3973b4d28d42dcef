import { describe, expect, it } from 'vitest';
import { matchUrl } from '../../src/core/url-matcher';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import hosts from '../fixtures/shipped-hosts.json';

const index = loadDatasetIndex('2026-12-01');

/** Addresses people use, each seen in the source beside it (the provider's docs or public code calling it). */
describe('real console, sign-up, login and API addresses', () => {
  it.each(hosts)('$url is $provider, $pageKind', ({ url, provider, pageKind }) => {
    const match = matchUrl(url, index);
    expect(match && { provider: match.provider.id, pageKind: match.pageKind }).toEqual({ provider, pageKind });
  });

  // Look-alikes of each: the host glued to another domain, a letter added, a hyphenated prefix, another top-level domain.
  const lookAlikes = hosts.flatMap(({ url }) => {
    const { host } = new URL(url);
    const [first, ...rest] = host.split('.');
    const tld = rest.at(-1);
    return [
      `https://${host}.evil.example/`,
      `https://${host}x/`,
      `https://x${rest.join('.')}/`.replace('https://x', `https://${first}x.`),
      `https://${first}-${rest.join('-')}.example/`,
      `https://${host.slice(0, -(tld?.length ?? 0))}invalid/`,
    ];
  });
  it.each([...new Set(lookAlikes)])('%s matches no provider', (url) => {
    const match = matchUrl(url, index);
    // A look-alike may only land on a domain the dataset lists for the same provider (e.g. "xconsole" under a wildcard).
    if (match) {
      const host = new URL(url).hostname;
      expect(index.dataset.providers.find((p) => p.id === match.provider.id)!.hosts.some((h) => host === h.host || host.endsWith(`.${h.host}`))).toBe(true);
    }
  });
});
