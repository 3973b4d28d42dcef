import type { DatasetIndex } from './dataset-index';
import type { Source } from './dataset-schema';
import { latestDay } from './dates';
import { reasonSentence } from './reason';
import { foldedProviderNames } from './search';
import { csvField } from './stream-check';
import { audiences, evidenceOf, verdictFor } from './verdict';

/** A cell: text, a yes/no, a list (joined with "|" in CSV), or nothing (empty in CSV, null in JSON). */
export type Cell = string | boolean | string[] | null;

export interface Column {
  name: string;
  /** How the README describes it. */
  description: string;
}

/** One table of the export: written as `<name>.csv` and `<name>.jsonl`. */
export interface Table {
  name: string;
  description: string;
  columns: Column[];
  /** Sorted, so the files are the same for the same records. */
  rows: Cell[][];
}

/** Plain code-unit order: the same on every machine, unlike `localeCompare`. */
function compareCells(a: Cell, b: Cell): number {
  const text = (cell: Cell) => (cell === null ? '' : Array.isArray(cell) ? cell.join('|') : String(cell));
  const [x, y] = [text(a), text(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortRows(rows: Cell[][], ...keys: Array<number | ((row: Cell[]) => number)>): Cell[][] {
  return rows.sort((a, b) => {
    for (const key of keys) {
      const order = typeof key === 'number' ? compareCells(a[key]!, b[key]!) : key(a) - key(b);
      if (order !== 0) return order;
    }
    return 0;
  });
}

const col = (name: string, description: string): Column => ({ name, description });

/**
 * The dataset as tables any SQL engine can load: host rules as the URL matcher reads them, providers, levels for every
 * provider × home jurisdiction × audience, actions, which actions concern which provider, and every source.
 * `today` fixes the date the levels and control chains hold on (the dataset's review date, not the clock).
 */
export function exportTables(index: DatasetIndex, today: string): Table[] {
  const { dataset } = index;
  const homes = [...index.jurisdictions.keys()].sort();
  const providers = [...dataset.providers].sort((a, b) => compareCells(a.id, b.id));
  const verdicts = providers.map((provider) => verdictFor(provider, { home: 'US', audience: 'general' }, index, today));

  const hosts: Table = {
    name: 'hosts',
    description:
      'Every host rule of every provider, and each path rule under it, written the way the URL matcher compares them. ' +
      'On a subdomain no row lists, under a marketing or docs host, the matcher also reads the first path segment and the first label ' +
      '("/register", "console."); docs/LOGS.md joins logs against this table with all of the matcher\'s rules.',
    columns: [
      col('host', 'Lower-case ASCII host name (punycode for international names), no trailing dot.'),
      col('include_subdomains', '`true` when every subdomain of the host belongs to the provider too (a more specific host row wins).'),
      col('path_prefix', 'Empty on the row that gives the host\'s default page kind. Otherwise a path prefix, lower case, without a trailing slash (except `/` itself): it matches a path equal to it or starting with it followed by `/`, compared case-insensitively; the longest matching prefix wins over the default.'),
      col('page_kind', 'console, signup, login, marketing, docs or api.'),
      col('provider_id', 'The provider (providers.csv).'),
    ],
    rows: sortRows(
      [...index.hosts].flatMap(([host, rule]): Cell[][] => [
        [host, rule.subdomains, null, rule.kind, rule.provider.id],
        ...rule.paths.map(({ prefix, kind }): Cell[] => [host, rule.subdomains, prefix, kind, rule.provider.id]),
      ]),
      0,
      2,
    ),
  };

  const providerTable: Table = {
    name: 'providers',
    description: 'Every provider: a service people sign up for, and who controls it.',
    columns: [
      col('provider_id', 'Stable id.'),
      col('name', 'Display name.'),
      col('aliases', 'Other names people search for, in any script (a list).'),
      col('operator_id', 'The company that operates the service (entities.csv).'),
      col('operator_name', 'Its legal name.'),
      col('controller_id', 'The top of the current ownership chain above the operator (entities.csv).'),
      col('controller_name', 'Its legal name.'),
      col('controlled_from', 'The jurisdiction the provider is controlled from: where the top of the chain has its headquarters (a U.S. state counts as US).'),
      col('reviewed', 'When the provider record was last reviewed (YYYY-MM-DD).'),
    ],
    rows: providers.map((provider, i) => {
      const { chain, controlledFrom } = verdicts[i]!;
      const top = chain[chain.length - 1]!;
      return [provider.id, provider.name, provider.aliases, chain[0]!.id, chain[0]!.name, top.id, top.name, controlledFrom, provider.reviewed];
    }),
  };

  const levels: Table = {
    name: 'levels',
    description: `The verdict for every provider, for a reader in every jurisdiction of the dataset (home) and of every audience, as of ${today}.`,
    columns: [
      col('provider_id', 'The provider (providers.csv).'),
      col('home', 'The reader\'s home jurisdiction (jurisdictions.csv): its law and government\'s actions set the level.'),
      col('audience', `Who reads: ${audiences.join(', ')} (a person or private company; a government body; a government contractor; a telecoms or critical-infrastructure operator).`),
      col('level', 'prohibited, restricted, under-review or notice, highest first; empty when nothing applies.'),
      col('reason', 'One sentence saying why, naming the measure (or designation) and its date; empty without a level.'),
      col('reason_action_id', 'The action (actions.csv) that sets the level; empty when the level comes from a designation or the data-access laws of the controlling state.'),
    ],
    rows: providers.flatMap((provider) =>
      homes.flatMap((home) =>
        audiences.map((audience): Cell[] => {
          const verdict = verdictFor(provider, { home, audience }, index, today);
          const action = verdict.reason?.kind === 'action' ? verdict.reason.action.id : null;
          return [provider.id, home, audience, verdict.level, reasonSentence(verdict, index), action];
        }),
      ),
    ),
  };

  const actions: Table = {
    name: 'actions',
    description: 'Every government action in the dataset.',
    columns: [
      col('action_id', 'Stable id.'),
      col('date', 'When the authority acted: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.'),
      col('authority_id', 'The acting authority.'),
      col('authority_name', 'Its name.'),
      col('jurisdiction', 'The authority\'s jurisdiction (jurisdictions.csv).'),
      col('type', 'investigation, entity-list, covered-list, sanctions, investment-ban, ban, government-device-ban, fine, licence-revocation, military-company-list, data-protection-order, warning, court-ruling or law.'),
      col('status', 'The legal state only: proposed, open, in-force, closed, lifted, revoked, vacated or expired.'),
      col('evidence', 'official (one source is the authority\'s own publication), press, or unconfirmed (a press report the authority never acknowledged).'),
      col('binds', 'Whom the measure binds (a list): everyone, government, own-staff, contractors, telecoms, investors, exporters, named-company.'),
      col('concern', 'security, data-protection or other; only the first two can raise a level.'),
      col('start', 'When it took effect, where known.'),
      col('end', 'When it ended, for ended statuses.'),
      col('checked', 'When its status was last checked (YYYY-MM-DD).'),
      col('title', 'One line.'),
      col('summary', 'What the authority did, neutrally.'),
      col('entity_ids', 'The entities it names (entities.csv), a list.'),
    ],
    rows: sortRows(
      dataset.actions.map((action): Cell[] => {
        const authority = index.authorities.get(action.authority);
        return [
          action.id,
          action.date,
          action.authority,
          authority?.name ?? null,
          authority?.jurisdiction ?? null,
          action.type,
          action.status,
          evidenceOf(action),
          action.binds,
          action.concern,
          action.start ?? null,
          action.end ?? null,
          action.checked,
          action.title,
          action.summary,
          action.names.map((name) => name.entity),
        ];
      }),
      0,
    ),
  };

  const providerActions: Table = {
    name: 'provider_actions',
    description: 'Which actions concern which provider, and how the entity they name stands to it. Whether an action raises a level depends on the reader: see levels.csv.',
    columns: [
      col('provider_id', 'The provider (providers.csv).'),
      col('action_id', 'The action (actions.csv).'),
      col('relation', 'operator (names the operator), parent (names an owner that controls it), shareholder (names a minority shareholder: context unless blocked shares reach the operator) or group (names another company of the same group: context, unless the measure covers affiliates).'),
    ],
    rows: sortRows(
      providers.flatMap((provider, i) => verdicts[i]!.actions.map(({ action, relation }): Cell[] => [provider.id, action.id, relation])),
      0,
      1,
    ),
  };

  const entities: Table = {
    name: 'entities',
    description: 'Every company the dataset names.',
    columns: [
      col('entity_id', 'Stable id.'),
      col('name', 'Legal name.'),
      col('other_names', 'Other names, also in native script (a list).'),
      col('incorporated_in', 'Jurisdiction of incorporation.'),
      col('headquartered_in', 'Jurisdiction of headquarters.'),
      col('parent_ids', `Parents whose link had not ended on ${today} (a list).`),
    ],
    rows: sortRows(
      dataset.entities.map((entity): Cell[] => [
        entity.id,
        entity.name,
        entity.otherNames,
        entity.incorporatedIn,
        entity.headquarteredIn,
        entity.parents.filter((link) => !link.to || latestDay(link.to) >= today).map((link) => link.entity),
      ]),
      0,
    ),
  };

  const jurisdictions: Table = {
    name: 'jurisdictions',
    description: 'Every jurisdiction: states, unions and subdivisions.',
    columns: [col('jurisdiction_id', 'ISO 3166-1 code, a union (EU) or a subdivision (US-TX).'), col('name', 'Its name.'), col('part_of', 'The union or state it belongs to, whose actions count here too.')],
    rows: sortRows(dataset.jurisdictions.map((j): Cell[] => [j.id, j.name, j.partOf ?? null]), 0),
  };

  const names: Table = {
    name: 'names',
    description:
      'Every provider name and alias, folded as the command line folds a query (case, width, accents; runs of spaces and ' +
      'punctuation become one space). A bare domain that no host rule covers is looked up here, so "alibaba.cloud" would find a provider named "Alibaba Cloud".',
    columns: [
      col('folded_name', 'The folded name; unique.'),
      col('provider_id', 'The provider an exact search finds first (providers.csv).'),
      col('name', 'The name or alias as written.'),
    ],
    rows: sortRows(foldedProviderNames(index).map(({ folded, provider, name }): Cell[] => [folded, provider.id, name]), 0),
  };

  const sourceRows: Cell[][] = [];
  const addSources = (kind: string, id: string, sources: readonly Source[]) =>
    sources.forEach((s, i) => sourceRows.push([kind, id, String(i + 1), s.url, s.title, s.publisher, s.primary, s.date ?? null]));
  for (const p of dataset.providers) addSources('provider', p.id, p.sources);
  for (const e of dataset.entities) addSources('entity', e.id, e.sources);
  for (const a of dataset.actions) addSources('action', a.id, a.sources);
  for (const j of dataset.jurisdictions) {
    for (const law of j.dataAccessLaws) addSources('data-access-law', `${j.id}/${law.id}`, law.sources);
    for (const d of j.designations) addSources('designation', `${j.id}/${d.id}`, d.sources);
    if (j.ownershipRule) addSources('ownership-rule', j.id, j.ownershipRule.sources);
  }
  const sources: Table = {
    name: 'sources',
    description: 'Every source of every record, in the record\'s own order.',
    columns: [
      col('record_kind', 'provider, entity, action, data-access-law, designation or ownership-rule.'),
      col('record_id', 'The record\'s id; for a law or designation `<jurisdiction>/<id>`, for an ownership rule the jurisdiction.'),
      col('position', 'Its place among the record\'s sources, from 1.'),
      col('url', 'An https address.'),
      col('title', 'Title of the page or file.'),
      col('publisher', 'Who published it.'),
      col('primary', '`true` for the authority\'s own publication (agency site, Federal Register, Official Journal, court).'),
      col('date', 'Publication date, where known.'),
    ],
    rows: sortRows(sourceRows, 0, 1, (row) => Number(row[2])),
  };

  return [hosts, names, providerTable, levels, actions, providerActions, sources, entities, jurisdictions];
}

function checkedList(items: string[], table: Table, column: string): string {
  const bad = items.find((item) => item.includes('|'));
  if (bad !== undefined) throw new Error(`${table.name}.${column}: "${bad}" contains "|", the CSV list separator`);
  return items.join('|');
}

/** RFC 4180 CSV with a header row; LF line ends; lists joined with "|"; booleans as true/false; nothing as an empty field. */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => c.name).join(',')];
  for (const row of table.rows) {
    lines.push(
      row
        .map((cell, i) => (cell === null ? '' : typeof cell === 'boolean' ? String(cell) : Array.isArray(cell) ? csvField(checkedList(cell, table, table.columns[i]!.name)) : csvField(cell)))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** JSON Lines: one object a row, keys as the column names, lists as arrays, nothing as null. */
export function tableToJsonl(table: Table): string {
  return table.rows.map((row) => `${JSON.stringify(Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])))}\n`).join('');
}

/** README.md of the export folder: what each file holds and what each column means. */
export function exportReadme(tables: Table[], meta: { version: string; reviewed: string }): string {
  const lines = [
    '# Whose Cloud dataset, as tables',
    '',
    `<!-- Generated by \`npm run data:export\` from dataset ${meta.version}. -->`,
    '',
    `Dataset version ${meta.version}, reviewed ${meta.reviewed}. Levels and ownership chains are as of ${meta.reviewed}.`,
    'Information from public sources, not legal advice.',
    '',
    'Each table comes twice: `<table>.csv` (RFC 4180, UTF-8, header row, LF line ends; lists joined with `|`; `true`/`false`;',
    'an empty field where there is nothing) and `<table>.jsonl` (one JSON object a line; lists as arrays; `null` where there',
    'is nothing). Rows are sorted, so the files change only when the records do.',
    '',
    'To join proxy, DNS or SSO logs against `hosts.csv` and `levels.csv` with the same rules as the extension, see',
    '`docs/LOGS.md` in the project.',
  ];
  for (const table of tables) {
    lines.push('', `## ${table.name}.csv`, '', `${table.description} ${table.rows.length.toLocaleString('en')} rows.`, '', '| Column | Meaning |', '| --- | --- |');
    for (const column of table.columns) lines.push(`| \`${column.name}\` | ${column.description.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
