import { endedStatuses } from './vocabulary';
import type {
  Action,
  ActionType,
  Authority,
  Binds,
  DataAccessLaw,
  Designation,
  Entity,
  OwnershipRule,
  ParentLink,
  Provider,
} from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { compareDatesDescending, latestDay } from './dates';
import { compareLevels, type Level } from './levels';

export { compareLevels, isAtLeast, levels, type Level } from './levels';

/** Who is reading: a person or private company, a government body, a government contractor, a telecoms or critical-infrastructure operator. */
export const audiences = ['general', 'government', 'contractor', 'telecom'] as const;
export type Audience = (typeof audiences)[number];

/** The two settings that define whose verdict it is (DESIGN.md, "Verdicts"). */
export interface Reader {
  home: string;
  audience: Audience;
}


/** Whom a measure must bind to forbid this audience anything. */
const bindsAudience: Record<Audience, readonly Binds[]> = {
  general: ['everyone'],
  government: ['everyone', 'government'],
  contractor: ['everyone', 'contractors'],
  telecom: ['everyone', 'telecoms'],
};

/** Measures that forbid dealing with the provider to whom they bind. */
const prohibitions: ReadonlySet<ActionType> = new Set(['sanctions', 'ban', 'government-device-ban']);
/** Measures that restrict no one's choice of provider: shown, never raising a level. */
const contextTypes: ReadonlySet<ActionType> = new Set(['fine', 'court-ruling', 'warning']);

/** How the entity an action names stands to the provider: its operator, an owner that controls it, a minority shareholder, or another company of its group. */
export type Relation = 'operator' | 'parent' | 'shareholder' | 'group';
const relationRank: Record<Relation, number> = { operator: 0, parent: 1, shareholder: 2, group: 3 };

/** Official: one source is the authority's own publication; press otherwise; unconfirmed: a press report the authority never acknowledged. */
export type Evidence = 'official' | 'press' | 'unconfirmed';

export function evidenceOf(action: Action): Evidence {
  if (action.sources.some((s) => s.primary)) return 'official';
  return action.unconfirmed ? 'unconfirmed' : 'press';
}

export interface ActionView {
  action: Action;
  authority: Authority | undefined;
  /** Jurisdiction of the acting authority. */
  jurisdiction: string;
  /** Whether the acting jurisdiction is the home jurisdiction or a union or state it belongs to. */
  atHome: boolean;
  /** The closest of the named entities: the operator, an owner up its chain, or another company of the same group. */
  relation: Relation;
  evidence: Evidence;
  /** The level this action gives this reader; null for context. */
  raises: Level | null;
  /** The names the action gave to entities of the provider's chain or group. */
  named: string[];
}

export type VerdictReason =
  | {
      kind: 'action';
      action: Action;
      authority: Authority | undefined;
      /** Set when a sanctions block reaches the operator through an owner of the chain (ownership rule). */
      owner?: Entity;
    }
  | { kind: 'concern'; designation: Designation; designatedBy: string }
  | { kind: 'data-access-laws'; jurisdiction: string };

export interface Verdict {
  provider: Provider;
  home: string;
  audience: Audience;
  /** Operator first, then each current parent up to the top of the chain. */
  chain: Entity[];
  /** The state where the top of the chain has its headquarters (a U.S. state counts as the United States). */
  controlledFrom: string;
  level: Level | null;
  reason: VerdictReason | null;
  /** Actions on the provider's own chain first, then those on other companies of its group. */
  actions: ActionView[];
  /** Laws giving the controlling state access to data, including those of a union it belongs to. */
  laws: DataAccessLaw[];
}

/** A jurisdiction followed by the unions or states it is part of. */
export function jurisdictionLineage(id: string, index: DatasetIndex): string[] {
  const lineage: string[] = [];
  for (let current: string | undefined = id; current && !lineage.includes(current); ) {
    lineage.push(current);
    current = index.jurisdictions.get(current)?.partOf;
  }
  return lineage;
}

/** The state a subdivision belongs to ("US-WA" → "US"); a state or union stays as it is. */
function stateOf(id: string, index: DatasetIndex): string {
  return id.includes('-') ? (index.jurisdictions.get(id)?.partOf ?? id.split('-')[0]!) : id;
}

function isCurrent(link: { to?: string | undefined }, today: string): boolean {
  return !link.to || latestDay(link.to) >= today;
}

/** A parent controls unless its sources give it a minority stake and no control; a parent without a stated share is taken as its sources describe it, in control. */
function isControlling(link: ParentLink): boolean {
  if (link.controls) return true;
  if (link.share === undefined && link.votes === undefined) return true;
  return (link.share ?? 0) >= 50 || (link.votes ?? 0) > 50;
}

function controlChain(operator: Entity, index: DatasetIndex, today: string): Entity[] {
  const chain: Entity[] = [operator];
  for (let entity = operator; ; ) {
    const link = entity.parents.find((p) => isCurrent(p, today) && isControlling(p));
    const parent = link && index.entities.get(link.entity);
    if (!parent || chain.includes(parent)) break;
    chain.push(parent);
    entity = parent;
  }
  return chain;
}

/** Everyone above the operator through current links: those that control it (and the operator), and minority shareholders with what stands above them. */
function ownersOf(operator: Entity, index: DatasetIndex, today: string): { owners: Set<string>; shareholders: Set<string> } {
  const owners = new Set<string>();
  const shareholders = new Set<string>();
  const walk = (start: Entity, controlling: boolean) => {
    const queue: Entity[] = [start];
    while (queue.length > 0) {
      const entity = queue.pop()!;
      const into = controlling ? owners : shareholders;
      if (owners.has(entity.id) || into.has(entity.id)) continue;
      into.add(entity.id);
      for (const link of entity.parents) {
        const parent = isCurrent(link, today) ? index.entities.get(link.entity) : undefined;
        if (!parent) continue;
        if (controlling && !isControlling(link)) walk(parent, false);
        else queue.push(parent);
      }
    }
  };
  walk(operator, true);
  return { owners, shareholders };
}

/** Every company below the top of the chain through current links. */
function groupOf(top: Entity, index: DatasetIndex, today: string): Set<string> {
  const group = new Set<string>();
  const queue: string[] = [top.id];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (group.has(id)) continue;
    group.add(id);
    for (const child of index.childrenByEntity.get(id) ?? []) {
      if (child.parents.some((link) => link.entity === id && isCurrent(link, today))) queue.push(child.id);
    }
  }
  return group;
}

function meetsThreshold(share: number | undefined, rule: OwnershipRule): boolean {
  return share !== undefined && (rule.inclusive ? share >= rule.threshold : share > rule.threshold);
}

/**
 * Whether a block on the `blocked` entities reaches `entity` under a jurisdiction's ownership rule:
 * blocked owners' shares add up (OFAC's aggregation), and where the rule counts control, a controlling owner suffices.
 */
function blockReaches(entity: Entity, blocked: ReadonlySet<string>, rule: OwnershipRule | undefined, index: DatasetIndex, today: string, seen = new Set<string>()): boolean {
  if (blocked.has(entity.id)) return true;
  if (!rule || seen.has(entity.id)) return false;
  seen.add(entity.id);
  let blockedShare = 0;
  for (const link of entity.parents) {
    const parent = isCurrent(link, today) ? index.entities.get(link.entity) : undefined;
    if (!parent || !blockReaches(parent, blocked, rule, index, today, seen)) continue;
    if (rule.control && (link.controls || meetsThreshold(link.votes, rule))) return true;
    blockedShare += link.share ?? 0;
  }
  return meetsThreshold(blockedShare, rule);
}

interface Scene {
  reader: Reader;
  homeLineage: string[];
  operator: Entity;
  index: DatasetIndex;
  today: string;
}

/**
 * The level one action gives this reader, and the owner through whom a sanctions block reaches the operator.
 * `covering` are the named entities the measure reaches (the control chain, or others where it covers affiliates);
 * `holders` are named minority shareholders, whose blocked shares still add up under an ownership rule.
 */
function raiseOf(action: Action, view: Omit<ActionView, 'raises'>, covering: Entity[], holders: Entity[], scene: Scene): { level: Level | null; owner?: Entity } {
  if (!view.atHome || action.concern === 'other' || contextTypes.has(action.type) || endedStatuses.includes(action.status)) return { level: null };
  const bindsReader = action.binds.some((b) => bindsAudience[scene.reader.audience].includes(b));
  if (action.type === 'sanctions' && bindsReader && action.status === 'in-force' && view.evidence !== 'unconfirmed') {
    if (covering.some((e) => e.id === scene.operator.id)) return { level: 'prohibited' };
    const blocked = [...covering, ...holders];
    const rule = scene.index.jurisdictions.get(view.jurisdiction)?.ownershipRule;
    if (blocked.length > 0 && blockReaches(scene.operator, new Set(blocked.map((e) => e.id)), rule, scene.index, scene.today)) {
      return { level: 'prohibited', owner: blocked[0] };
    }
  }
  if (covering.length === 0) return { level: null };
  if (action.status !== 'in-force' || view.evidence === 'unconfirmed' || action.type === 'investigation') return { level: 'under-review' };
  if (!prohibitions.has(action.type)) return { level: 'restricted' };
  if (bindsReader) return { level: action.type === 'sanctions' ? 'restricted' : 'prohibited' };
  // A rule for telecoms networks says nothing about anyone else's use; a government's own ban is a signal to everyone.
  return { level: action.type === 'ban' && action.binds.every((b) => b === 'telecoms') ? null : 'restricted' };
}

function designationsOf(lineage: readonly string[], index: DatasetIndex): Array<{ designation: Designation; by: string }> {
  return lineage.flatMap((id) => (index.jurisdictions.get(id)?.designations ?? []).map((designation) => ({ designation, by: id })));
}

/**
 * The verdict on a provider for one reader (home jurisdiction and audience): its level, why, and every
 * action on its control chain and group, most relevant first.
 */
export function verdictFor(provider: Provider, reader: Reader, index: DatasetIndex, today: string): Verdict {
  const operator = index.entities.get(provider.operator);
  if (!operator) throw new Error(`provider ${provider.id} has no operator entity ${provider.operator}`);
  const chain = controlChain(operator, index, today);
  const top = chain[chain.length - 1]!;
  const { owners, shareholders } = ownersOf(operator, index, today);
  const group = groupOf(top, index, today);
  const controlledFrom = stateOf(top.headquarteredIn, index);
  const homeLineage = jurisdictionLineage(reader.home, index);
  const controllerLineage = jurisdictionLineage(controlledFrom, index);
  const scene: Scene = { reader, homeLineage, operator, index, today };

  const relationOf = (id: string): Relation | null =>
    id === operator.id ? 'operator' : owners.has(id) ? 'parent' : shareholders.has(id) ? 'shareholder' : group.has(id) ? 'group' : null;
  const seen = new Set<Action>();
  const actions: ActionView[] = [];
  const owner = new Map<ActionView, Entity>();
  for (const entityId of [...owners, ...shareholders, ...group]) {
    for (const action of index.actionsByEntity.get(entityId) ?? []) {
      if (seen.has(action)) continue;
      seen.add(action);
      const ours = action.names.flatMap((name) => {
        const relation = relationOf(name.entity);
        return relation ? [{ name, relation }] : [];
      });
      const relation = ours.map((n) => n.relation).sort((a, b) => relationRank[a] - relationRank[b])[0]!;
      // Only names the measure really reaches count: the control chain's own, or others' where it covers affiliates.
      const reached = ours.filter(({ name }) => name.scope !== 'mentioned');
      const controls = (r: Relation) => r === 'operator' || r === 'parent';
      const covering = reached.filter(({ name, relation: r }) => controls(r) || name.scope === 'affiliates').map(({ name }) => index.entities.get(name.entity)!);
      const holders = reached.filter(({ relation: r }) => r === 'shareholder').map(({ name }) => index.entities.get(name.entity)!);
      const authority = index.authorities.get(action.authority);
      const jurisdiction = authority?.jurisdiction ?? '';
      const base = {
        action,
        authority,
        jurisdiction,
        atHome: homeLineage.includes(jurisdiction),
        relation,
        evidence: evidenceOf(action),
        named: ours.map(({ name }) => name.asNamed),
      };
      const raised = raiseOf(action, base, covering, holders, scene);
      const view = { ...base, raises: raised.level };
      actions.push(view);
      if (raised.owner) owner.set(view, raised.owner);
    }
  }
  const context = (a: ActionView) => Number(a.relation === 'shareholder' || a.relation === 'group') + Number(a.relation === 'group');
  actions.sort(
    (a, b) =>
      context(a) - context(b) ||
      Number(b.atHome) - Number(a.atHome) ||
      compareLevels(a.raises, b.raises) * -1 ||
      compareDatesDescending(a.action.date, b.action.date),
  );

  // The newest of the most severe measures is the reason.
  let level: Level | null = null;
  let reason: VerdictReason | null = null;
  for (const view of actions) {
    if (view.raises && compareLevels(view.raises, level) > 0) {
      level = view.raises;
      const through = owner.get(view);
      reason = { kind: 'action', action: view.action, authority: view.authority, ...(through && { owner: through }) };
    }
  }

  const laws = controllerLineage.flatMap((id) => index.jurisdictions.get(id)?.dataAccessLaws ?? []);
  const foreign = !controllerLineage.some((id) => homeLineage.includes(id));
  if (level === null && foreign) {
    const homeDesignations = designationsOf(homeLineage, index);
    const names = (d: Designation) => d.jurisdictions.some((j) => controllerLineage.includes(j));
    const concern = homeDesignations.find(({ designation: d }) => d.kind === 'concern' && names(d));
    const adequate = homeDesignations.some(({ designation: d }) => d.kind === 'adequate' && names(d));
    if (concern) {
      level = 'notice';
      reason = { kind: 'concern', designation: concern.designation, designatedBy: concern.by };
    } else if (laws.length > 0 && !adequate) {
      level = 'notice';
      reason = { kind: 'data-access-laws', jurisdiction: controlledFrom };
    }
  }
  return { provider, home: reader.home, audience: reader.audience, chain, controlledFrom, level, reason, actions, laws };
}
