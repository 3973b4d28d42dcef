import { describe, expect, it } from 'vitest';
import { exportReadme, exportTables, tableToCsv, tableToJsonl, type Table } from '../../src/core/export';
import { matchUrl } from '../../src/core/url-matcher';
import { audiences, verdictFor } from '../../src/core/verdict';
import { fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const reviewed = index.dataset.meta.reviewed;
const tables = exportTables(index, reviewed);
const table = (name: string) => tables.find((t) => t.name === name)!;
const objects = (t: Table) => t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c.name, row[i]])));

describe('exportTables', () => {
  it('writes the tables of issue 16 with the columns it names', () => {
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['hosts', 'providers', 'levels', 'actions', 'sources']));
    expect(table('hosts').columns.map((c) => c.name)).toEqual(['host', 'include_subdomains', 'path_prefix', 'page_kind', 'provider_id']);
    expect(table('levels').columns.map((c) => c.name).slice(0, 5)).toEqual(['provider_id', 'home', 'audience', 'level', 'reason']);
  });

  it('lists every host rule and path rule as the matcher compares them, so a URL on them gets the same kind', () => {
    const hosts = objects(table('hosts'));
    expect(hosts.filter((h) => h.path_prefix === null)).toHaveLength(index.hosts.size);
    for (const { host, path_prefix, page_kind, provider_id } of hosts) {
      const prefix = path_prefix as string | null;
      if (prefix !== null) expect(prefix === '/' || (prefix === prefix.toLowerCase() && !prefix.endsWith('/'))).toBe(true);
      // A host's own row is checked on "/" unless a listed "/" prefix takes that path.
      if (prefix === null && hosts.some((h) => h.host === host && h.path_prefix === '/')) continue;
      const match = matchUrl(`https://${host as string}${prefix ?? '/'}`, index);
      expect([match?.provider.id, match?.pageKind]).toEqual([provider_id, page_kind]);
    }
  });

  it('gives a level for every provider × jurisdiction × audience, as verdictFor does on the review date', () => {
    const levels = objects(table('levels'));
    expect(levels).toHaveLength(index.providers.size * index.jurisdictions.size * audiences.length);
    for (const row of levels.filter((_, i) => i % 7 === 0)) {
      const verdict = verdictFor(index.providers.get(row.provider_id as string)!, { home: row.home as string, audience: row.audience as (typeof audiences)[number] }, index, reviewed);
      expect(row.level).toBe(verdict.level);
      expect(row.reason === null).toBe(verdict.level === null);
      expect(row.reason_action_id).toBe(verdict.reason?.kind === 'action' ? verdict.reason.action.id : null);
    }
  });

  it('is sorted and the same on every run, for the date it is given rather than the clock', () => {
    const again = exportTables(index, reviewed);
    expect(again.map(tableToCsv)).toEqual(tables.map(tableToCsv));
    const ids = objects(table('providers')).map((p) => p.provider_id as string);
    expect(ids).toEqual([...ids].sort());
    expect(objects(table('levels')).slice(0, audiences.length).map((l) => l.audience)).toEqual([...audiences]);
  });

  it('keeps every source of every record, in its own order', () => {
    const sources = objects(table('sources'));
    const count = [...index.dataset.providers, ...index.dataset.entities, ...index.dataset.actions].reduce((n, r) => n + r.sources.length, 0);
    expect(sources.filter((s) => ['provider', 'entity', 'action'].includes(s.record_kind as string))).toHaveLength(count);
    expect(sources.every((s) => (s.url as string).startsWith('https://'))).toBe(true);
  });
});

describe('CSV, JSON Lines and README', () => {
  const sample: Table = {
    name: 'sample',
    description: 'A sample.',
    columns: [
      { name: 'text', description: 'Text.' },
      { name: 'flag', description: 'A flag.' },
      { name: 'list', description: 'A list.' },
      { name: 'none', description: 'Nothing.' },
    ],
    rows: [['a, "b"', true, ['x', 'y'], null]],
  };

  it('writes RFC 4180 CSV: header, quoted fields, lists joined with "|", empty for nothing', () => {
    expect(tableToCsv(sample)).toBe('text,flag,list,none\n"a, ""b""",true,x|y,\n');
  });

  it('refuses a list item holding the separator rather than writing an ambiguous file', () => {
    expect(() => tableToCsv({ ...sample, rows: [['a', false, ['x|y'], null]] })).toThrow(/"\|"/);
  });

  it('writes JSON Lines with arrays, booleans and null', () => {
    expect(tableToJsonl(sample)).toBe('{"text":"a, \\"b\\"","flag":true,"list":["x","y"],"none":null}\n');
  });

  it('describes every column of every table in the README, with the dataset version and review date', () => {
    const readme = exportReadme(tables, index.dataset.meta);
    expect(readme).toContain(`Dataset version ${index.dataset.meta.version}, reviewed ${reviewed}`);
    for (const t of tables) {
      expect(readme).toContain(`## ${t.name}.csv`);
      for (const c of t.columns) expect(readme).toContain(`| \`${c.name}\` |`);
    }
  });
});
