import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, parseDataset, type DatasetFile } from '../core/dataset';
import { indexDataset, type DatasetIndex } from '../core/dataset-index';
import type { Dataset } from '../core/dataset-schema';

// import.meta.dirname where the runtime gives it (Node 20.11+, and test environments whose import.meta.url is not a file URL).
export const DATA_DIR = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '../data/');

/** Every record file under a data folder; the generated schemas and docs are not records. */
export function readDatasetFiles(dir: string = DATA_DIR): DatasetFile[] {
  const files: DatasetFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'schemas') walk(full);
      } else if (entry.name.endsWith('.json')) {
        const path = relative(dir, full).split(sep).join('/');
        try {
          files.push({ path, data: JSON.parse(readFileSync(full, 'utf8')) });
        } catch (error) {
          files.push({ path, data: undefined, error: `invalid JSON: ${(error as Error).message}` });
        }
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Loads and validates the dataset from disk; throws with every problem listed. */
export function loadDataset(today: string, dir: string = DATA_DIR): Dataset {
  const result = parseDataset(readDatasetFiles(dir), today);
  if (!result.ok) throw new Error(`the dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

export function loadDatasetIndex(today: string, dir: string = DATA_DIR): DatasetIndex {
  return indexDataset(loadDataset(today, dir));
}
