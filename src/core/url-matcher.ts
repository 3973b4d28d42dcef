import type { PageKind, Provider } from './dataset-schema';
import type { CompiledHostRule, DatasetIndex } from './dataset-index';

export interface UrlMatch {
  provider: Provider;
  pageKind: PageKind;
  /** The host as matched: lower case, punycode, without a trailing dot. */
  host: string;
}

export interface HttpUrlParts {
  host: string;
  pathname: string;
}

const SLASH = 47;
const COLON = 58;
const DOT = 46;

/** Characters that mean the same in a host whether or not the WHATWG parser reads them: ASCII letters, digits, "-" and ".". */
function isPlainHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === DOT;
}

/** Path characters the WHATWG parser keeps exactly as written (no "%", "\", spaces or non-ASCII). */
function isPlainPathChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 36 && c <= 47 && c !== 37) || c === 33 || c === 58 || c === 59 || c === 61 || c === 64 || c === 95 || c === 126;
}

/**
 * The fast path: host and path of a plain "http(s)://host[:port]/path" read by hand, exactly as `new URL()` would give
 * them, or null for anything else (percent-escapes, dot segments, userinfo, IP hosts, non-ASCII…), which the full parser takes.
 */
function parsePlainHttpUrl(url: string): HttpUrlParts | null {
  const secure = url.charCodeAt(4) === 115 || url.charCodeAt(4) === 83;
  const hostStart = secure ? 8 : 7;
  if (!/^https?:\/\//i.test(url.slice(0, hostStart))) return null;
  let i = hostStart;
  while (i < url.length && isPlainHostChar(url.charCodeAt(i))) {
    if (url.charCodeAt(i) === DOT && (i === hostStart || url.charCodeAt(i - 1) === DOT)) return null;
    i++;
  }
  const hostEnd = i;
  if (hostEnd === hostStart) return null;
  if (url.charCodeAt(i) === COLON) {
    const portStart = ++i;
    while (i < url.length && url.charCodeAt(i) >= 48 && url.charCodeAt(i) <= 57) i++;
    if (i - portStart > 5 || Number(url.slice(portStart, i)) > 65535) return null;
  }
  const next = url.charCodeAt(i);
  if (i < url.length && next !== SLASH && next !== 63 && next !== 35) return null;
  let host = url.slice(hostStart, hostEnd).toLowerCase();
  while (host.endsWith('.')) host = host.slice(0, -1);
  // A last label starting with a digit may be an IPv4 address in one of its spellings, and punycode must be validated: the parser decides.
  const lastLabel = host.slice(host.lastIndexOf('.') + 1);
  if (lastLabel === '' || (lastLabel.charCodeAt(0) >= 48 && lastLabel.charCodeAt(0) <= 57) || host.includes('xn--')) return null;
  const pathStart = i;
  while (i < url.length && url.charCodeAt(i) !== 63 && url.charCodeAt(i) !== 35) {
    if (!isPlainPathChar(url.charCodeAt(i))) return null;
    if (url.charCodeAt(i) === DOT && url.charCodeAt(i - 1) === SLASH) return null;
    i++;
  }
  // The parser strips tabs, newlines and surrounding spaces everywhere: if there are any, let it.
  for (let j = i; j < url.length; j++) {
    const c = url.charCodeAt(j);
    if (c <= 32 || c >= 127) return null;
  }
  return { host, pathname: i === pathStart ? '/' : url.slice(pathStart, i) };
}

/** Host and path of an http(s) URL, the host normalised as the dataset writes hosts; null for anything else. */
export function parseHttpUrl(url: string): HttpUrlParts | null {
  return parsePlainHttpUrl(url) ?? parseHttpUrlFully(url);
}

/** The same answer from the WHATWG parser alone: the reference the fast path is tested against. */
export function parseHttpUrlFully(url: string): HttpUrlParts | null {
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

/**
 * The most specific host rule, walking from the top-level domain inward: the exact host,
 * else the nearest parent domain that covers subdomains. A suffix no rule host has ends the walk.
 */
function findHostRule(host: string, index: DatasetIndex): CompiledHostRule | undefined {
  let best: CompiledHostRule | undefined;
  for (let end = host.length; end > 0; ) {
    const dot = host.lastIndexOf('.', end - 1);
    const suffix = host.slice(dot + 1);
    if (!index.hostSuffixes.has(suffix)) break;
    const rule = index.hosts.get(suffix);
    if (rule && (dot === -1 || rule.subdomains)) best = rule;
    end = dot;
  }
  return best;
}

/** The page kind a host rule gives a path: the longest matching prefix, on whole segments, case-insensitively. */
export function pageKindFor(rule: CompiledHostRule, pathname: string): PageKind {
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
  const rule = findHostRule(parsed.host, index);
  return rule ? { provider: rule.provider, pageKind: pageKindFor(rule, parsed.pathname), host: parsed.host } : null;
}
