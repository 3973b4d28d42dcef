declare module 'virtual:whose-cloud-dataset' {
  import type { Dataset } from './core/dataset-schema';
  /** The dataset, validated at build time by src/node/dataset-plugin.ts: the extension's own dataset.json. */
  export function loadBundledDataset(): Promise<Dataset>;
}

declare module 'virtual:whose-cloud-dataset-meta' {
  /** The bundled dataset's version and review date, for pages that do not load the dataset. */
  const meta: { version: string; reviewed: string };
  export default meta;
}

declare module 'virtual:whose-cloud-host-rules' {
  import type { StoredHostRule } from './core/page-table';
  /** The bundled dataset's host rules, keyed as the page table keys its host entries (`hostRulesOf`). */
  const rules: Record<string, StoredHostRule>;
  export default rules;
}
