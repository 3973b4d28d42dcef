import { endedStatuses, type Dataset, type Entity, type RecordKind, type Source } from './dataset-schema';
import type { DatasetProblem } from './dataset';
import { earliestDay } from './dates';

type FileOf = (kind: RecordKind, id: string) => string;

/** The rules no single schema can see: ids, references, hosts, parent cycles, dates and sources. */
export function checkDatasetRules(dataset: Dataset, today: string, fileOf: FileOf): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const report = (kind: RecordKind, id: string, message: string) =>
    problems.push({ file: fileOf(kind, id), record: id, message });

  const ids = {} as Record<RecordKind, Set<string>>;
  for (const kind of ['entities', 'providers', 'actions', 'authorities', 'jurisdictions'] as const) {
    ids[kind] = new Set();
    for (const { id } of dataset[kind]) {
      if (ids[kind].has(id)) report(kind, id, `duplicate ${kind} id "${id}"`);
      ids[kind].add(id);
    }
  }
  const resolve = (kind: RecordKind, id: string, from: RecordKind, fromId: string, field: string) => {
    if (!ids[kind].has(id)) report(from, fromId, `${field} refers to unknown ${kind} "${id}"`);
  };
  const checkDate = (kind: RecordKind, id: string, field: string, date: string | undefined) => {
    if (date && earliestDay(date) > today) report(kind, id, `${field} ${date} is in the future`);
  };
  const checkSources = (kind: RecordKind, id: string, sources: readonly Source[]) =>
    sources.forEach((source, i) => {
      checkDate(kind, id, `sources.${i}.date`, source.date);
      const problem = urlProblem(source.url);
      if (problem) report(kind, id, `sources.${i}.url ${problem}`);
    });

  for (const j of dataset.jurisdictions) {
    if (j.partOf) resolve('jurisdictions', j.partOf, 'jurisdictions', j.id, 'partOf');
    for (const law of j.dataAccessLaws) checkSources('jurisdictions', j.id, law.sources);
    for (const d of j.designations) {
      d.jurisdictions.forEach((other) => resolve('jurisdictions', other, 'jurisdictions', j.id, `designation ${d.id}`));
      checkSources('jurisdictions', j.id, d.sources);
    }
  }
  for (const a of dataset.authorities) resolve('jurisdictions', a.jurisdiction, 'authorities', a.id, 'jurisdiction');

  for (const e of dataset.entities) {
    resolve('jurisdictions', e.incorporatedIn, 'entities', e.id, 'incorporatedIn');
    resolve('jurisdictions', e.headquarteredIn, 'entities', e.id, 'headquarteredIn');
    for (const link of e.parents) {
      if (link.votes !== undefined && link.share === undefined) report('entities', e.id, `parent link to ${link.entity} gives votes without the equity share`);
      resolve('entities', link.entity, 'entities', e.id, 'parent');
      checkDate('entities', e.id, 'parent from', link.from);
      checkDate('entities', e.id, 'parent to', link.to);
      if (link.from && link.to && earliestDay(link.to) < earliestDay(link.from)) {
        report('entities', e.id, `parent link to ${link.entity} ends before it starts`);
      }
    }
    checkSources('entities', e.id, e.sources);
  }
  problems.push(...findParentCycles(dataset, fileOf));

  const entities = new Map(dataset.entities.map((e) => [e.id as string, e]));
  const hostOwner = new Map<string, string>();
  for (const p of dataset.providers) {
    resolve('entities', p.operator, 'providers', p.id, 'operator');
    checkDate('providers', p.id, 'reviewed', p.reviewed);
    checkSources('providers', p.id, p.sources);
    for (const rule of p.hosts) {
      const owner = hostOwner.get(rule.host);
      if (owner) report('providers', p.id, `host ${rule.host} is already claimed by provider "${owner}"`);
      else hostOwner.set(rule.host, p.id);
    }
  }

  for (const a of dataset.actions) {
    resolve('authorities', a.authority, 'actions', a.id, 'authority');
    a.names.forEach(({ entity }) => resolve('entities', entity, 'actions', a.id, 'names'));
    for (const field of ['date', 'start', 'end', 'checked'] as const) checkDate('actions', a.id, field, a[field]);
    checkSources('actions', a.id, a.sources);
    if (a.start && a.end && earliestDay(a.end) < earliestDay(a.start)) report('actions', a.id, 'end lies before start');
    const ended = endedStatuses.includes(a.status);
    if (ended && a.status !== 'closed' && !a.end) report('actions', a.id, `a ${a.status} action keeps its end date`);
    if (!ended && a.end) report('actions', a.id, `a ${a.status} action has no end date; give the status it ended with`);
    if (a.unconfirmed && a.sources.some((s) => s.primary)) {
      report('actions', a.id, 'an unconfirmed report cannot cite the authority\'s own publication: drop "unconfirmed" or the source');
    }
    if (a.binds.includes('everyone') && a.binds.length > 1) report('actions', a.id, 'binds "everyone" already covers the others');
    for (const named of a.names) {
      const entity = entities.get(named.entity);
      if (entity && named.scope !== 'mentioned' && !isNameOf(named.asNamed, entity)) {
        report(
          'actions',
          a.id,
          `names ${named.entity} as "${named.asNamed}", which is not one of its names: link the entity the authority named (add it, with its parent), or add the spelling to otherNames if it is the same company`,
        );
      }
    }
  }

  if (dataset.meta.reviewed > today) problems.push({ file: 'dataset.json', message: `reviewed ${dataset.meta.reviewed} is in the future` });
  return problems;
}

/** Case, punctuation and a trailing parenthesis do not make another name: "HUAWEI TECHNOLOGIES CO., LTD. (Huawei)" is "Huawei Technologies Co., Ltd.". */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*[(（][^()（）]*[)）]\s*$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function isNameOf(asNamed: string, entity: Entity): boolean {
  const key = nameKey(asNamed);
  return [entity.name, ...entity.otherNames].some((name) => nameKey(name) === key);
}

/** Why a source URL is not a clean citation: tracking parameters, or a host spelled with a trailing dot. */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.hostname.endsWith('.')) return `has a trailing dot in its host (${parsed.hostname})`;
  const tracking = [...parsed.searchParams.keys()].find((key) => /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(key));
  return tracking ? `carries the tracking parameter "${tracking}"` : null;
}

function findParentCycles(dataset: Dataset, fileOf: FileOf): DatasetProblem[] {
  const parentsOf = new Map(dataset.entities.map((e) => [e.id as string, e.parents.map((p) => p.entity as string)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: DatasetProblem[] = [];
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      problems.push({ file: fileOf('entities', id), record: id, message: `parent links form a cycle: ${cycle.join(' → ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const parent of parentsOf.get(id) ?? []) if (parentsOf.has(parent)) visit(parent, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of parentsOf.keys()) visit(id, []);
  return problems;
}
