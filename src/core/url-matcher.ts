import type { PageKind, Provider } from './dataset-schema';
import type { CompiledHostRule, DatasetIndex } from './dataset-index';
import { pageKindFor } from './page-kind';

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

/** Character classes of the fast path, as lookup tables over ASCII: 1 = plain host character, 2 = plain path character. */
const HOST = 1;
const PATH = 2;
const charClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alphanumeric = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Host: letters, digits, "-" and "."; path: what the WHATWG parser keeps as written (no "%", "\", spaces, quotes it escapes).
  if (alphanumeric || c === 45 || c === 46) charClass[c]! |= HOST;
  if (alphanumeric || '-._~!$&\'()*+,;=:@/'.includes(String.fromCharCode(c))) charClass[c]! |= PATH;
}
const isClass = (c: number, cls: number) => c < 128 && (charClass[c]! & cls) !== 0;

/** "http://" or "https://" in any case: the length of the scheme and its slashes, or 0. */
function plainSchemeLength(url: string): number {
  if ((url.charCodeAt(0) | 32) !== 104 || (url.charCodeAt(1) | 32) !== 116 || (url.charCodeAt(2) | 32) !== 116 || (url.charCodeAt(3) | 32) !== 112) return 0;
  const secure = (url.charCodeAt(4) | 32) === 115 ? 1 : 0;
  return url.charCodeAt(4 + secure) === 58 && url.charCodeAt(5 + secure) === 47 && url.charCodeAt(6 + secure) === 47 ? 7 + secure : 0;
}

/**
 * The fast path, part one: the host of a plain "http(s)://host[:port]" read by hand, exactly as `new URL()` would give it,
 * and where the path starts; null for anything else (userinfo, IP hosts, punycode, non-ASCII…), which the full parser takes.
 * Nothing after the host can change it, so callers that need no path stop here.
 */
function parsePlainHost(url: string): { host: string; pathStart: number } | null {
  const hostStart = plainSchemeLength(url);
  if (hostStart === 0) return null;
  let i = hostStart;
  let labelStart = i;
  let upper = false;
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (!isClass(c, HOST)) break;
    if (c === 46) {
      if (i === labelStart) return null;
      labelStart = i + 1;
    } else if (c >= 65 && c <= 90) upper = true;
  }
  let hostEnd = i;
  while (hostEnd > hostStart && url.charCodeAt(hostEnd - 1) === 46) hostEnd--;
  if (hostEnd === hostStart) return null;
  if (url.charCodeAt(i) === 58) {
    const portStart = ++i;
    while (i < url.length && url.charCodeAt(i) >= 48 && url.charCodeAt(i) <= 57) i++;
    if (i - portStart > 5 || Number(url.slice(portStart, i)) > 65535) return null;
  }
  const next = url.charCodeAt(i);
  if (i < url.length && next !== 47 && next !== 63 && next !== 35) return null;
  const raw = url.slice(hostStart, hostEnd);
  const host = upper ? raw.toLowerCase() : raw;
  // A last label starting with a digit may be an IPv4 address in one of its spellings, and punycode must be validated: the parser decides.
  const lastLabel = host.charCodeAt(host.lastIndexOf('.') + 1);
  if ((lastLabel >= 48 && lastLabel <= 57) || host.includes('xn--')) return null;
  return { host, pathStart: i };
}

/** The fast path, part two: the path as the parser would give it, or null where it would rewrite it (escapes, dot segments…). */
function plainPathname(url: string, pathStart: number): string | null {
  let i = pathStart;
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 63 || c === 35) break;
    if (!isClass(c, PATH) || (c === 46 && url.charCodeAt(i - 1) === 47)) return null;
  }
  // What follows ("?…", "#…") cannot change host or path, whatever the parser strips or escapes there.
  return i === pathStart ? '/' : url.slice(pathStart, i);
}

/** Host and path of an http(s) URL, the host normalised as the dataset writes hosts; null for anything else. */
export function parseHttpUrl(url: string): HttpUrlParts | null {
  const plain = parsePlainHost(url);
  const pathname = plain && plainPathname(url, plain.pathStart);
  return plain && pathname !== null ? { host: plain.host, pathname } : parseHttpUrlFully(url);
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
export function findHostRule(host: string, index: DatasetIndex): CompiledHostRule | undefined {
  let best: CompiledHostRule | undefined;
  for (let end = host.length; end > 0; ) {
    const dot = host.lastIndexOf('.', end - 1);
    const suffix = host.slice(dot + 1);
    const rule = index.suffixRules.get(suffix);
    if (rule === undefined) break;
    if (rule && (dot === -1 || rule.subdomains)) best = rule;
    end = dot;
  }
  return best;
}

/**
 * Classifies a URL: which provider serves it and what kind of page it is.
 * Hosts match on whole labels only; anything but http(s) gives null.
 */
export function matchUrl(url: string, index: DatasetIndex): UrlMatch | null {
  const plain = parsePlainHost(url);
  const parts = plain ?? parseHttpUrlFully(url);
  if (!parts) return null;
  const rule = findHostRule(parts.host, index);
  if (!rule) return null;
  // Most URLs match no provider: only a match pays for reading the path.
  const pathname = 'pathname' in parts ? parts.pathname : (plainPathname(url, parts.pathStart) ?? parseHttpUrlFully(url)!.pathname);
  return { provider: rule.provider, pageKind: pageKindFor(rule, parts.host, pathname), host: parts.host };
}
