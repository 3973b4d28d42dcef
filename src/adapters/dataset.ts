import { loadBundledDataset } from 'virtual:whose-cloud-dataset';
import { indexDataset, type DatasetIndex } from '@/src/core/dataset-index';

let index: Promise<DatasetIndex> | undefined;

/** The bundled dataset, read and indexed on first use: a woken worker pays for it only when a question needs it. */
export function datasetIndex(): Promise<DatasetIndex> {
  index ??= loadBundledDataset().then(indexDataset);
  index.catch(() => (index = undefined));
  return index;
}
