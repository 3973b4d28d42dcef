import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset } from '../../src/core/dataset';
import { todayUtc } from '../../src/core/dates';
import { DATA_DIR, loadDataset, readDatasetFiles } from '../../src/node/read-dataset';
import { indexDataset } from '../../src/core/dataset-index';
import { renderDataReadme } from '../../src/node/data-readme';
import { renderSchemas } from '../../src/node/schemas';

const files = readDatasetFiles();

describe('the shipped dataset', () => {
  it('passes every schema and build rule as of today', () => {
    const result = parseDataset(files, todayUtc());
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('has JSON Schemas generated from the current zod schema (run `npm run data:schemas`)', () => {
    for (const [name, text] of Object.entries(renderSchemas())) {
      expect(readFileSync(join(DATA_DIR, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  it('points every file at its JSON Schema, so editors check it', () => {
    const singular: Record<string, string> = { entities: 'entity', providers: 'provider', actions: 'action', authorities: 'authority', jurisdictions: 'jurisdiction' };
    const wrong = files.filter(({ path, data }) => {
      const folder = path.split('/')[0]!;
      const expected = path === 'dataset.json' ? './schemas/dataset.schema.json' : `../schemas/${singular[folder]}.schema.json`;
      return (data as { $schema?: string }).$schema !== expected;
    });
    expect(wrong.map((f) => f.path)).toEqual([]);
  });
});

describe('src/data/README.md', () => {
  it('is generated from the current records (run `npm run data:readme`)', () => {
    const index = indexDataset(loadDataset(todayUtc()));
    expect(readFileSync(join(DATA_DIR, 'README.md'), 'utf8')).toBe(renderDataReadme(index));
  });
});
