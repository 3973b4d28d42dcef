import dataset from 'virtual:whose-cloud-dataset';
import { indexDataset, type DatasetIndex } from '@/src/core/dataset-index';

let index: DatasetIndex | undefined;

/** The bundled dataset, indexed on first use; a woken service worker rebuilds it in a few milliseconds. */
export function datasetIndex(): DatasetIndex {
  index ??= indexDataset(dataset);
  return index;
}
