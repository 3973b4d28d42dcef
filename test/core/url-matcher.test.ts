import { describe, expect, it } from 'vitest';
import { matchUrl } from '../../src/core/url-matcher';
import { fixtureIndex } from '../fixture-dataset';
import cases from '../fixtures/url-cases.json';

const index = fixtureIndex();

describe('matchUrl', () => {
  it.each(cases)('$name: $url', ({ url, expected }) => {
    const match = matchUrl(url, index);
    expect(match && { provider: match.provider.id, pageKind: match.pageKind }).toEqual(expected);
  });

  it('reports the host as the dataset writes it', () => {
    expect(matchUrl('HTTPS://User@Console.SampleCloud.CN.:443/x', index)?.host).toBe('console.samplecloud.cn');
  });
});
