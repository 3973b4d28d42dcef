import type {
  Action,
  Authority,
  Dataset,
  Entity,
  Jurisdiction,
  PageKind,
  Provider,
} from './dataset-schema';

export interface CompiledPathRule {
  prefix: string;
  kind: PageKind;
}

export interface CompiledHostRule {
  /** The rule's own host, as the dataset lists it. */
  host: string;
  provider: Provider;
  subdomains: boolean;
  kind: PageKind;
  /** Lower-case, without a trailing slash, longest first so the most specific wins. */
  paths: CompiledPathRule[];
}

/** The dataset compiled once for constant-time host look-ups and reference resolution. */
export interface DatasetIndex {
  dataset: Dataset;
  providers: ReadonlyMap<string, Provider>;
  entities: ReadonlyMap<string, Entity>;
  authorities: ReadonlyMap<string, Authority>;
  jurisdictions: ReadonlyMap<string, Jurisdiction>;
  hosts: ReadonlyMap<string, CompiledHostRule>;
  /** Every label-aligned suffix of every rule host ("com", "aliyun.com", …) with its rule, or null: a miss ends the host walk. */
  suffixRules: ReadonlyMap<string, CompiledHostRule | null>;
  actionsByEntity: ReadonlyMap<string, readonly Action[]>;
  /** Entities with a parent link (current or ended) to each entity: the way down a group. */
  childrenByEntity: ReadonlyMap<string, readonly Entity[]>;
}

/** "console.aliyun.com" → ["console.aliyun.com", "aliyun.com", "com"]: the host and each parent domain. */
export function labelSuffixes(host: string): string[] {
  const suffixes = [host];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) suffixes.push(host.slice(dot + 1));
  return suffixes;
}

function compilePathPrefix(prefix: string): string {
  const lower = prefix.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** Builds the index from a dataset that already passed `parseDataset`. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  const hosts = new Map<string, CompiledHostRule>();
  const suffixRules = new Map<string, CompiledHostRule | null>();
  for (const provider of dataset.providers) {
    for (const rule of provider.hosts) {
      for (const suffix of labelSuffixes(rule.host)) if (!suffixRules.has(suffix)) suffixRules.set(suffix, null);
      const paths = rule.paths
        .map((p) => ({ prefix: compilePathPrefix(p.prefix), kind: p.kind }))
        .sort((a, b) => b.prefix.length - a.prefix.length);
      hosts.set(rule.host, { host: rule.host, provider, subdomains: rule.subdomains, kind: rule.kind, paths });
    }
  }
  const actionsByEntity = new Map<string, Action[]>();
  for (const action of dataset.actions) {
    for (const { entity } of action.names) {
      const list = actionsByEntity.get(entity) ?? [];
      if (!list.includes(action)) list.push(action);
      actionsByEntity.set(entity, list);
    }
  }
  const childrenByEntity = new Map<string, Entity[]>();
  for (const entity of dataset.entities) {
    for (const link of entity.parents) {
      const list = childrenByEntity.get(link.entity) ?? [];
      if (!list.includes(entity)) list.push(entity);
      childrenByEntity.set(link.entity, list);
    }
  }
  return {
    dataset,
    providers: new Map(dataset.providers.map((p) => [p.id, p])),
    entities: new Map(dataset.entities.map((e) => [e.id, e])),
    authorities: new Map(dataset.authorities.map((a) => [a.id, a])),
    jurisdictions: new Map(dataset.jurisdictions.map((j) => [j.id, j])),
    hosts,
    suffixRules: new Map([...suffixRules].map(([suffix]) => [suffix, hosts.get(suffix) ?? null])),
    actionsByEntity,
    childrenByEntity,
  };
}
