import { fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkQuery, type CheckResult } from '../core/check';
import { todayUtc } from '../core/dates';
import { homeFromLocale } from '../core/home-jurisdiction';
import type { DatasetIndex } from '../core/dataset-index';
import { loadDatasetIndex } from '../node/read-dataset';
import { formatResult } from './format';

const USAGE = 'usage: check <url | domain | name> [--as <jurisdiction>] [--json] | check --stdin [--json] [--as <jurisdiction>]';

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { as: { type: 'string' }, json: { type: 'boolean' }, stdin: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (values.stdin && positionals.length > 0) throw new UsageError('give either a query or --stdin, not both');
  if (!values.stdin && positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing query' : 'give one query; quote a name with spaces');
  }
  if (values.as !== undefined && !/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(values.as)) {
    throw new UsageError(`--as takes a jurisdiction code such as US, EU or GB, not "${values.as}"`);
  }
  return { help: false as const, query: positionals[0], home: values.as?.toUpperCase(), json: Boolean(values.json), stdin: Boolean(values.stdin) };
}

function print(result: CheckResult, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatResult(result)}\n`);
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
  if (options.help) {
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
  if (!options.stdin) {
    print(checkQuery(options.query!, index, { home, audience: "general" }, today), options.json);
    return 0;
  }
  try {
    // Node hands a directory on stdin over as an empty stream, so ask the descriptor itself.
    if (fstatSync(0).isDirectory()) throw new Error('EISDIR: illegal operation on a directory');
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim()) print(checkQuery(line.trim(), index, { home, audience: "general" }, today), options.json);
    }
  } catch (error) {
    process.stderr.write(`check: cannot read standard input: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
