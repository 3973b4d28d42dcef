// Run by run.ts in a fresh process per sample: a service worker starts cold every time, so warm repeats in one process would flatter it.
import { indexDataset } from '../../src/core/dataset-index';
import { todayUtc } from '../../src/core/dates';
import { matchUrl } from '../../src/core/url-matcher';
import { verdictFor } from '../../src/core/verdict';
import { loadDataset } from '../../src/node/read-dataset';

/** `load`: read, validate and index from disk. `bundle`: what the extension does, from a parsed dataset to the first verdict. */
export type ColdStartMode = 'load' | 'bundle';

export interface ColdStartSample {
  loadMs?: number;
  /** indexDataset on a parsed dataset, its code not yet run. */
  indexMs?: number;
  /** matchUrl and verdictFor on a console URL, right after indexing. */
  firstVerdictMs?: number;
}

const since = (start: number) => performance.now() - start;
const today = todayUtc();
const sample: ColdStartSample = {};

if (process.argv[2] === 'load') {
  const start = performance.now();
  indexDataset(loadDataset(today));
  sample.loadMs = since(start);
} else {
  // The bundle holds JSON.parse of the validated dataset; the round trip builds the same fresh objects.
  const dataset = JSON.parse(JSON.stringify(loadDataset(today))) as ReturnType<typeof loadDataset>;
  let start = performance.now();
  const index = indexDataset(dataset);
  sample.indexMs = since(start);
  start = performance.now();
  const match = matchUrl('https://console.aliyun.com/overview', index);
  if (!match) throw new Error('console.aliyun.com is not in the dataset');
  verdictFor(match.provider, { home: 'US', audience: 'general' }, index, today);
  sample.firstVerdictMs = since(start);
}
process.stdout.write(JSON.stringify(sample));
