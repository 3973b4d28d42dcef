import { answerFor, noProvider, type CheckResult, type ProviderAnswer } from './check';
import type { DatasetIndex } from './dataset-index';
import { pageKinds, type PageKind, type Provider } from './dataset-schema';
import { searchProviders } from './search';
import { matchUrl } from './url-matcher';
import { levels, type Level, type Reader } from './verdict';

/**
 * Verdicts by provider id × home × audience: what a stream of queries would otherwise compute again for every line.
 * Bounded by the dataset (providers × readers asked for), whatever the length of the stream.
 */
export class AnswerCache {
  readonly #answers = new Map<string, ProviderAnswer>();
  readonly #index: DatasetIndex;
  readonly #today: string;

  constructor(index: DatasetIndex, today: string) {
    this.#index = index;
    this.#today = today;
  }

  get(providerId: string, reader: Reader): ProviderAnswer {
    const key = `${providerId}\u0000${reader.home}\u0000${reader.audience}`;
    let answer = this.#answers.get(key);
    if (!answer) {
      answer = answerFor(providerId, this.#index, reader, this.#today);
      this.#answers.set(key, answer);
    }
    return answer;
  }
}

/** One answer ready to write for any query: the part the query changes, then the rest, the same for every query. */
export interface PreparedAnswer {
  head(query: string): string;
  /** The rest of the line, its newline included. */
  tail: string;
}

/**
 * How a stream writes answers. `prepare` runs once per provider, page kind and reader (and once for "no provider")
 * with the answer for an empty query; what it returns renders each line from the query alone.
 */
export interface LineRenderer {
  /** The first line of the output (column names), without its newline; or null. */
  header: string | null;
  prepare(template: CheckResult): PreparedAnswer;
}

/** The formats of the command line's `--format`: one answer a line each. */
export const lineFormats = ['jsonl', 'csv', 'tsv'] as const;
export type LineFormat = (typeof lineFormats)[number];

/** Columns of `--format csv|tsv`, in order. */
export const tableColumns = ['query', 'provider_id', 'provider_name', 'page_kind', 'level', 'controlled_from', 'reason'] as const;

/** RFC 4180: a field with a comma, quote, CR or LF goes in quotes, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tab-separated values: backslash, tab, LF and CR written as \\, \t, \n and \r so every record stays on one line. */
export function tsvField(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

function tableRenderer(field: (text: string) => string, separator: string): LineRenderer {
  return {
    header: tableColumns.join(separator),
    prepare(result) {
      const rest = [result.provider?.id, result.provider?.name, result.pageKind, result.level, result.provider?.jurisdiction, result.reason];
      return { head: field, tail: `${rest.map((value) => separator + field(value ?? '')).join('')}\n` };
    },
  };
}

const jsonRenderer: LineRenderer = {
  header: null,
  prepare(result) {
    // The answer for the empty query, cut after its first field: the query is the only part a line changes.
    const whole = JSON.stringify(result);
    const head = '{"query":""';
    if (result.query !== '' || !whole.startsWith(head)) throw new Error('a template answer has an empty query as its first field');
    return { head: (query) => `{"query":${JSON.stringify(query)}`, tail: `${whole.slice(head.length)}\n` };
  },
};

/** The renderer of a line format: JSON Lines as `JSON.stringify` of a `CheckResult`, CSV or TSV with a header. */
export function lineRenderer(format: LineFormat): LineRenderer {
  return format === 'jsonl' ? jsonRenderer : format === 'csv' ? tableRenderer(csvField, ',') : tableRenderer(tsvField, '\t');
}

/** Lines counted by provider and page kind, for `--summary`. */
export interface StreamSummary {
  home: string;
  audience: Reader['audience'];
  /** Every line read, blank ones included. */
  lines: number;
  /** Lines that named a provider. */
  matched: number;
  /** Most lines first, then by provider id. */
  byProvider: Array<{
    provider: { id: string; name: string; jurisdiction: string };
    level: Level | null;
    reason: string | null;
    lines: number;
    /** Page kinds in the dataset's order; null for a provider found by name. */
    pageKinds: Array<{ pageKind: PageKind | null; lines: number }>;
  }>;
  byPageKind: Array<{ pageKind: PageKind | null; lines: number }>;
  /** Matched lines by the level of their provider, highest first; null for providers without a level. */
  byLevel: Array<{ level: Level | null; lines: number }>;
}

const pageKindOrder: ReadonlyArray<PageKind | null> = [...pageKinds, null];

/** "http://" or "https://" in any case: the command line takes such a line as a URL without asking the query classifier. */
function isHttpUrl(query: string): boolean {
  if ((query.charCodeAt(0) | 32) !== 104 || (query.charCodeAt(1) | 32) !== 116 || (query.charCodeAt(2) | 32) !== 116 || (query.charCodeAt(3) | 32) !== 112) return false;
  const colon = (query.charCodeAt(4) | 32) === 115 ? 5 : 4;
  return query.charCodeAt(colon) === 58 && query.charCodeAt(colon + 1) === 47 && query.charCodeAt(colon + 2) === 47;
}

/**
 * Answers queries one at a time with the answers of `checkQuery`, rendered by a `LineRenderer`. Memory stays bounded by
 * the dataset: per provider and page kind one prepared renderer, per provider × page kind one counter.
 */
export class LineChecker {
  readonly #cache: AnswerCache;
  readonly #prepared = new Map<string, PreparedAnswer>();
  readonly #none: PreparedAnswer;
  readonly #counts = new Map<Provider, Map<PageKind | null, number>>();
  #lines = 0;
  #matched = 0;
  readonly #index: DatasetIndex;
  readonly #reader: Reader;
  readonly #renderer: LineRenderer;

  /** `cache` may be shared between checkers, e.g. one per reader over the same dataset. */
  constructor(index: DatasetIndex, reader: Reader, today: string, renderer: LineRenderer, cache: AnswerCache = new AnswerCache(index, today)) {
    this.#index = index;
    this.#reader = reader;
    this.#renderer = renderer;
    this.#cache = cache;
    this.#none = renderer.prepare(noProvider('', reader));
  }

  /** Which provider and page kind a query names, exactly as `checkQuery` decides; null for none. */
  match(query: string): { provider: Provider; pageKind: PageKind | null } | null {
    const trimmed = query.trim();
    // Most log lines are http(s) URLs: they go straight to the URL matcher, as searchProviders would send them.
    if (isHttpUrl(trimmed)) return matchUrl(trimmed, this.#index);
    return searchProviders(query, this.#index, 1)[0] ?? null;
  }

  /** The answer to one query, ready to render; null when `onlyMatches` is set and the query names no provider. */
  answer(query: string, onlyMatches = false): PreparedAnswer | null {
    this.#lines++;
    const hit = this.match(query);
    if (!hit) return onlyMatches ? null : this.#none;
    this.#matched++;
    let kinds = this.#counts.get(hit.provider);
    if (!kinds) this.#counts.set(hit.provider, (kinds = new Map()));
    kinds.set(hit.pageKind, (kinds.get(hit.pageKind) ?? 0) + 1);
    const key = `${hit.provider.id}\u0000${hit.pageKind}`;
    let prepared = this.#prepared.get(key);
    if (!prepared) {
      const { provider, ...answer } = this.#cache.get(hit.provider.id, this.#reader);
      prepared = this.#renderer.prepare({ query: '', provider, pageKind: hit.pageKind, ...answer });
      this.#prepared.set(key, prepared);
    }
    return prepared;
  }

  /** One query's output line, newline included; null when `onlyMatches` skips it. */
  line(query: string, onlyMatches = false): string | null {
    const prepared = this.answer(query, onlyMatches);
    return prepared && prepared.head(query) + prepared.tail;
  }

  /** Counts of every line answered so far, for `--summary`. */
  summary(): StreamSummary {
    const byKind = new Map<PageKind | null, number>();
    const byLevel = new Map<Level | null, number>();
    const byProvider = [...this.#counts].map(([provider, kinds]) => {
      const answer = this.#cache.get(provider.id, this.#reader);
      let lines = 0;
      for (const [kind, count] of kinds) {
        lines += count;
        byKind.set(kind, (byKind.get(kind) ?? 0) + count);
      }
      byLevel.set(answer.level, (byLevel.get(answer.level) ?? 0) + lines);
      return {
        provider: { id: provider.id, name: provider.name, jurisdiction: answer.provider!.jurisdiction },
        level: answer.level,
        reason: answer.reason,
        lines,
        pageKinds: pageKindOrder.filter((kind) => kinds.has(kind)).map((kind) => ({ pageKind: kind, lines: kinds.get(kind)! })),
      };
    });
    byProvider.sort((a, b) => b.lines - a.lines || (a.provider.id < b.provider.id ? -1 : a.provider.id > b.provider.id ? 1 : 0));
    return {
      home: this.#reader.home,
      audience: this.#reader.audience,
      lines: this.#lines,
      matched: this.#matched,
      byProvider,
      byPageKind: pageKindOrder.filter((kind) => byKind.has(kind)).map((kind) => ({ pageKind: kind, lines: byKind.get(kind)! })),
      byLevel: [...levels, null].filter((level) => byLevel.has(level)).map((level) => ({ level, lines: byLevel.get(level)! })),
    };
  }
}
