import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../fixture-dataset';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

function check(args: string[], options: { input?: string; data?: string } = {}) {
  const result = spawnSync(TSX, ['src/cli/check.ts', ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, WHOSE_CLOUD_DATA: options.data ?? FIXTURE_DIR, LANG: 'en_US.UTF-8' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

// Each case spawns a process (~1 s, more on a loaded machine).
describe('the check command (DESIGN.md contract)', { timeout: 30_000 }, () => {
  it('answers a URL with provider, page kind, level, reader, reason and sourced actions as one JSON object', () => {
    const { status, stdout, stderr } = check(['--json', '--as', 'US', 'https://console.samplecloud.cn/ecs']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [result] = json(stdout);
    // DESIGN.md's fields keep their names; audience and reason are the fields added since.
    expect(Object.keys(result)).toEqual(['query', 'provider', 'pageKind', 'level', 'home', 'audience', 'reason', 'actions']);
    expect(result).toMatchObject({
      query: 'https://console.samplecloud.cn/ecs',
      provider: { id: 'sample-cloud-china', name: 'Sample Cloud China', operator: 'Sample Cloud Computing Co., Ltd.', jurisdiction: 'CN' },
      pageKind: 'console',
      level: 'restricted',
      home: 'US',
      audience: 'general',
      reason: 'Restricted: Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 February 2025).',
    });
    expect(result.actions.find((a: { id: string }) => a.id === 'us-review-sample')).toEqual({
      id: 'us-review-sample',
      date: '2022-01-18',
      authority: 'US Fixture Agency',
      jurisdiction: 'US',
      type: 'investigation',
      status: 'open',
      title: 'Fixture action us-review-sample',
      evidence: 'unconfirmed',
      binds: ['named-company'],
      concern: 'security',
      relation: 'parent',
      raises: 'under-review',
      sources: [{ url: 'https://example.org/source/a-us-review-sample', primary: false }],
    });
    // The group's actions come after the provider's own chain, and only they carry the "group" relation.
    const relations = result.actions.map((a: { relation: string }) => a.relation);
    expect(relations).toContain('group');
    expect(relations.slice(relations.indexOf('group')).every((r: string) => r === 'group')).toBe(true);
  });

  it('treats a bare domain as https://domain/ and a name as a search', () => {
    const [domain] = json(check(['--json', 'samplecloud.cn']).stdout);
    expect(domain).toMatchObject({ provider: { id: 'sample-cloud-china' }, pageKind: 'marketing' });
    const [name] = json(check(['--json', '样例云']).stdout);
    expect(name).toMatchObject({ provider: { id: 'sample-cloud-china' }, pageKind: null });
  });

  it('changes the level with the home jurisdiction', () => {
    const levels = ['US', 'EU', 'DE'].map((home) => json(check(['--json', '--as', home, 'northern.cloud']).stdout)[0].level);
    expect(levels).toEqual(['restricted', 'prohibited', 'prohibited']);
  });

  it('answers an unknown query with provider null, not an error', () => {
    const { status, stdout } = check(['--json', 'notsamplecloud.cn']);
    expect(status).toBe(0);
    expect(json(stdout)).toEqual([{ query: 'notsamplecloud.cn', provider: null, pageKind: null, level: null, home: 'US', audience: 'general', reason: null, actions: [] }]);
  });

  it('reads one query a line from stdin and writes one JSON object a line, a blank line included', () => {
    const { status, stdout } = check(['--stdin', '--json', '--as', 'US'], {
      input: 'console.samplecloud.cn\n\nnotsamplecloud.cn\r\nSample AI Studio\n',
    });
    expect(status).toBe(0);
    expect(json(stdout).map((r) => [r.query, r.provider?.id ?? null])).toEqual([
      ['console.samplecloud.cn', 'sample-cloud-china'],
      ['', null],
      ['notsamplecloud.cn', null],
      ['Sample AI Studio', 'sample-ai'],
    ]);
  });

  it('prints a readable answer by default: reader, reason, evidence, binds, relation, the group under its heading, every source', () => {
    const { status, stdout } = check(['--as', 'US', '--for', 'government', 'console.samplecloud.cn']);
    expect(status).toBe(0);
    expect(stdout).toContain('Sample Cloud China');
    expect(stdout).toContain('PROHIBITED   for: a government body in US');
    expect(stdout).toContain('why: Prohibited: Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 February 2025).');
    expect(stdout).toContain('Unconfirmed report · Binds: only the company named · names an owner up the chain');
    expect(stdout).toContain('Official source · Binds: government bodies · names the operator');
    expect(stdout).toContain('https://example.org/source/a-us-review-sample');
    const group = stdout.indexOf('Other companies of the same group');
    expect(group).toBeGreaterThan(stdout.indexOf('names an owner up the chain'));
    expect(stdout.slice(group)).toContain('names another company of the same group');
    expect(stdout.slice(0, group)).not.toContain('names another company of the same group');
    expect(stdout).toContain('not legal advice');
  });

  it.each([
    { args: [], why: 'no query' },
    { args: ['a', 'b'], why: 'two queries' },
    { args: ['--bogus', 'x'], why: 'an unknown flag' },
    { args: ['--as'], why: 'a flag without its value' },
    { args: ['--as', 'not a code', 'x'], why: 'a malformed jurisdiction' },
    { args: ['--as', 'ZZ', 'x'], why: 'an unknown jurisdiction' },
    { args: ['--stdin', 'x'], why: 'both a query and --stdin' },
  ])('exits 2 with one line on stderr for $why', ({ args }) => {
    const { status, stdout, stderr } = check(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^check: /);
  });

  it('is wired as `npm run --silent check`', () => {
    const result = spawnSync('npm', ['run', '--silent', 'check', '--', '--json', 'notaliyun.com'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ query: 'notaliyun.com', provider: null });
  });
});
