import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpUrl, parseHttpUrlFully } from '../../src/core/url-matcher';
import { PROPERTY_TIMEOUT, RUNS } from './url-arbitraries';

/** Characters that make URL parsing interesting: delimiters, escapes, dots, digits, case, whitespace, non-ASCII. */
const tricky = fc.constantFrom(...'aZ09-._~:/?#[]@!$&\'()*+,;=%\\ \t\n.\u00e9\u0430\u4e91xn--'.split(''), '..', '%2e', '%2E', 'xn--', ':80', ':99999', '0x7f', '[::1]', '@');
const piece = fc.oneof(fc.string({ maxLength: 6 }), tricky, fc.domain());
const messyUrl = fc
  .tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'HtTp://', 'https:/', 'https:\\\\', ' https://', 'ftp://', ''), fc.array(piece, { maxLength: 8 }))
  .map(([scheme, parts]) => scheme + parts.join(''));
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), messyUrl);

describe('parseHttpUrl', () => {
  it('gives exactly what the WHATWG parser gives, on plain and messy URLs alike', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(url, (input) => {
        expect(parseHttpUrl(input)).toEqual(parseHttpUrlFully(input));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    'https://Console.Aliyun.COM./x/Y?q#f',
    'https://console.aliyun.com:443',
    'https://console.aliyun.com:99999/',
    'https://console.aliyun.com/a/../signup',
    'https://console.aliyun.com/%2e%2e/signup',
    'https://console.aliyun.com\\signup',
    'https://user@console.aliyun.com/',
    'https://127.0.0.1/',
    'https://0x7f.1/',
    'https://xn--zz.aliyun.com/',
    'https://console..aliyun.com/',
    ' https://console.aliyun.com/\t',
    'https://console.aliyun.com/a b',
  ])('agrees with the parser on %s', (input) => {
    expect(parseHttpUrl(input)).toEqual(parseHttpUrlFully(input));
  });
});
