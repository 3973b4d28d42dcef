import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { datasetPlugin } from './src/node/dataset-plugin';

export default defineConfig({
  plugins: [WxtVitest(), datasetPlugin({ inline: true })],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', 'node_modules/**'],
    mockReset: true,
    restoreMocks: true,
  },
});
