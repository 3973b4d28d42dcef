import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset, type DatasetFile } from '../../src/core/dataset';
import { FIXTURE_TODAY, fixtureFiles } from '../fixture-dataset';

type Json = Record<string, any>;

/** The fixture dataset with one file changed (or added), as a broken build would see it. */
function withFile(path: string, change: (record: Json) => Json | void): DatasetFile[] {
  const files = fixtureFiles().map((f) => ({ ...f, data: structuredClone(f.data) }));
  const existing = files.find((f) => f.path === path);
  if (existing) {
    existing.data = change(existing.data as Json) ?? existing.data;
    return files;
  }
  return [...files, { path, data: change({}) }];
}

function problemsOf(files: DatasetFile[], today = FIXTURE_TODAY): string[] {
  const result = parseDataset(files, today);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('the dataset rules', () => {
  it('accept the fixture dataset', () => {
    expect(problemsOf(fixtureFiles())).toEqual([]);
  });

  it.each([
    {
      rule: 'a record must match its schema',
      files: () => withFile('providers/sample-cloud.json', (p) => ({ ...p, hosts: [{ host: 'Console.Sample.COM', kind: 'console' }] })),
      expected: 'providers/sample-cloud.json (sample-cloud): hosts.0.host: hosts are lower-case ASCII',
    },
    {
      rule: 'ids are unique',
      files: () => withFile('actions/us-review-sample-copy.json', () => ({ ...(fixtureFiles().find((f) => f.path === 'actions/us-review-sample.json')!.data as Json) })),
      expected: 'duplicate actions id "us-review-sample"',
    },
    {
      rule: 'a file is named after its record',
      files: () => withFile('entities/sample-group.json', (e) => ({ ...e, id: 'renamed-group' })),
      expected: 'entities/sample-group.json (renamed-group): file name must be entities/renamed-group.json',
    },
    {
      rule: 'references resolve',
      files: () => withFile('providers/sample-cloud.json', (p) => ({ ...p, operator: 'no-such-company' })),
      expected: 'providers/sample-cloud.json (sample-cloud): operator refers to unknown entities "no-such-company"',
    },
    {
      rule: 'an action names known entities',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, names: [{ entity: 'ghost-co', asNamed: 'Ghost' }] })),
      expected: 'actions/cn-fine-sample.json (cn-fine-sample): names refers to unknown entities "ghost-co"',
    },
    {
      rule: 'no host is claimed by two providers',
      files: () => withFile('providers/domestic-cloud.json', (p) => ({ ...p, hosts: [...p.hosts, { host: 'console.samplecloud.cn', kind: 'console' }] })),
      expected: 'host console.samplecloud.cn is already claimed by provider',
    },
    {
      rule: 'parent links have no cycle',
      files: () => withFile('entities/sample-group.json', (e) => ({ ...e, parents: [{ entity: 'sample-cloud-co', relation: 'owner' }] })),
      expected: 'parent links form a cycle: sample-group → sample-cloud-co → sample-group',
    },
    {
      rule: 'sources are https',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, sources: [{ ...a.sources[0], url: 'http://example.org/plain' }] })),
      expected: 'actions/cn-fine-sample.json (cn-fine-sample): sources.0.url: sources must be https URLs',
    },
    {
      rule: 'no date lies in the future',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, date: '2026-02' })),
      expected: 'actions/cn-fine-sample.json (cn-fine-sample): date 2026-02 is in the future',
    },
    {
      rule: 'an unconfirmed report cites no publication of the authority',
      files: () => withFile('actions/us-review-sample.json', (a) => ({ ...a, sources: [{ ...a.sources[0], primary: true }] })),
      expected: 'actions/us-review-sample.json (us-review-sample): an unconfirmed report cannot cite the authority\'s own publication',
    },
    {
      rule: 'a vacated action keeps its end date',
      files: () => withFile('actions/us-vacated-order.json', ({ end: _end, ...a }) => a),
      expected: 'actions/us-vacated-order.json (us-vacated-order): a vacated action keeps its end date',
    },
    {
      rule: 'a measure still in force has no end date',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, end: '2025-01-01' })),
      expected: 'a in-force action has no end date; give the status it ended with',
    },
    {
      rule: 'an action names the entity the authority named, not its parent',
      files: () =>
        withFile('actions/us-list-northern.json', (a) => ({ ...a, names: [{ entity: 'ru-cloud-llc', asNamed: 'Northern Cloud Subsidiary No. 2 LLC' }] })),
      expected: 'names ru-cloud-llc as "Northern Cloud Subsidiary No. 2 LLC", which is not one of its names',
    },
    {
      rule: 'source URLs carry no tracking parameters',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, sources: [{ ...a.sources[0], url: 'https://example.org/a?id=1&utm_source=feed' }] })),
      expected: 'sources.0.url carries the tracking parameter "utm_source"',
    },
    {
      rule: 'source hosts have no trailing dot',
      files: () => withFile('actions/cn-fine-sample.json', (a) => ({ ...a, sources: [{ ...a.sources[0], url: 'https://en.wikisource.org./wiki/X' }] })),
      expected: 'has a trailing dot in its host (en.wikisource.org.)',
    },
    {
      rule: 'a lifted action keeps its end date',
      files: () => withFile('actions/us-lifted-domestic.json', ({ end: _end, ...a }) => a),
      expected: 'a lifted action keeps its end date',
    },
    {
      rule: 'a file must be valid JSON',
      files: () => [...fixtureFiles(), { path: 'actions/broken.json', data: undefined, error: 'invalid JSON: Unexpected end' }],
      expected: 'actions/broken.json: invalid JSON: Unexpected end',
    },
    {
      rule: 'the dataset carries its version',
      files: () => fixtureFiles().filter((f) => f.path !== 'dataset.json'),
      expected: 'dataset.json: the dataset needs its version and review date',
    },
  ])('reject a broken record: $rule', ({ files, expected }) => {
    const problems = problemsOf(files());
    expect(problems.some((p) => p.includes(expected)), `expected a problem containing "${expected}", got:\n${problems.join('\n')}`).toBe(true);
  });
});
