import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { FIXTURE_DIR } from '../fixture-dataset';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'whose-cloud-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function exportData(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/export-data.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, WHOSE_CLOUD_DATA: FIXTURE_DIR, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const TIMEOUT = 60_000;
const TABLES = ['actions', 'entities', 'hosts', 'jurisdictions', 'levels', 'names', 'provider_actions', 'providers', 'sources'];

describe.concurrent('npm run data:export', () => {
  it('writes every table as CSV and JSON Lines, and a README describing every column', async ({ expect }) => {
    const folder = join(scratch, 'once');
    const run = await exportData([folder]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['README.md', ...TABLES.flatMap((t) => [`${t}.csv`, `${t}.jsonl`])].sort());
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    for (const table of TABLES) {
      const [header, ...rows] = readFileSync(join(folder, `${table}.csv`), 'utf8').trimEnd().split('\n');
      for (const column of header!.split(',')) expect(readme).toContain(`| \`${column}\` |`);
      const objects = readFileSync(join(folder, `${table}.jsonl`), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(Object.keys(objects[0]).join(',')).toBe(header);
      expect(objects.length).toBeLessThanOrEqual(rows.length);
    }
    const [header, ...hosts] = readFileSync(join(folder, 'hosts.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe('host,include_subdomains,path_prefix,page_kind,provider_id');
    expect(hosts.every((row) => /^[a-z0-9.-]+,(true|false),(\/[^,]*)?,[a-z]+,[a-z0-9-]+$/.test(row))).toBe(true);
    expect(hosts).toEqual([...hosts].sort());
  }, TIMEOUT);

  it('writes the same bytes on every run, with levels as of the dataset review date rather than the clock', async ({ expect }) => {
    const [today, later] = [join(scratch, 'first'), join(scratch, 'second')];
    await Promise.all([exportData([today]), exportData([later])]);
    for (const file of readdirSync(today)) expect(readFileSync(join(later, file), 'utf8'), file).toBe(readFileSync(join(today, file), 'utf8'));
    expect(readFileSync(join(today, 'README.md'), 'utf8')).toContain('Levels and ownership chains are as of 2026-01-01.');
  }, TIMEOUT);

  it('exits 2 with one line when the folder is missing', async ({ expect }) => {
    const run = await exportData([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^data:export: missing folder [^\n]*\n$/);
  }, TIMEOUT);
});
