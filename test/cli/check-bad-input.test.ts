import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { FIXTURE_DIR } from '../fixture-dataset';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const scratch = mkdtempSync(join(tmpdir(), 'whose-cloud-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command asynchronously, so the cases below share the machine's cores instead of queuing. */
function check(args: string[], options: { input?: string | Buffer; stdin?: number | 'closed'; data?: string } = {}): Promise<Run> {
  const closed = options.stdin === 'closed';
  // `exec 0<&-` starts the command with descriptor 0 closed, which a spawn option cannot do.
  const [command, argv] = closed ? ['sh', ['-c', 'exec "$0" "$@" 0<&-', TSX, 'src/cli/check.ts', ...args]] : [TSX, ['src/cli/check.ts', ...args]];
  const stdio: StdioOptions = [typeof options.stdin === 'number' ? options.stdin : closed ? 'ignore' : 'pipe', 'pipe', 'pipe'];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv as string[], {
      cwd: ROOT,
      stdio,
      env: { ...process.env, WHOSE_CLOUD_DATA: options.data ?? FIXTURE_DIR, LANG: 'en_US.UTF-8' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (child.stdin) {
      child.stdin.on('error', () => {}); // The command may exit before it has read everything, e.g. on a usage error.
      child.stdin.end(options.input ?? '');
    }
  });
}

/** Each spawn takes about a second on its own, several at once on two busy cores take longer. */
const SPAWN_TIMEOUT = 60_000;

const json = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

/** The README's contract for a malformed invocation: exit 2, nothing on stdout, one line on stderr. */
function expectOneLineError(run: Run, expect: typeof import('vitest').expect, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^check: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.status).toBe(2);
}

/** Deterministic bytes that are not UTF-8: NUL, lone continuation bytes, overlong forms, encoded surrogates, a BOM. */
function garbageLines(count: number): Buffer[] {
  let seed = 0x9e3779b9;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24);
  return Array.from({ length: count }, (_, i) => {
    const random = Buffer.from(Array.from({ length: 1 + (i * 7) % 61 }, next).filter((byte) => byte !== 0x0a && byte !== 0x0d));
    return Buffer.concat([Buffer.from([0x00, 0xff]), random, Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xef, 0xbb, 0xbf, 0x80])]);
  });
}

describe('the check command on bad input', () => {
  describe.concurrent('exits 2 with one "check: " line', () => {
    it.for([
      { args: ['--json=yes', 'x'], why: 'a value given to a switch', pattern: /--json/ },
      { args: ['--as', '--json', 'x'], why: 'a flag where a value belongs (Node reports this on three lines)', pattern: /--as/ },
      { args: ['--stdin', '--as'], why: 'a missing value after --stdin', pattern: /--as/ },
      { args: ['--as=', 'x'], why: 'an empty value', pattern: /--as takes a jurisdiction code/ },
    ])('for $why: $args', { timeout: SPAWN_TIMEOUT }, async ({ args, pattern }, { expect }) => {
      expectOneLineError(await check(args), expect, pattern);
    });

    it('for standard input that is a directory (Node would read it as empty)', async ({ expect }) => {
      const fd = openSync(scratch, 'r');
      try {
        expectOneLineError(await check(['--stdin', '--json'], { stdin: fd }), expect, /^check: cannot read standard input: EISDIR/);
      } finally {
        closeSync(fd);
      }
    }, SPAWN_TIMEOUT);

    it('for standard input that cannot be read (opened for writing only)', async ({ expect }) => {
      const fd = openSync(join(scratch, 'write-only'), 'w');
      try {
        expectOneLineError(await check(['--stdin', '--json'], { stdin: fd }), expect, /^check: cannot read standard input: EBADF/);
      } finally {
        closeSync(fd);
      }
    }, SPAWN_TIMEOUT);

    it('for a WHOSE_CLOUD_DATA folder that does not exist', async ({ expect }) => {
      const missing = join(scratch, 'no-such-folder');
      expectOneLineError(await check(['--json', 'x'], { data: missing }), expect, /^check: cannot load the dataset from .*no-such-folder: ENOENT/);
    }, SPAWN_TIMEOUT);

    it('for a WHOSE_CLOUD_DATA folder without a valid dataset, naming the first problem', async ({ expect }) => {
      expectOneLineError(await check(['--stdin', '--json'], { data: scratch, input: 'x\n' }), expect, /^check: cannot load the dataset from .*: the dataset is invalid: dataset\.json: /);
    }, SPAWN_TIMEOUT);
  });

  describe.concurrent('exits 0 when the input is merely unknown or empty', () => {
    it('answers nothing, silently, for empty standard input: zero queries, zero answers', async ({ expect }) => {
      expect(await check(['--stdin', '--json'], { input: '' })).toEqual({ status: 0, stdout: '', stderr: '' });
    }, SPAWN_TIMEOUT);

    it('treats a closed standard input as empty (Node reopens descriptor 0 on /dev/null)', async ({ expect }) => {
      expect(await check(['--stdin', '--json'], { stdin: 'closed' })).toEqual({ status: 0, stdout: '', stderr: '' });
    }, SPAWN_TIMEOUT);

    it('answers binary garbage and 1 MB lines with provider null, one JSON object a line, and still answers what follows', async ({ expect }) => {
      const megabyte = 1 << 20;
      const lines = [
        ...garbageLines(40),
        Buffer.from('x'.repeat(megabyte)),
        Buffer.from(`${'a.'.repeat(megabyte / 2)}example`),
        Buffer.from(`https://evil.example/?next=${'https://console.samplecloud.cn/'.repeat(megabyte / 32)}`),
        Buffer.from(`${'Sample Cloud '.repeat(megabyte / 13)}`),
        Buffer.from('\u0000'),
        Buffer.from('console.samplecloud.cn'),
      ];
      const { status, stdout, stderr } = await check(['--stdin', '--json', '--as', 'US'], { input: Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])) });
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const results = json(stdout);
      const queries = lines.map((line) => line.toString('utf8').trim());
      expect(results.map((r) => r.query)).toEqual(queries);
      expect(results.slice(0, -1).every((r) => r.provider === null && r.pageKind === null && r.level === null && r.actions.length === 0)).toBe(true);
      expect(results.at(-1)).toMatchObject({ query: 'console.samplecloud.cn', provider: { id: 'sample-cloud-china' } });
    }, SPAWN_TIMEOUT);
  });
});
