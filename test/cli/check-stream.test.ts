import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, type ExpectStatic } from 'vitest';
import { FIXTURE_DIR } from '../fixture-dataset';
import { readCsv } from '../csv';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECK = ['--import', 'tsx', 'src/cli/check.ts'];
const ENV = { ...process.env, WHOSE_CLOUD_DATA: FIXTURE_DIR, LANG: 'en_US.UTF-8' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns a process and collects its status and whole output; `input`, if given, is its standard input. */
function run(command: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: ENV });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (input === undefined) return;
    child.stdin.on('error', () => {}); // A usage error ends the command before it reads its input.
    child.stdin.end(input);
  });
}

/** Runs the command with `input` on stdin; asynchronous, so the cases below share the machine's cores. */
const check = (args: string[], input = '') => run(process.execPath, [...CHECK, ...args], input);

/** A spawn takes a second or more; several at once on two busy cores take longer. */
const TIMEOUT = 60_000;
const jsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line));


const unescapeTsv = (field: string) => field.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);

function expectUsageError(run: Run, expect: ExpectStatic, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^check: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.status).toBe(2);
}

const QUERIES = ['https://console.samplecloud.cn/ecs', '', 'notsamplecloud.cn', '   ', 'Sample AI Studio', 'samplecloud.cn/signup', 'northern.cloud'];

describe.concurrent('check --stdin, streaming (issue 16)', () => {
  it('answers every line, blank ones too, so output line n answers input line n', async ({ expect }) => {
    // A CRLF line, a whitespace-only line and a last line without its newline.
    const run = await check(['--stdin', '--json', '--as', 'US'], 'console.samplecloud.cn\n\n   \r\nnotsamplecloud.cn\r\n\nSample AI Studio');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answers = jsonLines(run.stdout);
    expect(answers.map((a) => [a.query, a.provider?.id ?? null])).toEqual([
      ['console.samplecloud.cn', 'sample-cloud-china'],
      ['', null],
      ['', null],
      ['notsamplecloud.cn', null],
      ['', null],
      ['Sample AI Studio', 'sample-ai'],
    ]);
    expect(answers[1]).toEqual({ query: '', provider: null, pageKind: null, level: null, home: 'US', audience: 'general', reason: null, actions: [] });
  }, TIMEOUT);

  it('takes --for: the audience changes the level and is in every answer', async ({ expect }) => {
    const runs = await Promise.all(['general', 'government', 'telecom'].map((audience) => check(['--stdin', '--json', '--as', 'US', '--for', audience], 'console.samplecloud.cn\nnot-a-provider\n')));
    const answers = runs.map((run) => jsonLines(run.stdout));
    expect(answers.map(([a]) => [a.audience, a.level])).toEqual([
      ['general', 'restricted'],
      ['government', 'prohibited'],
      ['telecom', 'prohibited'],
    ]);
    expect(answers.map(([, unknown]) => unknown.audience)).toEqual(['general', 'government', 'telecom']);
    // The government's own device ban forbids government bodies; for everyone else it restricts.
    expect(answers[1]![0].reason).toBe('Prohibited: Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 February 2025).');
  }, TIMEOUT);

  it('prints only the lines that named a provider with --only-matches, in input order', async ({ expect }) => {
    const run = await check(['--stdin', '--json', '--only-matches', '--as', 'US'], `${QUERIES.join('\n')}\n`);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).map((a) => [a.query, a.provider.id, a.pageKind])).toEqual([
      ['https://console.samplecloud.cn/ecs', 'sample-cloud-china', 'console'],
      ['Sample AI Studio', 'sample-ai', null],
      ['samplecloud.cn/signup', 'sample-cloud-china', 'signup'],
      ['northern.cloud', 'northern-cloud', 'console'],
    ]);
  }, TIMEOUT);

  it('writes --json and --format jsonl alike, byte for byte', async ({ expect }) => {
    const input = `${QUERIES.join('\n')}\n`;
    const [json, jsonl] = await Promise.all([check(['--stdin', '--json', '--as', 'EU'], input), check(['--stdin', '--format', 'jsonl', '--as', 'EU'], input)]);
    expect(json.stdout.split('\n')).toHaveLength(QUERIES.length + 1);
    expect(jsonl.stdout).toBe(json.stdout);
  }, TIMEOUT);

  it('writes --format csv: a header, then one RFC 4180 record a line with the columns of the issue', async ({ expect }) => {
    const input = `${QUERIES.join('\n')}\nhttps://evil.example/?a=1,"b"\n`;
    const [csv, json] = await Promise.all([check(['--stdin', '--format', 'csv', '--as', 'US'], input), check(['--stdin', '--json', '--as', 'US'], input)]);
    expect(csv.status).toBe(0);
    const [header, ...records] = readCsv(csv.stdout);
    expect(header).toEqual(['query', 'provider_id', 'provider_name', 'page_kind', 'level', 'controlled_from', 'reason']);
    expect(records).toEqual(
      jsonLines(json.stdout).map((a) => [a.query, a.provider?.id ?? '', a.provider?.name ?? '', a.pageKind ?? '', a.level ?? '', a.provider?.jurisdiction ?? '', a.reason ?? '']),
    );
    expect(csv.stdout).toContain('\n"https://evil.example/?a=1,""b""",,,,,,\n');
    expect(csv.stdout.split('\n')).toHaveLength(QUERIES.length + 3);
  }, TIMEOUT);

  it('writes --format tsv: a header, one record a line, tabs, newlines and backslashes escaped', async ({ expect }) => {
    const input = 'console.samplecloud.cn\nname\twith a tab and a \\ backslash\r in it\n\n';
    const run = await check(['--stdin', '--format', 'tsv', '--as', 'US'], input);
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout.split('\n').slice(0, -1).map((line) => line.split('\t'));
    expect(header).toEqual(['query', 'provider_id', 'provider_name', 'page_kind', 'level', 'controlled_from', 'reason']);
    expect(rows.map((row) => row.length)).toEqual([7, 7, 7]);
    expect(rows[0]!.slice(0, 6)).toEqual(['console.samplecloud.cn', 'sample-cloud-china', 'Sample Cloud China', 'console', 'restricted', 'CN']);
    expect(rows[1]![0]).toBe('name\\twith a tab and a \\\\ backslash\\r in it');
    expect(unescapeTsv(rows[1]![0]!)).toBe('name\twith a tab and a \\ backslash\r in it');
    expect(rows[2]).toEqual(['', '', '', '', '', '', '']);
  }, TIMEOUT);

  it('adds --summary on standard error, as one JSON object with --json, leaving standard output as it was', async ({ expect }) => {
    const input = `${QUERIES.join('\n')}\nhttps://console.samplecloud.cn/\n`;
    const [plain, summarised] = await Promise.all([check(['--stdin', '--json', '--as', 'US'], input), check(['--stdin', '--json', '--summary', '--as', 'US'], input)]);
    expect(summarised.stdout).toBe(plain.stdout);
    expect(summarised.stderr.split('\n')).toHaveLength(2);
    const { summary } = JSON.parse(summarised.stderr);
    expect(summary).toEqual({
      home: 'US',
      audience: 'general',
      lines: 8,
      matched: 5,
      byProvider: [
        {
          provider: { id: 'sample-cloud-china', name: 'Sample Cloud China', jurisdiction: 'CN' },
          level: 'restricted',
          reason: 'Restricted: Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 February 2025).',
          lines: 3,
          pageKinds: [
            { pageKind: 'console', lines: 2 },
            { pageKind: 'signup', lines: 1 },
          ],
        },
        { provider: { id: 'northern-cloud', name: 'Northern Cloud', jurisdiction: 'RU' }, level: 'restricted', reason: expect.stringMatching(/^Restricted: /), lines: 1, pageKinds: [{ pageKind: 'console', lines: 1 }] },
        { provider: { id: 'sample-ai', name: 'Sample AI Studio', jurisdiction: 'CN' }, level: 'restricted', reason: expect.stringMatching(/^Restricted: /), lines: 1, pageKinds: [{ pageKind: null, lines: 1 }] },
      ],
      byPageKind: [
        { pageKind: 'console', lines: 3 },
        { pageKind: 'signup', lines: 1 },
        { pageKind: null, lines: 1 },
      ],
      byLevel: [{ level: 'restricted', lines: 5 }],
    });
  }, TIMEOUT);

  it('prints --summary as a table for the other formats, after the stream', async ({ expect }) => {
    const run = await check(['--stdin', '--format', 'csv', '--only-matches', '--summary', '--as', 'US'], `${QUERIES.join('\n')}\n`);
    expect(run.status).toBe(0);
    expect(readCsv(run.stdout)).toHaveLength(5);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('7 lines, 4 named a provider (for a person or private company in US)');
    expect(lines).toContainEqual(expect.stringMatching(/^Sample Cloud China \(sample-cloud-china\) +CN +restricted +console +1$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +signup +1$/));
    expect(lines.at(-1)).toBe('by level: restricted 4');
  }, TIMEOUT);

  it.for([
    { args: ['--stdin', '--for', 'everyone'], why: 'an unknown audience', pattern: /--for takes general, government, contractor, telecom, not "everyone"/ },
    { args: ['--stdin', '--for'], why: '--for without its value', pattern: /--for/ },
    { args: ['--stdin', '--format', 'xml'], why: 'an unknown format', pattern: /--format takes jsonl, csv, tsv, not "xml"/ },
    { args: ['--stdin', '--json', '--format', 'csv'], why: '--json with another format', pattern: /--json means --format jsonl/ },
    { args: ['--stdin', '--only-matches=yes'], why: 'a value given to a switch', pattern: /--only-matches/ },
    { args: ['--stdin', '--summary', '--bogus'], why: 'an unknown flag', pattern: /--bogus/ },
  ])('exits 2 with one "check: " line for $why', { timeout: TIMEOUT }, async ({ args, pattern }, { expect }) => {
    expectUsageError(await check(args, 'console.samplecloud.cn\n'), expect, pattern);
  });

  it('ends quietly with exit 0 when the reader closes the pipe (`| head -1`)', async ({ expect }) => {
    // 300,000 lines: far more output than a pipe holds, so the command is still writing when head exits.
    const script = `yes https://console.samplecloud.cn/ | head -n 300000 | "${process.execPath}" ${CHECK.join(' ')} --stdin --json --summary | head -n 1; echo "exit \${PIPESTATUS[2]}" >&2`;
    const piped = await run('bash', ['-c', script]);
    expect(piped.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(piped.stdout)).toMatchObject({ query: 'https://console.samplecloud.cn/', provider: { id: 'sample-cloud-china' } });
    // Nothing but the exit status: no EPIPE trace, no partial summary.
    expect(piped.stderr).toBe('exit 0\n');
  }, TIMEOUT);
});
