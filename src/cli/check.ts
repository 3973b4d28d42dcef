import { fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { todayUtc } from '../core/dates';
import type { DatasetIndex } from '../core/dataset-index';
import { homeFromLocale } from '../core/home-jurisdiction';
import { LineChecker, lineFormats, lineRenderer, type LineFormat, type PreparedAnswer } from '../core/stream-check';
import { audiences, type Audience } from '../core/verdict';
import { BufferedWriter, forEachLine, OutputClosed } from '../node/line-stream';
import { loadDatasetIndex } from '../node/read-dataset';
import { formatSummary, singleTextRenderer, textRenderer } from './format';

const USAGE = [
  'usage: check <url | domain | name> [--as <jurisdiction>] [--for <audience>] [--json | --format jsonl|csv|tsv]',
  '       check --stdin [--as <jurisdiction>] [--for <audience>] [--json | --format jsonl|csv|tsv] [--only-matches] [--summary]',
  `audiences: ${audiences.join(', ')} (default general); --summary goes to standard error`,
].join('\n');

class UsageError extends Error {}

interface Options {
  query: string | undefined;
  stdin: boolean;
  home: string | undefined;
  audience: Audience;
  /** null: the readable text. */
  format: LineFormat | null;
  onlyMatches: boolean;
  summary: boolean;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

function parseCommandLine(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        for: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        stdin: { type: 'boolean' },
        'only-matches': { type: 'boolean' },
        summary: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.stdin && positionals.length > 0) throw new UsageError('give either a query or --stdin, not both');
  if (!values.stdin && positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing query' : 'give one query; quote a name with spaces');
  }
  if (values.as !== undefined && !/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(values.as)) {
    throw new UsageError(`--as takes a jurisdiction code such as US, EU or GB, not "${values.as}"`);
  }
  const audience = values.for ?? 'general';
  if (!isOneOf(audiences, audience)) throw new UsageError(`--for takes ${audiences.join(', ')}, not "${audience}"`);
  if (values.format !== undefined && !isOneOf(lineFormats, values.format)) {
    throw new UsageError(`--format takes ${lineFormats.join(', ')}, not "${values.format}"`);
  }
  if (values.json && values.format !== undefined && values.format !== 'jsonl') throw new UsageError(`--json means --format jsonl, not "${values.format}"`);
  return {
    query: positionals[0],
    stdin: Boolean(values.stdin),
    home: values.as?.toUpperCase(),
    audience,
    format: values.json ? 'jsonl' : (values.format as LineFormat | undefined) ?? null,
    onlyMatches: Boolean(values['only-matches']),
    summary: Boolean(values.summary),
  };
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`check: ${error.message} (see --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const today = todayUtc();
  // A different data folder is for tests and dataset reviewers; the default is the shipped one.
  const dataDir = process.env.WHOSE_CLOUD_DATA || undefined;
  let index: DatasetIndex;
  try {
    index = loadDatasetIndex(today, dataDir);
  } catch (error) {
    const [first, ...problems] = (error as Error).message.split('\n');
    const detail = problems.length === 0 ? first : `${first} ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
    process.stderr.write(`check: cannot load the dataset${dataDir ? ` from ${dataDir}` : ''}: ${detail}\n`);
    return 2;
  }
  const home = options.home ?? homeFromLocale(Intl.DateTimeFormat().resolvedOptions().locale, index);
  if (!index.jurisdictions.has(home)) {
    process.stderr.write(`check: unknown jurisdiction "${home}" (known: ${[...index.jurisdictions.keys()].sort().join(', ')})\n`);
    return 2;
  }
  const reader = { home, audience: options.audience };
  const single = !options.stdin;
  // One readable answer keeps its old shape; in a stream each answer is headed by its query.
  const renderer = options.format ? lineRenderer(options.format) : single ? singleTextRenderer : textRenderer;
  const checker = new LineChecker(index, reader, today, renderer);
  const writer = new BufferedWriter(process.stdout);
  // A long tail (a provider's actions) is encoded once and copied after that; a short one costs less written with its head.
  const encoded = new Map<PreparedAnswer, Buffer | null>();
  const write = (query: string) => {
    const answer = checker.answer(query, options.onlyMatches);
    if (!answer) return undefined;
    let tail = encoded.get(answer);
    if (tail === undefined) encoded.set(answer, (tail = answer.tail.length > 512 ? Buffer.from(answer.tail) : null));
    return tail ? writer.write(answer.head(query), tail) : writer.write(answer.head(query) + answer.tail);
  };
  try {
    if (renderer.header !== null) await writer.write(`${renderer.header}\n`);
    if (single) {
      await write(options.query!);
    } else {
      try {
        // Node hands a directory on stdin over as an empty stream, so ask the descriptor itself.
        if (fstatSync(0).isDirectory()) throw new Error('EISDIR: illegal operation on a directory');
        await forEachLine(process.stdin, (line) => write(line.trim()));
      } catch (error) {
        if (error instanceof OutputClosed) throw error;
        process.stderr.write(`check: cannot read standard input: ${(error as Error).message}\n`);
        return 2;
      }
    }
    await writer.flush();
  } catch (error) {
    // The reader went away (`| head -1`): what it did not read it did not want, so stop quietly.
    if (error instanceof OutputClosed) return 0;
    throw error;
  }
  if (options.summary) {
    const summary = checker.summary();
    process.stderr.write(`${options.format === 'jsonl' ? JSON.stringify({ summary }) : formatSummary(summary)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
