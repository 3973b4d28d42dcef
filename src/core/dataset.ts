import type { z } from 'zod';
import {
  datasetMetaSchema,
  recordSchemas,
  type Dataset,
  type DatasetMeta,
  type RecordKind,
} from './dataset-schema';
import { checkDatasetRules } from './dataset-rules';

/** One JSON file of src/data, with its path relative to that folder ("providers/aws.json"). */
export interface DatasetFile {
  path: string;
  data: unknown;
  /** Why the file could not be read, if it could not. */
  error?: string;
}

/** A reason the dataset cannot ship, naming the file and the record. */
export interface DatasetProblem {
  file: string;
  record?: string;
  message: string;
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

export const META_FILE = 'dataset.json';
const recordKinds = Object.keys(recordSchemas) as RecordKind[];

function kindOf(path: string): RecordKind | undefined {
  const folder = path.split('/')[0];
  return recordKinds.find((kind) => kind === folder);
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`);
}

/**
 * Validates every file against its schema and the cross-record rules.
 * `today` (YYYY-MM-DD) bounds the dates: nothing may lie after it.
 */
export function parseDataset(files: readonly DatasetFile[], today: string): ParseResult {
  const problems: DatasetProblem[] = [];
  const misnamed: DatasetProblem[] = [];
  const dataset: Dataset = { meta: undefined as unknown as DatasetMeta, entities: [], providers: [], actions: [], authorities: [], jurisdictions: [] };
  const fileOf = new Map<string, string>();

  for (const { path, data, error } of files) {
    if (error !== undefined) {
      problems.push({ file: path, message: error });
      continue;
    }
    if (path === META_FILE) {
      const meta = datasetMetaSchema.safeParse(data);
      if (meta.success) dataset.meta = meta.data;
      else problems.push(...describeIssues(meta.error).map((message) => ({ file: path, message })));
      continue;
    }
    const kind = kindOf(path);
    if (!kind) {
      problems.push({ file: path, message: `not in a record folder (${recordKinds.join(', ')})` });
      continue;
    }
    const parsed = recordSchemas[kind].safeParse(data);
    const id = (data as { id?: unknown } | null)?.id;
    const record = typeof id === 'string' ? id : undefined;
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error).map((message) => ({ file: path, record, message })));
      continue;
    }
    const expectedName = `${kind}/${parsed.data.id}.json`;
    if (path !== expectedName) misnamed.push({ file: path, record, message: `file name must be ${expectedName}` });
    fileOf.set(`${kind}:${parsed.data.id}`, path);
    (dataset[kind] as unknown[]).push(parsed.data);
  }
  if (!dataset.meta) problems.push({ file: META_FILE, message: 'the dataset needs its version and review date' });
  if (problems.length > 0) return { ok: false, problems };

  const ruleProblems = checkDatasetRules(dataset, today, (kind, id) => fileOf.get(`${kind}:${id}`) ?? `${kind}/${id}.json`);
  const all = [...misnamed, ...ruleProblems];
  return all.length > 0 ? { ok: false, problems: all } : { ok: true, dataset };
}

export function formatProblem(problem: DatasetProblem): string {
  return `${problem.file}${problem.record ? ` (${problem.record})` : ''}: ${problem.message}`;
}
