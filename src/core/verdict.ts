import type {
  Action,
  ActionType,
  Authority,
  DataAccessLaw,
  Designation,
  Entity,
  Provider,
} from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { compareDatesDescending, latestDay } from './dates';

/** Verdict levels, highest first. */
export const levels = ['prohibited', 'restricted', 'under-review', 'notice'] as const;
export type Level = (typeof levels)[number];

/** Positive when `a` is more severe than `b`; null (no verdict) is below every level. */
export function compareLevels(a: Level | null, b: Level | null): number {
  const rank = (level: Level | null) => (level === null ? levels.length : levels.indexOf(level));
  return rank(b) - rank(a);
}

export function isAtLeast(level: Level | null, minimum: Level): boolean {
  return compareLevels(level, minimum) >= 0 && level !== null;
}

/** What an in-force action of each type does to someone in the acting jurisdiction (DESIGN.md, "Verdicts"); null is context only. */
const inForceLevel: Record<ActionType, Level | null> = {
  sanctions: 'prohibited',
  ban: 'prohibited',
  'entity-list': 'restricted',
  'covered-list': 'restricted',
  'military-company-list': 'restricted',
  'investment-ban': 'restricted',
  'government-device-ban': 'restricted',
  'licence-revocation': 'restricted',
  'data-protection-order': 'restricted',
  law: 'restricted',
  investigation: 'under-review',
  fine: null,
  warning: null,
  'court-ruling': null,
};

export interface ActionView {
  action: Action;
  authority: Authority | undefined;
  /** Jurisdiction of the acting authority. */
  jurisdiction: string;
  /** Whether the acting jurisdiction is the home jurisdiction or a union it belongs to. */
  atHome: boolean;
  /** The level this action gives the verdict; null for context (foreign, lifted, closed). */
  raises: Level | null;
  /** The names the action gave to entities in the provider's chain. */
  named: string[];
}

export type VerdictReason =
  | { kind: 'action'; action: Action }
  | { kind: 'concern'; designation: Designation; designatedBy: string }
  | { kind: 'data-access-laws'; jurisdiction: string };

export interface Verdict {
  provider: Provider;
  home: string;
  /** Operator first, then each current parent up to the top of the chain. */
  chain: Entity[];
  /** The state where the top of the chain has its headquarters (a U.S. state counts as the United States). */
  controlledFrom: string;
  level: Level | null;
  reason: VerdictReason | null;
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

function controlChain(operator: Entity, index: DatasetIndex, today: string): { chain: Entity[]; related: Set<string> } {
  const chain: Entity[] = [operator];
  for (let entity = operator; ; ) {
    const link = entity.parents.find((p) => isCurrent(p, today));
    const parent = link && index.entities.get(link.entity);
    if (!parent || chain.includes(parent)) break;
    chain.push(parent);
    entity = parent;
  }
  const related = new Set<string>();
  const queue: Entity[] = [operator];
  while (queue.length > 0) {
    const entity = queue.pop()!;
    if (related.has(entity.id)) continue;
    related.add(entity.id);
    for (const link of entity.parents) {
      const parent = isCurrent(link, today) ? index.entities.get(link.entity) : undefined;
      if (parent) queue.push(parent);
    }
  }
  return { chain, related };
}

function levelOf(action: Action, atHome: boolean): Level | null {
  if (!atHome) return null;
  switch (action.status) {
    case 'reported':
    case 'proposed':
    case 'open':
      return 'under-review';
    case 'in-force':
      return inForceLevel[action.type];
    default:
      return null;
  }
}

function designationsOf(lineage: readonly string[], index: DatasetIndex): Array<{ designation: Designation; by: string }> {
  return lineage.flatMap((id) => (index.jurisdictions.get(id)?.designations ?? []).map((designation) => ({ designation, by: id })));
}

/**
 * The verdict on a provider for a person whose home jurisdiction is `home`:
 * its level, why, and every action on its control chain, most relevant first.
 */
export function verdictFor(provider: Provider, home: string, index: DatasetIndex, today: string): Verdict {
  const operator = index.entities.get(provider.operator);
  if (!operator) throw new Error(`provider ${provider.id} has no operator entity ${provider.operator}`);
  const { chain, related } = controlChain(operator, index, today);
  const controlledFrom = stateOf(chain[chain.length - 1]!.headquarteredIn, index);
  const homeLineage = jurisdictionLineage(home, index);
  const controllerLineage = jurisdictionLineage(controlledFrom, index);

  const seen = new Set<Action>();
  const actions: ActionView[] = [];
  for (const entityId of related) {
    for (const action of index.actionsByEntity.get(entityId) ?? []) {
      if (seen.has(action)) continue;
      seen.add(action);
      const authority = index.authorities.get(action.authority);
      const jurisdiction = authority?.jurisdiction ?? '';
      const atHome = homeLineage.includes(jurisdiction);
      const named = action.names.filter((n) => related.has(n.entity)).map((n) => n.asNamed);
      actions.push({ action, authority, jurisdiction, atHome, raises: levelOf(action, atHome), named });
    }
  }
  actions.sort((a, b) => Number(b.atHome) - Number(a.atHome) || compareDatesDescending(a.action.date, b.action.date));

  const laws = controllerLineage.flatMap((id) => index.jurisdictions.get(id)?.dataAccessLaws ?? []);
  let level: Level | null = null;
  let reason: VerdictReason | null = null;
  for (const view of actions) {
    if (view.raises && compareLevels(view.raises, level) > 0) {
      level = view.raises;
      reason = { kind: 'action', action: view.action };
    }
  }
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
  return { provider, home, chain, controlledFrom, level, reason, actions, laws };
}

