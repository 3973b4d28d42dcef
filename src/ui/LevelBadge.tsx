import type { Level } from '@/src/core/verdict';
import { enumKey, t } from '@/src/adapters/i18n';

export function LevelBadge({ level }: { level: Level | null }) {
  return <span className={`level-badge level-${level ?? 'none'}`}>{t(enumKey('level', level ?? 'none'))}</span>;
}
