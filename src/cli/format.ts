import type { CheckResult } from '../core/check';

const levelLabel = {
  prohibited: 'PROHIBITED',
  restricted: 'RESTRICTED',
  'under-review': 'UNDER REVIEW',
  notice: 'NOTICE',
} as const;

/** The human-readable answer: provider, level, then each action with its sources. */
export function formatResult(result: CheckResult): string {
  if (!result.provider) return `${result.query}: not a provider in the dataset`;
  const { provider } = result;
  const lines = [
    `${provider.name} — operated by ${provider.operator}, controlled from ${provider.jurisdiction}`,
    `level: ${result.level ? levelLabel[result.level] : 'none'}${result.pageKind ? `   page: ${result.pageKind}` : ''}`,
  ];
  for (const action of result.actions) {
    lines.push('', `${action.date}  ${action.title}`, `  ${action.authority} (${action.jurisdiction}) · ${action.type} · ${action.status}`);
    for (const source of action.sources) lines.push(`  ${source.primary ? '[primary] ' : '[press]   '}${source.url}`);
  }
  lines.push('', 'Information, not legal advice.');
  return lines.join('\n');
}
