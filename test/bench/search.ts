// Search per keystroke (issue 7): the popup asks the background for every change of the search box.
import type { DatasetIndex } from '../../src/core/dataset-index';
import { searchProviders } from '../../src/core/search';
import { median, percentile } from './stats';

/** What people type: names, aliases in Chinese and Cyrillic, domains and pasted URLs, each with the provider it must find. */
export const SEARCH_QUERIES: ReadonlyArray<{ query: string; provider: string }> = [
  { query: 'Alibaba Cloud', provider: 'alibaba-cloud' },
  { query: '阿里云', provider: 'aliyun' },
  { query: '腾讯云', provider: 'tencent-cloud-china' },
  { query: '华为云', provider: 'huawei-cloud' },
  { query: '火山引擎', provider: 'volcano-engine' },
  { query: '智谱', provider: 'zhipu-ai' },
  { query: 'Яндекс.Облако', provider: 'yandex-cloud' },
  { query: 'Селектел', provider: 'selectel' },
  { query: 'DeepSeek', provider: 'deepseek' },
  { query: 'Kimi', provider: 'moonshot-ai' },
  { query: 'AWS', provider: 'aws' },
  { query: 'Microsoft Azure', provider: 'microsoft-azure' },
  { query: 'Hetzner Cloud', provider: 'hetzner' },
  { query: 'deepseek.com', provider: 'deepseek' },
  { query: 'console.cloud.google.com', provider: 'google-cloud' },
  { query: 'ovhcloud.com', provider: 'ovhcloud' },
  { query: 'https://console.aliyun.com/overview', provider: 'aliyun' },
  { query: 'https://platform.deepseek.com/api_keys', provider: 'deepseek' },
  { query: 'https://cloud.tencent.com/product/cvm', provider: 'tencent-cloud-china' },
  { query: 'https://console.yandex.cloud/folders', provider: 'yandex-cloud' },
];
const WARMUP_PASSES = 1;
const PASSES = 5;

export interface SearchTimings {
  queries: number;
  /** Calls per pass: one per prefix (by code point) of every query. */
  calls: number;
  passes: number;
  warmupPasses: number;
  medianUs: number;
  p95Us: number;
  maxUs: number;
}

/** Times searchProviders on every prefix of every query, each call on its own; throws if a full query misses its provider. */
export function timeSearch(index: DatasetIndex): SearchTimings {
  const misses = SEARCH_QUERIES.filter(({ query, provider }) => !searchProviders(query, index).some((hit) => hit.provider.id === provider));
  if (misses.length > 0) throw new Error(`search finds the wrong providers for ${misses.map((m) => `"${m.query}" (want ${m.provider})`).join(', ')}`);

  const prefixes = SEARCH_QUERIES.flatMap(({ query }) => {
    const chars = [...query];
    return chars.map((_, i) => chars.slice(0, i + 1).join(''));
  });
  const samplesUs: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < WARMUP_PASSES + PASSES; pass++) {
    for (const prefix of prefixes) {
      const start = performance.now();
      sink += searchProviders(prefix, index).length;
      const us = (performance.now() - start) * 1000;
      if (pass >= WARMUP_PASSES) samplesUs.push(us);
    }
  }
  // Using the answers keeps the optimiser from dropping the work.
  if (sink === 0) throw new Error('search answered nothing');
  return { queries: SEARCH_QUERIES.length, calls: prefixes.length, passes: PASSES, warmupPasses: WARMUP_PASSES, medianUs: median(samplesUs), p95Us: percentile(samplesUs, 95), maxUs: Math.max(...samplesUs) };
}
