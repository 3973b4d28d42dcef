// The command line end to end (issue 16): a million log lines through a pipe, as a security team would feed it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetIndex } from '../../src/core/dataset-index';
import { makeCorpus } from './corpus';
import { ROOT } from './sizes';
import { median } from './stats';

export const CLI_LINES = 1_000_000;
/** Issue 16: at least 250,000 lines a second, under 300 MB at peak. */
export const CLI_RATE_BUDGET = 250_000;
export const CLI_MEMORY_BUDGET_MB = 300;
const ROUNDS = 3;
const TIME = '/usr/bin/time';

export interface CliTimings {
  lines: number;
  providerLines: number;
  inputBytes: number;
  /** Bytes the command wrote for the whole input (one JSON object a line). */
  outputBytes: number;
  /** Reading the same file through the same pipe and writing nothing: the floor for any command. */
  floorMs: number[];
  checkMs: number[];
  /** Peak resident memory of the command (GNU time's maximum RSS); null where /usr/bin/time is missing. */
  peakRssMb: number | null;
}

function timed(script: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync('bash', ['-c', `set -o pipefail; ${script}`, 'bench', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench pipeline failed (${run.status}): ${run.stderr.trim()}`);
  return performance.now() - start;
}

/**
 * `check --stdin --json --as US` on a generated million-line log (5 % provider URLs, the matcher benchmark's mix),
 * `cat file | check | cat > /dev/null`, against `cat file | node` reading stdin and writing nothing. Rounds alternate.
 */
export function timeCommandLine(index: DatasetIndex, seed: number): CliTimings {
  const dir = mkdtempSync(join(tmpdir(), 'whose-cloud-bench-'));
  try {
    const corpus = makeCorpus(index, CLI_LINES, seed);
    const file = join(dir, 'log.txt');
    const text = `${corpus.map((c) => c.url).join('\n')}\n`;
    writeFileSync(file, text);
    const [rss, bytes] = [join(dir, 'rss'), join(dir, 'bytes')];
    const measure = existsSync(TIME) ? `${TIME} -f %M -o "$3"` : '';
    const check = `cat "$1" | ${measure} "${process.execPath}" --import tsx src/cli/check.ts --stdin --json --as US | wc -c > "$2"`;
    const floor = `cat "$1" | "${process.execPath}" -e "process.stdin.resume()"`;
    const floorMs: number[] = [];
    const checkMs: number[] = [];
    let peakKb = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['floor', 'check'] : ['check', 'floor'];
      for (const which of order) {
        if (which === 'floor') floorMs.push(timed(floor, [file]));
        else {
          checkMs.push(timed(check, [file, bytes, rss]));
          if (measure) peakKb = Math.max(peakKb, Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)));
        }
      }
    }
    return {
      lines: corpus.length,
      providerLines: corpus.filter((c) => c.category === 'provider').length,
      inputBytes: Buffer.byteLength(text),
      outputBytes: Number(readFileSync(bytes, 'utf8').trim()),
      floorMs,
      checkMs,
      peakRssMb: measure ? peakKb / 1024 : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the benchmark table and the two budgets, in run.ts's shapes. */
export function describeCommandLine(t: CliTimings) {
  const rate = (t.lines / median(t.checkMs)) * 1000;
  const budget = (name: string, value: number | null, text: string, holds: (v: number) => boolean) => ({ name, value, budget: text, pass: value !== null && holds(value) });
  const budgets = {
    cliRate: budget('command line, lines a second', rate, `≥ ${CLI_RATE_BUDGET.toLocaleString('en')}`, (v) => v >= CLI_RATE_BUDGET),
    cliMemory: budget('command line, peak memory (MB)', t.peakRssMb, `< ${CLI_MEMORY_BUDGET_MB} MB`, (v) => v < CLI_MEMORY_BUDGET_MB),
  };
  const verdict = (b: { budget: string; pass: boolean }) => [b.budget, b.pass ? 'pass' : 'FAIL'];
  const seconds = (ms: number[]) => `${(median(ms) / 1000).toFixed(2)} s`;
  const rows = [
    [`Command line: read ${(t.lines / 1e6).toFixed(0)} M lines, write nothing`, seconds(t.floorMs), '', ''],
    [`Command line: check --stdin --json (${t.providerLines.toLocaleString('en')} provider lines)`, seconds(t.checkMs), '', ''],
    ['Command line: lines a second', Math.round(rate).toLocaleString('en'), ...verdict(budgets.cliRate)],
    ['Command line: peak memory', t.peakRssMb === null ? 'not measured' : `${t.peakRssMb.toFixed(0)} MB`, ...verdict(budgets.cliMemory)],
    ['Command line: output', `${(t.outputBytes / 1e6).toFixed(0)} MB`, '', ''],
  ];
  return { rows, budgets, timings: { ...t, linesPerSecond: rate } };
}
