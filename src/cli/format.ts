import type { CheckResult } from '../core/check';
import type { Binds } from '../core/dataset-schema';
import type { LineRenderer, StreamSummary } from '../core/stream-check';
import type { Audience, Evidence, Level, Relation } from '../core/verdict';

const levelLabel: Record<Level, string> = {
  prohibited: 'PROHIBITED',
  restricted: 'RESTRICTED',
  'under-review': 'UNDER REVIEW',
  notice: 'NOTICE',
};

const audienceLabel: Record<Audience, string> = {
  general: 'a person or private company',
  government: 'a government body',
  contractor: 'a government contractor',
  telecom: 'a telecoms or critical-infrastructure operator',
};

const evidenceLabel: Record<Evidence, string> = {
  official: 'Official source',
  press: 'Press reports only',
  unconfirmed: 'Unconfirmed report',
};

const bindsLabel: Record<Binds, string> = {
  everyone: 'everyone under the jurisdiction',
  government: 'government bodies',
  'own-staff': "the authority's own staff",
  contractors: 'government contractors',
  telecoms: 'telecoms and critical-infrastructure operators',
  investors: 'investors',
  exporters: 'exporters',
  'named-company': 'only the company named',
};

const relationLabel: Record<Relation, string> = {
  operator: 'names the operator',
  parent: 'names an owner up the chain',
  shareholder: 'names a minority shareholder',
  group: 'names another company of the same group',
};

type ActionLine = CheckResult['actions'][number];

function actionLines(action: ActionLine): string[] {
  const raises = action.raises ? `raises: ${levelLabel[action.raises]}` : 'context, raises no level';
  return [
    '',
    `${action.date}  ${action.title}`,
    `  ${action.authority} (${action.jurisdiction}) · ${action.type} · ${action.status.replace('-', ' ')} · ${action.concern} · ${raises}`,
    `  ${evidenceLabel[action.evidence]} · Binds: ${action.binds.map((b) => bindsLabel[b]).join(', ')} · ${relationLabel[action.relation]}`,
    ...action.sources.map((source) => `  ${source.primary ? '[primary] ' : '[press]   '}${source.url}`),
  ];
}

/** The human-readable answer: provider, level for whom, why, then the actions (the group's under their own heading) with sources. */
export function formatResult(result: CheckResult): string {
  if (!result.provider) return `${result.query === '' ? '(blank line)' : result.query}: not a provider in the dataset`;
  const { provider } = result;
  const lines = [
    `${provider.name} — operated by ${provider.operator}, controlled from ${provider.jurisdiction}`,
    `level: ${result.level ? levelLabel[result.level] : 'none'}   for: ${audienceLabel[result.audience]} in ${result.home}${result.pageKind ? `   page: ${result.pageKind}` : ''}`,
  ];
  if (result.reason) lines.push(`why: ${result.reason}`);
  const own = result.actions.filter((a) => a.relation !== 'group');
  const group = result.actions.filter((a) => a.relation === 'group');
  for (const action of own) lines.push(...actionLines(action));
  if (group.length > 0) {
    lines.push('', 'Other companies of the same group (context: they do not set the level unless the measure covers affiliates)');
    for (const action of group) lines.push(...actionLines(action));
  }
  lines.push('', 'Information, not legal advice.');
  return lines.join('\n');
}

/**
 * Readable answers for a stream: each headed by its query and followed by a blank line; an unknown query takes one line.
 * The text of a provider is built once and reused for every line that names it.
 */
export const textRenderer: LineRenderer = {
  header: null,
  prepare(template) {
    if (!template.provider) return { head: (query) => formatResult({ ...template, query }), tail: '\n' };
    return { head: (query) => `${query}\n`, tail: `${formatResult(template)}\n\n` };
  },
};

/** The readable answer to a single query, as it always was: no heading, one newline after it. */
export const singleTextRenderer: LineRenderer = {
  header: null,
  prepare(template) {
    return { head: (query) => formatResult({ ...template, query }), tail: '\n' };
  },
};

/** `--summary` as a table, for a person at a terminal. */
export function formatSummary(summary: StreamSummary): string {
  const rows = [
    ['provider', 'controlled from', 'level', 'page kind', 'lines'],
    ...summary.byProvider.flatMap(({ provider, level, pageKinds }) =>
      pageKinds.map(({ pageKind, lines }, i) => [
        i === 0 ? `${provider.name} (${provider.id})` : '',
        i === 0 ? provider.jurisdiction : '',
        i === 0 ? (level ?? 'none') : '',
        pageKind ?? '(by name)',
        lines.toLocaleString('en'),
      ]),
    ),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const table = rows.map((row) => row.map((cell, col) => (col === row.length - 1 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd());
  const count = (n: number) => n.toLocaleString('en');
  return [
    `${count(summary.lines)} lines, ${count(summary.matched)} named a provider (for ${audienceLabel[summary.audience]} in ${summary.home})`,
    ...(summary.byProvider.length > 0 ? ['', ...table] : []),
    '',
    `by page kind: ${summary.byPageKind.map(({ pageKind, lines }) => `${pageKind ?? '(by name)'} ${count(lines)}`).join(', ') || 'none'}`,
    `by level: ${summary.byLevel.map(({ level, lines }) => `${level ?? 'none'} ${count(lines)}`).join(', ') || 'none'}`,
  ].join('\n');
}
