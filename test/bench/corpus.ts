import type { DatasetIndex } from '../../src/core/dataset-index';

/** mulberry32: tiny, fast and good enough to make the same corpus on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type UrlCategory = 'ordinary' | 'provider' | 'look-alike' | 'other-scheme';

export interface CorpusUrl {
  url: string;
  category: UrlCategory;
  /** The provider id a correct matcher must give; undefined where only agreement is checked. */
  expected?: string | null;
}

const alphanumerics = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const syllables = ['ka', 'lo', 'mi', 'ne', 'ro', 'ta', 'vu', 'zen', 'bar', 'qui', 'sto', 'pix', 'dra', 'fle', 'gor', 'hub', 'jet', 'mar', 'nov', 'tri'];
const words = ['news', 'shop', 'blog', 'travel', 'recipes', 'sport', 'music', 'weather', 'maps', 'forum', 'games', 'photo', 'health', 'bank', 'school', 'city'];
const tlds = ['com', 'com', 'com', 'org', 'net', 'de', 'fr', 'co.uk', 'io', 'jp', 'com.br', 'ru', 'cn', 'it', 'nl', 'es', 'info', 'dev'];
const subdomains = ['www', 'www', 'www', 'm', 'blog', 'shop', 'api', 'cdn', 'static', 'news', 'en', 'app'];
const pathWords = ['article', 'products', 'search', 'user', 'settings', 'p', 'category', 'help', '2024', 'video', 'docs', 'login', 'signup', 'console'];
const strangers = ['login-secure.net', 'verify-account.top', 'example.org', 'cdn-edge.info'];
// Latin letters and the Cyrillic letters that look the same; new URL turns such hosts into xn-- punycode.
const homoglyphs: Record<string, string> = { a: '\u0430', o: '\u043e', e: '\u0435', c: '\u0441', p: '\u0440' };

/** A corpus of `size` URLs, the same for a given seed and dataset: mostly ordinary sites, a few provider pages and look-alikes. */
export function makeCorpus(index: DatasetIndex, size: number, seed: number): CorpusUrl[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const label = () => Array.from({ length: 4 + Math.floor(random() * 5) }, () => pick(alphanumerics)).join('');
  const name = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('') + (chance(0.3) ? pick(words) : '');
  const path = () => Array.from({ length: Math.floor(random() * 4) }, () => (chance(0.3) ? label() : pick(pathWords))).map((s) => `/${s}`).join('') || '/';
  const query = () => (chance(0.3) ? `?q=${label()}&page=${Math.floor(random() * 50)}` : '') + (chance(0.1) ? `#${label()}` : '');
  const ordinaryHost = () => `${chance(0.7) ? `${pick(subdomains)}.` : ''}${name()}.${pick(tlds)}`;
  const ordinaryUrl = () => `${chance(0.9) ? 'https' : 'http'}://${ordinaryHost()}${path()}${query()}`;
  const rules = [...index.hosts.entries()];
  // Look-alikes start from hosts no parent rule covers, so gluing letters to them leaves every provider's domain.
  const parents = (host: string) => host.split('.').slice(1).map((_, i, labels) => labels.slice(i).join('.'));
  const apexes = rules.map(([host]) => host).filter((host) => !parents(host).some((p) => index.hosts.get(p)?.subdomains));

  const providerUrl = (): CorpusUrl => {
    const [host, rule] = pick(rules);
    const actual = rule.subdomains && chance(0.4) ? `${label()}.${host}` : host;
    const written = chance(0.1) ? actual.toUpperCase() : chance(0.05) ? `${actual}.` : actual;
    const port = chance(0.05) ? ':443' : '';
    const prefix = rule.paths.length > 0 && chance(0.7) ? pick(rule.paths).prefix : undefined;
    // Path variants: the prefix itself, below it, in other case, and glued to more letters (which must not match it).
    const urlPath = prefix === undefined ? path() : pick([prefix, `${prefix}/${label()}`, prefix.toUpperCase(), `${prefix}s`]);
    const userinfo = chance(0.03) ? `${ordinaryHost()}@` : '';
    return { url: `https://${userinfo}${written}${port}${urlPath}${query()}`, category: 'provider', expected: rule.provider.id };
  };

  // A rewritten host can land on another listed domain ("io.cloud.ovh" → "io-cloud.ovh.com" under ovh.com): then it is no look-alike.
  const underListedDomain = (url: string) => {
    const { hostname } = new URL(url);
    return [hostname, ...parents(hostname)].some((suffix) => suffix === hostname ? index.hosts.has(suffix) : index.hosts.get(suffix)?.subdomains);
  };
  const lookAlike = (): CorpusUrl => {
    for (;;) {
      const candidate = lookAlikeCandidate();
      if (!underListedDomain(candidate.url)) return candidate;
    }
  };
  const lookAlikeCandidate = (): CorpusUrl => {
    const host = pick(apexes);
    const stranger = pick(strangers);
    const glyph = Object.keys(homoglyphs).find((letter) => host.includes(letter));
    const url = pick([
      `https://${host}.${stranger}/`,
      `https://not${host}/`,
      `https://${host.replace('.', '-')}.com/login`,
      `https://${host.replace(/\.([^.]+)$/, '-secure.$1')}/`,
      `https://${stranger}/redirect?to=https://${host}/`,
      `https://${stranger}/${host}/signup`,
      `https://${host}@${stranger}/`,
      `https://${host}:${label()}@${stranger}/`,
      glyph ? `https://${host.replace(glyph, homoglyphs[glyph]!)}/` : `https://${host}.xn--p1ai/`,
    ]);
    return { url, category: 'look-alike', expected: null };
  };

  const otherScheme = (): CorpusUrl => ({
    url: pick([`ftp://${pick(rules)[0]}/`, 'about:blank', `chrome://settings/`, `file:///home/${label()}/index.html`, `mailto:${label()}@${pick(rules)[0]}`]),
    category: 'other-scheme',
    expected: null,
  });

  return Array.from({ length: size }, () => {
    const roll = random();
    if (roll < 0.05) return providerUrl();
    if (roll < 0.09) return lookAlike();
    if (roll < 0.1) return otherScheme();
    return { url: ordinaryUrl(), category: 'ordinary' };
  });
}
