import { z } from 'zod';
import { actionStatuses, actionTypes, bindsValues, concerns, nameScopes, pageKinds } from './vocabulary';

export { actionStatuses, actionTypes, bindsValues, concerns, endedStatuses, nameScopes, pageKinds } from './vocabulary';

/** Calendar date as the source gives it: a year, a month or a day (ISO 8601). */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof partialDateSchema>;

/** A day, for review and check stamps. */
export const daySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = (what: string) => z.string().regex(idPattern, `${what} ids are lower-case words joined by hyphens`);

export const entityIdSchema = slug('entity').brand<'EntityId'>();
export type EntityId = z.infer<typeof entityIdSchema>;
export const providerIdSchema = slug('provider').brand<'ProviderId'>();
export type ProviderId = z.infer<typeof providerIdSchema>;
export const actionIdSchema = slug('action').brand<'ActionId'>();
export type ActionId = z.infer<typeof actionIdSchema>;
export const authorityIdSchema = slug('authority').brand<'AuthorityId'>();
export type AuthorityId = z.infer<typeof authorityIdSchema>;

/** ISO 3166-1 alpha-2 ("CN"), a union ("EU"), or a subdivision ("US-TX"). */
export const jurisdictionIdSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'jurisdiction ids look like "US", "EU" or "US-TX"')
  .brand<'JurisdictionId'>();
export type JurisdictionId = z.infer<typeof jurisdictionIdSchema>;

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'sources must be https URLs' }),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** True for the authority's own publication: Federal Register, agency site, Official Journal, court. */
  primary: z.boolean(),
  date: partialDateSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

const sourcesSchema = z.array(sourceSchema).min(1, 'at least one source');
const schemaRef = { $schema: z.string().optional() };

export const pageKindSchema = z.enum(pageKinds);
export type PageKind = z.infer<typeof pageKindSchema>;

const hostnamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const pathRuleSchema = z.strictObject({
  /** Matched on whole path segments, case-insensitively: "/signup" matches "/signup/x", not "/signups". */
  prefix: z.string().regex(/^\/[^?#\s]*$/, 'path prefixes start with "/" and hold no query or fragment'),
  kind: pageKindSchema,
});
export type PathRule = z.infer<typeof pathRuleSchema>;

export const hostRuleSchema = z.strictObject({
  host: z.string().regex(hostnamePattern, 'hosts are lower-case ASCII (punycode) names without a trailing dot'),
  /** Whether every subdomain belongs to the same provider; a more specific host rule wins. */
  subdomains: z.boolean().default(false),
  kind: pageKindSchema,
  paths: z.array(pathRuleSchema).default([]),
});
export type HostRule = z.infer<typeof hostRuleSchema>;

const percentSchema = z.number().min(0).max(100);

export const parentLinkSchema = z.strictObject({
  entity: entityIdSchema,
  /** Share of ownership or the kind of control, as the source states it. */
  relation: z.string().min(1),
  /** Percentage of the equity this parent holds, where a source states it (for sanctions ownership rules). */
  share: percentSchema.optional(),
  /** Percentage of the votes, where it differs from the equity share (dual-class shares). */
  votes: percentSchema.optional(),
  /** True where a source says this parent controls the entity (board, votes, contracts) whatever its share. */
  controls: z.boolean().optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  note: z.string().optional(),
});
export type ParentLink = z.infer<typeof parentLinkSchema>;

export const entitySchema = z.strictObject({
  ...schemaRef,
  id: entityIdSchema,
  name: z.string().min(1),
  otherNames: z.array(z.string().min(1)).default([]),
  incorporatedIn: jurisdictionIdSchema,
  headquarteredIn: jurisdictionIdSchema,
  parents: z.array(parentLinkSchema).default([]),
  note: z.string().optional(),
  sources: sourcesSchema,
});
export type Entity = z.infer<typeof entitySchema>;

export const providerSchema = z.strictObject({
  ...schemaRef,
  id: providerIdSchema,
  name: z.string().min(1),
  /** Other names people search for, in any script. */
  aliases: z.array(z.string().min(1)).default([]),
  operator: entityIdSchema,
  hosts: z.array(hostRuleSchema).min(1),
  reviewed: daySchema,
  note: z.string().optional(),
  sources: sourcesSchema,
});
export type Provider = z.infer<typeof providerSchema>;

export const actionTypeSchema = z.enum(actionTypes);
export type ActionType = z.infer<typeof actionTypeSchema>;

export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const bindsSchema = z.enum(bindsValues);
export type Binds = z.infer<typeof bindsSchema>;

export const concernSchema = z.enum(concerns);
export type Concern = z.infer<typeof concernSchema>;


export const namedEntitySchema = z.strictObject({
  entity: entityIdSchema,
  /** The name exactly as the authority wrote it; one of the entity's names unless the scope is "mentioned". */
  asNamed: z.string().min(1),
  scope: z.enum(nameScopes).default('entity'),
});
export type NamedEntity = z.infer<typeof namedEntitySchema>;

export const actionSchema = z.strictObject({
  ...schemaRef,
  id: actionIdSchema,
  date: partialDateSchema,
  authority: authorityIdSchema,
  type: actionTypeSchema,
  status: actionStatusSchema,
  binds: z.array(bindsSchema).min(1, 'say whom the measure binds'),
  concern: concernSchema,
  /** A press report of something the authority never acknowledged; needs press sources only. */
  unconfirmed: z.boolean().default(false),
  start: partialDateSchema.optional(),
  end: partialDateSchema.optional(),
  checked: daySchema,
  title: z.string().min(1).max(140),
  summary: z.string().min(1),
  names: z.array(namedEntitySchema).min(1, 'an action names at least one entity'),
  note: z.string().optional(),
  sources: sourcesSchema,
});
export type Action = z.infer<typeof actionSchema>;

export const authoritySchema = z.strictObject({
  ...schemaRef,
  id: authorityIdSchema,
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  jurisdiction: jurisdictionIdSchema,
  url: z.url({ protocol: /^https$/, error: 'authority URLs must be https' }).optional(),
});
export type Authority = z.infer<typeof authoritySchema>;

export const dataAccessLawSchema = z.strictObject({
  id: slug('law'),
  name: z.string().min(1),
  summary: z.string().min(1),
  sources: sourcesSchema,
});
export type DataAccessLaw = z.infer<typeof dataAccessLawSchema>;

export const designationSchema = z.strictObject({
  id: slug('designation'),
  /** "concern": the home law names these as a risk; "adequate": the home law trusts their data protection. */
  kind: z.enum(['concern', 'adequate']),
  name: z.string().min(1),
  jurisdictions: z.array(jurisdictionIdSchema).min(1),
  summary: z.string().min(1),
  sources: sourcesSchema,
});
export type Designation = z.infer<typeof designationSchema>;

/** When a sanctions block on an owner reaches what it owns (OFAC's 50 % rule; the EU's and UK's ownership or control tests). */
export const ownershipRuleSchema = z.strictObject({
  /** Percentage of equity (aggregated over blocked owners) from which the block reaches the owned company. */
  threshold: percentSchema,
  /** True for "50 % or more" (OFAC), false for "more than 50 %" (EU, UK). */
  inclusive: z.boolean(),
  /** Whether control without a majority share (votes, board, contracts) also reaches the owned company. */
  control: z.boolean(),
  summary: z.string().min(1),
  sources: sourcesSchema,
});
export type OwnershipRule = z.infer<typeof ownershipRuleSchema>;

export const jurisdictionSchema = z.strictObject({
  ...schemaRef,
  id: jurisdictionIdSchema,
  name: z.string().min(1),
  /** The union or state this one belongs to: its actions bind here too. */
  partOf: jurisdictionIdSchema.optional(),
  dataAccessLaws: z.array(dataAccessLawSchema).default([]),
  designations: z.array(designationSchema).default([]),
  ownershipRule: ownershipRuleSchema.optional(),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const datasetMetaSchema = z.strictObject({
  ...schemaRef,
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'dataset versions look like 2026.11.28'),
  reviewed: daySchema,
});
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

export const recordSchemas = {
  entities: entitySchema,
  providers: providerSchema,
  actions: actionSchema,
  authorities: authoritySchema,
  jurisdictions: jurisdictionSchema,
} as const;
export type RecordKind = keyof typeof recordSchemas;

/** The whole dataset after every record passed its schema. */
export interface Dataset {
  meta: DatasetMeta;
  entities: Entity[];
  providers: Provider[];
  actions: Action[];
  authorities: Authority[];
  jurisdictions: Jurisdiction[];
}
