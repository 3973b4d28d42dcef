import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../src/core/dates';
import { exportTables, tableToCsv } from '../../src/core/export';
import { LineChecker, lineRenderer } from '../../src/core/stream-check';
import { matchUrl } from '../../src/core/url-matcher';
import { verdictFor } from '../../src/core/verdict';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { makeLogCorpus } from './log-corpus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZE = 100_000;
const SEED = 0x1065;
// The data folder the command line reads (WHOSE_CLOUD_DATA, as for `npm run check`), so both sides see the same records.
const DATA = process.env.WHOSE_CLOUD_DATA || undefined;
const index = loadDatasetIndex(todayUtc(), DATA);
const reviewed = index.dataset.meta.reviewed;
const corpus = makeLogCorpus(index, SIZE, SEED);
const scratch = mkdtempSync(join(tmpdir(), 'whose-cloud-logs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The SQL blocks of docs/LOGS.md, in order: the recipe is tested as written there. */
function docBlocks(): string[] {
  const text = readFileSync(join(ROOT, 'docs/LOGS.md'), 'utf8');
  return [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

interface Answer {
  provider: string | null;
  pageKind: string | null;
}

/** The corpus through the real command line, once: provider and page kind of every line, from `--format tsv`. */
function commandLine(lines: string[]): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', '--stdin', '--format', 'tsv', '--as', 'US'], {
      cwd: ROOT,
      env: { ...process.env, ...(DATA && { WHOSE_CLOUD_DATA: DATA }) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`check exited ${status}`));
      const rows = Buffer.concat(out).toString('utf8').split('\n').slice(1, -1);
      resolve(rows.map((row) => row.split('\t')).map(([, provider, , pageKind]) => ({ provider: provider || null, pageKind: pageKind || null })));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

/** Lines the recipe may leave to the command line, decided here independently of the SQL (docs/LOGS.md, "recheck lines"). */
function mayRecheck(line: string): boolean {
  const q = line.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  if (!/^[ -~]*$/.test(q)) return true;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(q);
  const isDomain = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?(:\d+)?(\/\S*)?$/.test(q);
  if (!isUrl && !isDomain) return q.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim() !== '';
  return /%|(^|[/.@\\])xn--|\/\.|%2e/i.test(q);
}

describe('docs/LOGS.md: the SQL recipe, run through DuckDB', { timeout: 300_000 }, () => {
  let cli: Answer[];
  let loaded: Array<string | null>;
  let sql: Array<{ line_no: number; provider_id: string | null; page_kind: string | null; level: string | null; reason: string | null; recheck: boolean }>;

  beforeAll(async () => {
    const running = commandLine(corpus);
    const folder = join(scratch, 'whose-cloud-data');
    const tables = exportTables(index, reviewed);
    mkdirSync(folder);
    for (const table of tables) writeFileSync(join(folder, `${table.name}.csv`), tableToCsv(table));

    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const [load, logs, query] = docBlocks();
    await connection.run(load!.replaceAll("'whose-cloud-data/", `'${folder}/`));
    const log = join(scratch, 'proxy-urls.log');
    writeFileSync(log, `${corpus.join('\n')}\n`);
    await connection.run(logs!.replace("'proxy-urls.log.gz'", `'${log}'`));
    loaded = (await connection.runAndReadAll('SELECT url FROM logs ORDER BY line_no')).getRowObjectsJS().map((row) => row.url as string | null);
    const reader = await connection.runAndReadAll(query!);
    // The documented loading numbers lines from 1.
    sql = reader.getRowObjectsJS().map((row) => ({ ...row, line_no: Number(row.line_no) - 1 })) as typeof sql;
    connection.closeSync();
    cli = await running;
  }, 300_000);

  it('runs on a corpus of at least 100,000 lines that reaches every page kind and plenty of provider lines', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100_000);
    // docs/LOGS.md's way of loading a log file keeps every line, in order (an empty one as NULL).
    expect(loaded).toEqual(corpus.map((line) => (line === '' ? null : line)));
    expect(cli).toHaveLength(corpus.length);
    expect(sql.map((row) => row.line_no)).toEqual(corpus.map((_, i) => i));
    const kinds = new Set(cli.map((a) => a.pageKind));
    const inData = new Set([...index.hosts.values()].flatMap((rule) => [rule.kind, ...rule.paths.map((p) => p.kind)]));
    expect([...inData].filter((kind) => !kinds.has(kind))).toEqual([]);
    expect(cli.filter((a) => a.provider !== null).length).toBeGreaterThan(SIZE / 20);
  });

  it('gives the provider and page kind of the command line on every line it does not leave to it', () => {
    const wrong = corpus.flatMap((line, i) => {
      const row = sql[i]!;
      const want = cli[i]!;
      return !row.recheck && (row.provider_id !== want.provider || row.page_kind !== want.pageKind)
        ? [`${JSON.stringify(line)}: SQL ${row.provider_id}/${row.page_kind}, command line ${want.provider}/${want.pageKind}`]
        : [];
    });
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('leaves to the command line only the lines docs/LOGS.md says it cannot settle, and few of them', () => {
    const unexpected = corpus.filter((line, i) => sql[i]!.recheck && !mayRecheck(line));
    expect(unexpected.slice(0, 20)).toEqual([]);
    const rechecked = sql.filter((row) => row.recheck).length;
    // A tenth of this corpus is deliberately odd (non-ASCII, escapes, names); real logs hold far fewer such lines.
    expect(rechecked).toBeLessThan(SIZE * 0.1);
    // Plain URLs and domains (printable ASCII, no escapes, punycode or dot segments) are always settled in SQL.
    expect(corpus.filter((line, i) => sql[i]!.recheck && /^https?:\/\/[a-z0-9.-]+(:\d+)?(\/[a-z0-9/_-]*)?$/i.test(line) && !/xn--|\/\./i.test(line))).toEqual([]);
  });

  it('agrees with the core in process: the stream checker on every line, matchUrl on every http(s) line', () => {
    const checker = new LineChecker(index, { home: 'US', audience: 'general' }, reviewed, lineRenderer('jsonl'));
    const disagree = corpus.flatMap((line, i) => {
      const q = line.trim();
      const hit = /^https?:\/\//i.test(q) ? matchUrl(q, index) : checker.match(q);
      const mine = { provider: hit?.provider.id ?? null, pageKind: hit?.pageKind ?? null };
      return mine.provider !== cli[i]!.provider || mine.pageKind !== cli[i]!.pageKind
        ? [`${JSON.stringify(line)}: in process ${mine.provider}/${mine.pageKind}, command line ${cli[i]!.provider}/${cli[i]!.pageKind}`]
        : [];
    });
    expect(disagree.slice(0, 20)).toEqual([]);
  });

  it("joins levels.csv: each matched line carries its provider's level and reason for the recipe's reader", () => {
    const expected = new Map<string, string | null>([...index.providers.values()].map((p) => [p.id, verdictFor(p, { home: 'US', audience: 'general' }, index, reviewed).level]));
    const matched = sql.filter((row) => row.provider_id !== null);
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.filter((row) => row.level !== expected.get(row.provider_id!)).slice(0, 10)).toEqual([]);
    expect(matched.every((row) => (row.level === null) === (row.reason === null))).toBe(true);
  });
});
