import { describe, expect, it } from 'vitest';
import { classifyQuery, normaliseName, searchProviders } from '../../src/core/search';
import { indexDataset } from '../../src/core/dataset-index';
import { homeFromLocale } from '../../src/core/home-jurisdiction';
import { fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const ids = (query: string) => searchProviders(query, index).map((hit) => hit.provider.id);

describe('searchProviders', () => {
  it.each([
    { query: 'Sample Cloud', first: 'sample-cloud', why: 'an exact name beats a longer name that starts with it' },
    { query: 'sample cloud china', first: 'sample-cloud-china', why: 'case does not matter' },
    { query: '样例云', first: 'sample-cloud-china', why: 'an alias in Chinese script' },
    { query: 'Северное', first: 'northern-cloud', why: 'a prefix of an alias in Cyrillic' },
    { query: 'ＳＡＭＰＬＥ ＡＩ', first: 'sample-ai', why: 'full-width letters fold' },
    { query: 'model studio', first: 'sample-ai', why: 'words inside an alias' },
    { query: 'Sample Group Holding', first: 'sample-cloud', why: "the operator's parent company, shortest provider name first" },
    { query: 'Former Owner', first: undefined, why: 'a parent whose link has ended' },
    { query: 'https://console.samplecloud.cn/overview', first: 'sample-cloud-china', why: 'a pasted URL' },
    { query: 'ai.console.samplecloud.cn', first: 'sample-ai', why: 'a bare domain' },
  ])('"$query" finds $first first ($why)', ({ query, first }) => {
    expect(ids(query)[0]).toBe(first);
  });

  it('ranks an exact name, then a name prefix, then an operator name, then a host', () => {
    expect(searchProviders('sample cloud', index).map((hit) => [hit.provider.id, hit.matched])).toEqual([
      ['sample-cloud', 'Sample Cloud'],
      ['sample-cloud-china', 'Sample Cloud China'],
      ['sample-ai', 'Sample Cloud Computing Co., Ltd.'],
    ]);
    expect(ids('domestic')).toEqual(['domestic-cloud']);
    expect(searchProviders('spunoff', index)[0]).toMatchObject({ matched: 'spunoff.test' });
  });

  it('gives a page kind for a URL or domain and none for a name', () => {
    expect(searchProviders('samplecloud.cn/signup', index)[0]?.pageKind).toBe('signup');
    expect(searchProviders('Sample Cloud', index)[0]?.pageKind).toBeNull();
  });

  it.each(['notsamplecloud.cn', 'https://evil.example/?u=console.samplecloud.cn', '', '   ', 'zzzz', '!!!'])('finds nothing for "%s"', (query) => {
    expect(ids(query)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchProviders('cloud', index, 2)).toHaveLength(2);
    expect(searchProviders('console.samplecloud.cn', index, 0)).toEqual([]);
  });

  it('finds a dotted name that no host serves by its exact name or alias only', () => {
    const dataset = { ...index.dataset, providers: index.dataset.providers.map((p) => (p.id === 'northern-cloud' ? { ...p, aliases: [...p.aliases, 'Северное.Облако'] } : p)) };
    const dotted = indexDataset(dataset);
    expect(classifyQuery('Северное.Облако')).toBe('domain');
    expect(searchProviders('Северное.Облако', dotted)).toMatchObject([{ provider: { id: 'northern-cloud' }, pageKind: null, score: 100 }]);
    expect(searchProviders('северное.облако.', dotted)[0]?.provider.id).toBe('northern-cloud');
    expect(searchProviders('Северное.Обла', dotted)).toEqual([]);
  });
});

describe('classifyQuery', () => {
  it.each([
    ['https://a.example/', 'url'],
    ['HTTP://A.EXAMPLE', 'url'],
    ['console.aliyun.com', 'domain'],
    ['console.aliyun.com/home', 'domain'],
    ['阿里云.com', 'domain'],
    ['Alibaba Cloud', 'name'],
    ['阿里云', 'name'],
    ['Alibaba Cloud (Intl.)', 'name'],
  ] as const)('%s is a %s', (query, kind) => {
    expect(classifyQuery(query)).toBe(kind);
  });

  it('folds names for comparison', () => {
    expect(normaliseName('  Crème—Brûlée  CLOUD ')).toBe('creme brulee cloud');
  });
});

describe('homeFromLocale', () => {
  it.each([
    ['en-US', 'US'],
    ['de-DE', 'EU'],
    ['it', 'EU'],
    ['zh-CN', 'CN'],
    ['ru', 'RU'],
    ['en-GB', 'US'],
    ['not a locale!', 'US'],
  ])('%s gives %s', (locale, home) => {
    expect(homeFromLocale(locale, index)).toBe(home);
  });
});
