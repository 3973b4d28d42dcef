/** The dataset's fixed vocabularies, apart from the schema so pages and the popup can use them without zod. */

export const pageKinds = ['console', 'signup', 'login', 'marketing', 'docs', 'api'] as const;

export const actionTypes = [
  'investigation',
  'entity-list',
  'covered-list',
  'sanctions',
  'investment-ban',
  'ban',
  'government-device-ban',
  'fine',
  'licence-revocation',
  'military-company-list',
  'data-protection-order',
  'warning',
  'court-ruling',
  'law',
] as const;

/** The legal state only; how well it is evidenced is a separate fact. "open"/"closed" are for investigations. */
export const actionStatuses = ['proposed', 'open', 'in-force', 'closed', 'lifted', 'revoked', 'vacated', 'expired'] as const;

/** Statuses of a measure that no longer applies; each keeps its end date. */
export const endedStatuses: ReadonlyArray<(typeof actionStatuses)[number]> = ['closed', 'lifted', 'revoked', 'vacated', 'expired'];

/** Whom a measure binds: everyone under the jurisdiction, or one group of people or companies. */
export const bindsValues = [
  'everyone',
  'government',
  /** Only the acting authority's own staff and devices (one agency's block). */
  'own-staff',
  'contractors',
  /** Telecoms or critical-infrastructure operators. */
  'telecoms',
  'investors',
  'exporters',
  /** Only the company the measure names (a licence revocation, a data-protection order, a fine). */
  'named-company',
] as const;

/** What a measure is about: only security and data protection can raise a level. */
export const concerns = ['security', 'data-protection', 'other'] as const;

/** How far a measure reaches from the entity it names. */
export const nameScopes = [
  /** The named company itself. */
  'entity',
  /** The named company and its affiliates or subsidiaries, in the measure's own words. */
  'affiliates',
  /** Its people or one of its products, not the company (executives designated, an app blocked). */
  'mentioned',
] as const;
