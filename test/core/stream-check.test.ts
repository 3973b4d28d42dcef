import { describe, expect, it } from 'vitest';
import { checkQuery } from '../../src/core/check';
import { AnswerCache, csvField, LineChecker, lineRenderer, tsvField } from '../../src/core/stream-check';
import type { Reader } from '../../src/core/verdict';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();

/** Every kind of query the command line meets: URLs, domains, names, look-alikes, blanks, garbage. */
const queries = [
  'https://console.samplecloud.cn/ecs',
  'HTTPS://CONSOLE.SAMPLECLOUD.CN/',
  'http://account.samplecloud.cn/register/x',
  'https://user@samplecloud.cn:443/signup',
  'https://evil.example/?next=https://console.samplecloud.cn/',
  'samplecloud.cn/docs/a',
  'ai.console.samplecloud.cn',
  'notsamplecloud.cn',
  'northern.cloud',
  'Sample Cloud',
  '样例云',
  'Северное',
  'sample',
  'ftp://samplecloud.cn/',
  'mailto:x@samplecloud.cn',
  '',
  '-',
  '\u0000\uFFFD',
  'a'.repeat(5000),
];
const readers: Reader[] = [
  { home: 'US', audience: 'general' },
  { home: 'US', audience: 'government' },
  { home: 'EU', audience: 'telecom' },
  { home: 'DE', audience: 'contractor' },
  { home: 'CN', audience: 'general' },
];

describe('LineChecker', () => {
  it.each(readers)('writes for $home/$audience exactly the JSON of checkQuery, line by line', (reader) => {
    const checker = new LineChecker(index, reader, FIXTURE_TODAY, lineRenderer('jsonl'));
    // Twice over, so the second pass runs on prepared answers.
    for (const query of [...queries, ...queries]) {
      expect(checker.line(query)).toBe(`${JSON.stringify(checkQuery(query, index, reader, FIXTURE_TODAY))}\n`);
    }
  });

  it('skips unmatched queries only when asked to, and counts every line either way', () => {
    const checker = new LineChecker(index, readers[0]!, FIXTURE_TODAY, lineRenderer('csv'));
    const written = queries.map((query) => checker.line(query, true));
    expect(written.filter((line) => line !== null)).toHaveLength(queries.filter((q) => checkQuery(q, index, readers[0]!, FIXTURE_TODAY).provider).length);
    expect(checker.summary()).toMatchObject({ lines: queries.length, matched: written.filter((line) => line !== null).length });
  });

  it('prepares one answer per provider and page kind, however many lines name them', () => {
    const checker = new LineChecker(index, readers[0]!, FIXTURE_TODAY, lineRenderer('jsonl'));
    const answers = new Set(Array.from({ length: 1000 }, (_, i) => checker.answer(`https://console.samplecloud.cn/${i}`)));
    expect(answers.size).toBe(1);
    expect(checker.answer('samplecloud.cn/signup')).not.toBe([...answers][0]);
  });

  it('counts lines by provider, page kind and level for the summary, most lines first', () => {
    const checker = new LineChecker(index, readers[0]!, FIXTURE_TODAY, lineRenderer('tsv'));
    for (const query of ['northern.cloud', 'https://console.samplecloud.cn/', 'samplecloud.cn/signup', 'Sample Cloud', 'https://console.samplecloud.cn/x', 'nothing']) checker.line(query);
    const summary = checker.summary();
    expect(summary.byProvider.map((p) => [p.provider.id, p.lines, p.pageKinds])).toEqual([
      ['sample-cloud-china', 3, [{ pageKind: 'console', lines: 2 }, { pageKind: 'signup', lines: 1 }]],
      ['northern-cloud', 1, [{ pageKind: 'console', lines: 1 }]],
      ['sample-cloud', 1, [{ pageKind: null, lines: 1 }]],
    ]);
    expect(summary.byLevel.reduce((sum, { lines }) => sum + lines, 0)).toBe(5);
    expect(summary).toMatchObject({ lines: 6, matched: 5 });
  });
});

describe('AnswerCache', () => {
  it('computes a verdict once per provider, home and audience', () => {
    const cache = new AnswerCache(index, FIXTURE_TODAY);
    const first = cache.get('sample-cloud-china', { home: 'US', audience: 'general' });
    expect(cache.get('sample-cloud-china', { home: 'US', audience: 'general' })).toBe(first);
    expect(cache.get('sample-cloud-china', { home: 'US', audience: 'government' })).not.toBe(first);
    expect(cache.get('sample-cloud-china', { home: 'EU', audience: 'general' })).not.toBe(first);
  });
});

describe('CSV and TSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['', ''],
  ])('csv %j → %j (RFC 4180)', (text, field) => expect(csvField(text)).toBe(field));

  it.each([
    ['plain', 'plain'],
    ['a\tb', 'a\\tb'],
    ['a\nb\rc', 'a\\nb\\rc'],
    ['back\\slash', 'back\\\\slash'],
  ])('tsv %j → %j', (text, field) => expect(tsvField(text)).toBe(field));
});
