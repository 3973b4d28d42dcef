import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, parseDataset } from '../../src/core/dataset';
import { todayUtc } from '../../src/core/dates';
import { indexDataset } from '../../src/core/dataset-index';
import { audiences, verdictFor } from '../../src/core/verdict';
import { renderDataReadme } from '../../src/node/data-readme';
import { DATA_DIR, readDatasetFiles } from '../../src/node/read-dataset';
import { renderSchemas } from '../../src/node/schemas';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

// Generated files and verdicts depend on the records, never on the day the suite runs.
describe('with the clock a year ahead', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + YEAR_MS);
  });
  afterEach(() => vi.useRealTimers());

  it('the dataset still passes every rule and the generated files still match', () => {
    const result = parseDataset(readDatasetFiles(), todayUtc());
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    expect(readFileSync(join(DATA_DIR, 'README.md'), 'utf8')).toBe(renderDataReadme(indexDataset(result.dataset)));
    for (const [name, text] of Object.entries(renderSchemas())) expect(readFileSync(join(DATA_DIR, 'schemas', name), 'utf8')).toBe(text);
  });

  it('every verdict is the same as on the day the dataset was reviewed', () => {
    const result = parseDataset(readDatasetFiles(), todayUtc());
    if (!result.ok) throw new Error('invalid dataset');
    const index = indexDataset(result.dataset);
    const later = todayUtc();
    expect(later > result.dataset.meta.reviewed).toBe(true);
    const changed: string[] = [];
    for (const provider of result.dataset.providers) {
      for (const home of ['US', 'EU', 'GB', 'US-TX']) {
        for (const audience of audiences) {
          const then = verdictFor(provider, { home, audience }, index, result.dataset.meta.reviewed).level;
          const now = verdictFor(provider, { home, audience }, index, later).level;
          if (then !== now) changed.push(`${provider.id} ${home} ${audience}: ${then} → ${now}`);
        }
      }
    }
    expect(changed).toEqual([]);
  });
});
