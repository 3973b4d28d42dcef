import type { ActionStatus, ActionType, Binds, Concern, DataAccessLaw, PageKind, Source } from './dataset-schema';
import type { DatasetIndex } from './dataset-index';
import { reasonSentence } from './reason';
import type { Audience, Evidence, Level, Relation, Verdict } from './verdict';

export interface JurisdictionRef {
  id: string;
  name: string;
}

/** One action as the banner and popup show it: plain data, safe to send between contexts. */
export interface ActionSummary {
  id: string;
  date: string;
  title: string;
  summary: string;
  type: ActionType;
  status: ActionStatus;
  start?: string;
  end?: string;
  checked: string;
  note?: string;
  authority: string;
  authorityShort?: string;
  jurisdiction: JurisdictionRef;
  atHome: boolean;
  relation: Relation;
  evidence: Evidence;
  binds: Binds[];
  concern: Concern;
  raises: Level | null;
  named: string[];
  sources: Source[];
}

export type ReasonView =
  | { kind: 'action'; actionId: string; /** The blocked owner through whom a sanctions block reaches the operator. */ owner?: string }
  | { kind: 'concern'; designation: string; by: JurisdictionRef }
  | { kind: 'data-access-laws' };

/** A verdict flattened for display: everything a UI needs, nothing it must look up. */
export interface VerdictView {
  provider: { id: string; name: string; aliases: string[]; reviewed: string };
  pageKind: PageKind | null;
  home: JurisdictionRef;
  audience: Audience;
  level: Level | null;
  reason: ReasonView | null;
  /** The reason as one English sentence (reports, command line); the UI words it in the reader's language from `reason`. */
  sentence: string | null;
  controlledFrom: JurisdictionRef;
  chain: Array<{
    id: string;
    name: string;
    /** How this entity relates to the next one up, e.g. "wholly owned subsidiary". */
    relationToNext?: string;
    incorporatedIn: JurisdictionRef;
    headquarteredIn: JurisdictionRef;
    /** On the top of the chain only: what its record says of its owners, where the dataset could not establish them. */
    ownersNote?: string;
  }>;
  actions: ActionSummary[];
  laws: DataAccessLaw[];
  /**
   * Set where the worker already wrote the view in the reader's language: jurisdiction names replaced, dates in `dates`.
   * A page's first use of Intl loads its data and costs 30–100 ms; the worker pays it once.
   */
  localised?: {
    locale: string;
    dates: Readonly<Record<string, string>>;
    /** Whom each measure binds, as one list in the reader's language, keyed by `bindsKey`. */
    binds: Readonly<Record<string, string>>;
  };
}

/** The key of a measure's `binds` in `localised.binds`. */
export const bindsKey = (binds: readonly string[]) => binds.join(',');

/** A measure as a banner lists it: what the line shows, without the summary and note that only the full card shows. */
export type BannerAction = Omit<ActionSummary, 'summary' | 'note'>;

/**
 * What a banner needs: the headline's facts, the few measures it lists and the counts. A page reads this (a few KB)
 * instead of the whole view (tens of KB), so a visit costs one small storage read.
 */
export interface BannerView extends Omit<VerdictView, 'actions' | 'laws'> {
  actions: BannerAction[];
  /** How many of the view's measures are the provider's own (operator and controlling owners), and how many in all. */
  ownCount: number;
  actionCount: number;
}

/** How many of the provider's own measures the top of a card carries: more than the popup's first screen shows. */
export const CARD_TOP_ACTIONS = 2;

/**
 * The top of a provider's card: all of the view but its measures, of which it keeps the first own ones and the one that
 * gives the reason. Much smaller than the whole view where a provider has many measures (aliyun's: under a quarter), it is what the popup reads and draws first; the rest of the card
 * follows from the whole list of measures, read alongside.
 */
export interface CardTop extends Omit<VerdictView, 'actions'> {
  actions: ActionSummary[];
  /** How many of the view's measures are the provider's own. */
  ownCount: number;
}

/** The provider's own measures: those naming its operator or a controlling owner (the rest are context). */
export const isOwnAction = (action: Pick<ActionSummary, 'relation'>) => action.relation === 'operator' || action.relation === 'parent';

/** The banner's part of a view: its first `listed` own measures, plus the measure that gives the reason wherever it is. */
export function bannerView(view: VerdictView, listed: number): BannerView {
  const { actions, laws: _laws, ...headline } = view;
  const own = actions.filter(isOwnAction);
  return {
    ...headline,
    actions: reasonAndFirstOwn(view, own, listed).map(({ summary: _summary, note: _note, ...line }) => line),
    ownCount: own.length,
    actionCount: actions.length,
  };
}

/** The top of a view's card: its first `CARD_TOP_ACTIONS` own measures, plus the measure that gives the reason wherever it is. */
export function cardTop(view: VerdictView): CardTop {
  const own = view.actions.filter(isOwnAction);
  return { ...view, actions: reasonAndFirstOwn(view, own, CARD_TOP_ACTIONS), ownCount: own.length };
}

function reasonAndFirstOwn(view: VerdictView, own: ActionSummary[], listed: number): ActionSummary[] {
  const listedOwn = new Set(own.slice(0, listed));
  const reasonId = view.reason?.kind === 'action' ? view.reason.actionId : undefined;
  return view.actions.filter((action) => listedOwn.has(action) || action.id === reasonId);
}

export function jurisdictionRef(id: string, index: DatasetIndex): JurisdictionRef {
  return { id, name: index.jurisdictions.get(id)?.name ?? id };
}

/** Flattens a verdict so it can cross a message boundary and be rendered without the dataset. */
export function viewVerdict(verdict: Verdict, pageKind: PageKind | null, index: DatasetIndex): VerdictView {
  const ref = (id: string) => jurisdictionRef(id, index);
  const { provider, reason } = verdict;
  return {
    provider: { id: provider.id, name: provider.name, aliases: provider.aliases, reviewed: provider.reviewed },
    pageKind,
    home: ref(verdict.home),
    audience: verdict.audience,
    level: verdict.level,
    reason:
      reason === null
        ? null
        : reason.kind === 'action'
          ? { kind: 'action', actionId: reason.action.id, ...(reason.owner && { owner: reason.owner.name }) }
          : reason.kind === 'concern'
            ? { kind: 'concern', designation: reason.designation.name, by: ref(reason.designatedBy) }
            : { kind: 'data-access-laws' },
    sentence: reasonSentence(verdict, index),
    controlledFrom: ref(verdict.controlledFrom),
    chain: verdict.chain.map((entity, i) => ({
      id: entity.id,
      name: entity.name,
      relationToNext: entity.parents.find((p) => p.entity === verdict.chain[i + 1]?.id)?.relation,
      incorporatedIn: ref(entity.incorporatedIn),
      headquarteredIn: ref(entity.headquarteredIn),
      ...(i === verdict.chain.length - 1 && entity.note && { ownersNote: entity.note }),
    })),
    actions: verdict.actions.map(({ action, authority, jurisdiction, atHome, relation, evidence, raises, named }) => ({
      id: action.id,
      date: action.date,
      title: action.title,
      summary: action.summary,
      type: action.type,
      status: action.status,
      start: action.start,
      end: action.end,
      checked: action.checked,
      note: action.note,
      authority: authority?.name ?? action.authority,
      authorityShort: authority?.shortName,
      jurisdiction: ref(jurisdiction),
      atHome,
      relation,
      evidence,
      binds: action.binds,
      concern: action.concern,
      raises,
      named,
      sources: action.sources,
    })),
    laws: verdict.laws,
  };
}
