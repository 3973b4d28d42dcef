/** Verdict levels, highest first. Kept apart from the schema so pages can rank levels without zod. */
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
