import { join } from 'node:path';
import { parseDataset, type DatasetFile } from '../src/core/dataset';
import { indexDataset, type DatasetIndex } from '../src/core/dataset-index';
import { readDatasetFiles } from '../src/node/read-dataset';

export const FIXTURE_DIR = join(import.meta.dirname, 'fixtures/dataset/');
export const FIXTURE_TODAY = '2026-01-01';

export function fixtureFiles(): DatasetFile[] {
  return readDatasetFiles(FIXTURE_DIR);
}

export function fixtureIndex(): DatasetIndex {
  const result = parseDataset(fixtureFiles(), FIXTURE_TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return indexDataset(result.dataset);
}
