import { beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_BUDGET, buildStartMark, CHROME_ZIP_BUDGET, CONTENT_SCRIPT_BUDGET, measureSizes, wxt, type Sizes } from '../bench/sizes';

// Sizes only: timings are noisy and belong to `npm run bench`, never to a unit test.
describe('size budgets (DESIGN.md)', () => {
  let sizes: Sizes;

  beforeAll(() => {
    const start = buildStartMark();
    // wxt zip builds the Chrome extension before packing it, so this one call is build and zip.
    wxt('zip');
    sizes = measureSizes(start);
  }, 120_000);

  it('keeps the content script within 25 KB minified', () => {
    expect(sizes.contentScript).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it('keeps the worker script within 200 KB: the dataset is read from dataset.json, not parsed with the script', () => {
    expect(sizes.background).toBeLessThanOrEqual(BACKGROUND_BUDGET);
  });

  it('keeps the Chrome zip under 500 KB', () => {
    expect(sizes.chromeZip).toBeLessThan(CHROME_ZIP_BUDGET);
  });
});
