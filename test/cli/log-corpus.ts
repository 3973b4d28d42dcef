import type { DatasetIndex } from '../../src/core/dataset-index';
import { makeCorpus, seededRandom } from '../bench/corpus';

/**
 * Log lines as proxy and DNS logs hold them, the same for a given seed and dataset: the benchmark's URLs (ordinary sites,
 * provider pages, look-alikes, other schemes) and, around every host rule, the spellings a URL parser treats specially:
 * bare domains, ports good and bad, user info, IP hosts, odd schemes and slashes, backslashes, forbidden characters,
 * percent escapes, punycode, dot segments, whitespace, non-ASCII, names and blank lines.
 */
export function makeLogCorpus(index: DatasetIndex, size: number, seed: number): string[] {
  const random = seededRandom(seed ^ 0x10c5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const label = () => Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  const rules = [...index.hosts.entries()];
  const providers = [...index.providers.values()];
  const stranger = () => pick(['example.org', 'login-secure.net', 'cdn-edge.info', `${label()}.com`]);

  const host = () => {
    const [name, rule] = pick(rules);
    return rule.subdomains && random() < 0.4 ? `${label()}.${name}` : name;
  };
  const path = () => {
    const [, rule] = pick(rules);
    const prefix = rule.paths.length > 0 && random() < 0.8 ? pick(rule.paths).prefix : `/${label()}`;
    return pick([prefix, `${prefix}/${label()}`, prefix.toUpperCase(), `${prefix}s`, `${prefix}/`, `${prefix}?next=/x`, `${prefix}#top`, '', '/']);
  };
  /** A path under the same host's own rules, so path prefixes are reached. */
  const hostAndPath = () => {
    const [name, rule] = pick(rules);
    const prefix = rule.paths.length > 0 ? pick(rule.paths).prefix : '/';
    return { host: name, path: pick([prefix, `${prefix}/${label()}`, prefix.toUpperCase(), `${prefix}x`, `${prefix}?q=1`, '']) };
  };
  // Words that may say what a page is, in a first label or first path segment, and words that do not.
  const words = ['console', 'portal', 'signin', 'sign-in', 'login', 'logon', 'passport', 'account', 'accounts', 'auth', 'oauth', 'sso', 'id', 'signup', 'sign-up', 'register', 'join', 'admin', 'dashboard', 'app', 'api', 'docs', 'help', 'my', 'www', 'cloud', 'user'];
  const wordy = () => {
    const [name, rule] = pick(rules.filter(([, r]) => r.subdomains));
    const first = random() < 0.7 ? pick(words) : label();
    const segment = random() < 0.7 ? pick(words) : label();
    const case_ = (text: string) => (random() < 0.1 ? text.toUpperCase() : text);
    return `${scheme()}://${case_(`${first}.${random() < 0.3 ? `${label()}.` : ''}${name}`)}${pick(['', '/', `/${case_(segment)}`, `/${case_(segment)}/${label()}`, `/${segment}s`, `/${segment}?x=1`, rule.paths.length > 0 ? pick(rule.paths).prefix : '/x'])}`;
  };
  const scheme = () => pick(['https', 'http', 'HTTPS', 'HtTp', 'https', 'https']);

  const generators: Array<() => string> = [
    // Unlisted subdomains, whose first label or first path segment may give the page kind.
    wordy,
    wordy,
    () => `${pick(words)}.${pick(rules.filter(([, r]) => r.subdomains))[0]}`,
    // Bare domains as DNS and SNI logs give them, with ports and paths the domain reading allows.
    () => host(),
    () => `${host()}${pick(['', '.', ':443', ':8443', ':0', ':65535', ':65536', ':99999', ':'])}`,
    () => {
      const { host: h, path: p } = hostAndPath();
      return `${h}${p.startsWith('/') ? p : `/${p}`}`;
    },
    () => host().toUpperCase(),
    // URLs with ports, good and bad.
    () => `${scheme()}://${host()}:${pick(['443', '80', '8080', '0', '00443', '65535', '65536', '99999', '', '44a', '-1', '1:2'])}${path()}`,
    // User info: the host is after the last "@" before the path.
    () => `${scheme()}://${pick([`${label()}@${host()}`, `${label()}:${label()}@${host()}`, `${host()}@${stranger()}`, `${host()}:443@${stranger()}`, `a@b@${host()}`, `${stranger()}%40${host()}@${stranger()}`, `@${host()}`])}${path()}`,
    // IP hosts in their spellings.
    () => pick([`http://10.0.${Math.floor(random() * 255)}.1/`, 'https://[2001:db8::1]/console', 'https://[::1]:8443/', '1.2.3.4', '192.168.0.1:8080', 'http://0x7f.1/', 'http://3232235777/', `https://${host()}.1/`, `https://1.2.3.4.${host()}/`, `https://${host()}.0x1f/`]),
    // Odd schemes and slashes.
    () => `${pick(['ws', 'wss', 'ftp', 'hxxps', 'https+x', 'h', 'file', 'chrome-extension', 'HTTPS'])}://${host()}${path()}`,
    () => pick([`https:///${host()}/`, `http:////${host()}${path()}`, `https:/${host()}/`, `https:${host()}/`, `https:\\\\${host()}/`, `https://\\${host()}/`, `https:/\\/${host()}${path()}`, 'https://', 'http:///', `blob:https://${host()}/x`, `view-source:https://${host()}/`, `javascript:location='https://${host()}/'`]),
    // Backslashes end the host; forbidden characters make the URL invalid.
    () => `https://${pick([`${host()}\\${label()}`, `${stranger()}\\@${host()}`, `${host()}\\@${stranger()}`, `${label()}<x.${host()}`, `${label()}^.${host()}`, `${label()}|.${host()}`, `${label()}[.${host()}`, `${label()} .${host()}`, `${label()}"q.${host()}`, `${label()}_x.${host()}`, `${label()}*.${host()}`, `${label()}{}.${host()}`])}${path()}`,
    // Empty labels, leading dots, trailing dots.
    () => `${scheme()}://${pick([`.${host()}`, `${label()}..${host()}`, `${host()}..`, `${host()}.`, `${host()}...`])}${path()}`,
    // Look-alikes: glued labels, the provider in the path or query, other top-level domains.
    () => {
      const [name] = pick(rules);
      return pick([`https://not${name}/`, `https://${name}.${stranger()}/`, `https://${name.replace(/\.([^.]+)$/, '-$1')}.com/`, `https://${stranger()}/?u=https://${name}/`, `https://${stranger()}/${name}/signup`, `${name}x`, `x${name}`, `${name.split('.')[0]}.co`]);
    },
    // Percent escapes and punycode, which the parser decodes or validates.
    () => pick([`https://%61${host()}/`, `https://${host().replace('.', '%2E')}/`, `https://xn--${label()}.${host()}/`, `https://xn--fiqs8s.${stranger()}/`, `https://${host()}/%73ignup`, `https://${host()}/a/%2e%2e/signup`]),
    // Dot segments in the path.
    () => {
      const { host: h, path: p } = hostAndPath();
      return `https://${h}${pick(['/./', '/a/../', '/.', '/x/..'])}${p.replace(/^\//, '')}`;
    },
    // Whitespace around and inside lines.
    () => pick([`  https://${host()}/  `, `\thttps://${host()}/`, `https://${host()}/\t`, `https://${host()}/a b`, `https://${host()}/\tx`, `\u00a0https://${host()}/`, `${host()}\u3000`, ` ${host()} `, '\u000b' + host()]),
    // Non-ASCII hosts: full-width letters and dots, Cyrillic look-alikes, an IDN.
    () => {
      const h = host();
      return pick([
        `https://${[...h].map((c) => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')}/`,
        `https://${h.replace(/\./g, '\u3002')}/`,
        `https://${h.replace('a', '\u0430')}/`,
        `https://${h.replace('o', '\u043e')}${path()}`,
        `https://例え.${stranger()}/`,
        `${h.replace('e', '\u0435')}`,
        `https://${h}/\u00fcber`,
      ]);
    },
    // Names, dotted names and other lines that are not URLs or domains.
    () => {
      const provider = pick(providers);
      const name = pick([provider.name, ...provider.aliases]);
      return pick([
        name,
        name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
        `${name.replace(/\s+/g, '-').toLowerCase()}.com`,
        `CONNECT ${host()}:443`,
        `GET https://${host()}/ HTTP/1.1`,
        '-',
        '---',
        '?',
        '',
        '   ',
        label(),
        `${label()}@${host()}`,
        `mailto:${label()}@${host()}`,
        'about:blank',
        `${host()} ${host()}`,
      ]);
    },
  ];

  const lines = makeCorpus(index, Math.ceil(size * 0.6), seed).map((entry) => entry.url);
  while (lines.length < size) lines.push(pick(generators)());
  // Shuffle so each kind of line lands anywhere in the stream.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines;
}
