import type { Plugin } from 'vite';
import { todayUtc } from '../core/dates';
import { DATA_DIR, loadDataset } from './read-dataset';

export const DATASET_MODULE = 'virtual:whose-cloud-dataset';
const resolvedId = `\0${DATASET_MODULE}`;

/** Serves the validated dataset as a module, so a broken record fails the build and pages never run zod on it. */
export function datasetPlugin(): Plugin {
  return {
    name: 'whose-cloud-dataset',
    resolveId: (id) => (id === DATASET_MODULE ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      this.addWatchFile(DATA_DIR);
      const dataset = loadDataset(todayUtc());
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(dataset))});`;
    },
  };
}
