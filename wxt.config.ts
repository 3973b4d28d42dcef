import { defineConfig } from 'wxt';
import { matchPatternsFor } from './src/core/match-patterns';
import { todayUtc } from './src/core/dates';
import { DATASET_FILE, datasetJson, datasetPlugin } from './src/node/dataset-plugin';
import { loadDataset } from './src/node/read-dataset';

const GECKO_ID = 'whose-cloud@whose-cloud.org';
const EXTENSION_PAGES_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // Both browsers preload modules themselves: no polyfill script for pages to fetch first.
  vite: () => ({ plugins: [datasetPlugin()], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab'],
    // Production pages may load and fetch only the extension's own files; the dev server needs its websocket.
    ...(command === 'build' && {
      content_security_policy:
        browser === 'firefox'
          ? EXTENSION_PAGES_CSP
          : { extension_pages: EXTENSION_PAGES_CSP },
    }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Chrome hands enterprise policy (managed storage) only to extensions that declare its schema.
        { storage: { managed_schema: 'managed-schema.json' } }),
  }),
  hooks: {
    // Pages get the polyfill; the content script and the popup's first script use the native promise APIs (Chrome MV3,
    // Firefox): the one stays within its 25 KB budget, the other draws the card before React's part loads.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === 'popup-first-frame')) return;
      const alias = viteConfig.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
    // The worker reads the dataset from the extension's own files, not from its script (DESIGN.md budgets).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: DATASET_FILE, contents: datasetJson() });
    },
    // Content scripts run on the dataset's provider hosts only, generated here so they never drift from the data.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      const matches = matchPatternsFor(loadDataset(todayUtc()));
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script') entrypoint.options.matches = matches;
      }
    },
  },
  zip: {
    excludeSources: ['test/**', '.output/**', '.ci/**', 'bench-results/**', 'test-results/**'],
  },
});
