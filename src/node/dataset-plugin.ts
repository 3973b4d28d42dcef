import type { Plugin } from 'vite';
import { todayUtc } from '../core/dates';
import { indexDataset } from '../core/dataset-index';
import type { Dataset } from '../core/dataset-schema';
import { hostRulesOf } from '../core/page-table';
import { DATA_DIR, loadDataset } from './read-dataset';

export const DATASET_MODULE = 'virtual:whose-cloud-dataset';
export const DATASET_META_MODULE = 'virtual:whose-cloud-dataset-meta';
export const HOST_RULES_MODULE = 'virtual:whose-cloud-host-rules';
/** The dataset beside the extension's code, read by the worker when it needs it (wxt.config.ts writes it). */
export const DATASET_FILE = 'dataset.json';

/** The validated dataset as JSON text; a broken record fails the build. */
export function datasetJson(): string {
  return JSON.stringify(loadDataset(todayUtc()));
}

/** The host rules as a module: one row per host, each field once, so that the popup's first script stays small. */
function hostRulesModule(dataset: Dataset): string {
  const rows = Object.values(hostRulesOf(indexDataset(dataset))).map((r) => [r.host, r.provider, r.subdomains ? 1 : 0, r.kind, r.paths.map((p) => [p.prefix, p.kind])]);
  return `import { hostKey } from '/src/core/page-table';
export default Object.fromEntries(${JSON.stringify(rows)}.map(([host, provider, subdomains, kind, paths]) => [hostKey(host), { host, provider, subdomains: subdomains === 1, kind, paths: paths.map(([prefix, kind]) => ({ prefix, kind })) }]));`;
}

/**
 * Serves the dataset to the extension: `loadBundledDataset()` fetches the extension's own dataset.json, so the worker's
 * script stays small and parses fast when it wakes; under test (`inline`) it is the JSON itself. The meta module gives
 * pages the dataset's version without the dataset.
 */
export function datasetPlugin({ inline = false } = {}): Plugin {
  const ids = new Map([DATASET_MODULE, DATASET_META_MODULE, HOST_RULES_MODULE].map((id) => [`\0${id}`, id]));
  let dataset: Dataset | undefined;
  const load = () => (dataset ??= loadDataset(todayUtc()));
  return {
    name: 'whose-cloud-dataset',
    resolveId: (id) => ([...ids.values()].includes(id) ? `\0${id}` : undefined),
    load(id) {
      const module = ids.get(id);
      if (!module) return undefined;
      // The dev server rebuilds on a record change; under test the files do not change during a run.
      if (!inline) this.addWatchFile(DATA_DIR);
      dataset = undefined;
      if (module === DATASET_META_MODULE) {
        const { version, reviewed } = load().meta;
        return `export default ${JSON.stringify({ version, reviewed })};`;
      }
      if (module === HOST_RULES_MODULE) return hostRulesModule(load());
      return inline
        ? `export const loadBundledDataset = async () => JSON.parse(${JSON.stringify(JSON.stringify(load()))});`
        : `export const loadBundledDataset = async () => (await fetch('/${DATASET_FILE}')).json();`;
    },
  };
}
