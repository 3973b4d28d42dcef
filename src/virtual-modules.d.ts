declare module 'virtual:whose-cloud-dataset' {
  import type { Dataset } from './core/dataset-schema';
  /** The dataset, validated at build time by src/node/dataset-plugin.ts. */
  const dataset: Dataset;
  export default dataset;
}
