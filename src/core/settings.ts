import { z } from 'zod';
import { pageKindSchema, type PageKind } from './dataset-schema';
import { audiences, levels } from './verdict';

export { isDismissed, shouldShowBanner, shouldStop } from './show-banner';

export const bannerPositions = ['top', 'bottom'] as const;

/** What a person chose; `home: null` means "from the browser's locale". */
export const settingsSchema = z.object({
  home: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/).nullable(),
  /** Whose verdict: a person or private company unless they say otherwise. */
  audience: z.enum(audiences),
  minimumLevel: z.enum(levels),
  pageKinds: z.array(pageKindSchema).max(6),
  position: z.enum(bannerPositions),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  home: null,
  audience: 'general',
  minimumLevel: 'notice',
  pageKinds: ['console', 'signup', 'login'],
  position: 'top',
};

/** Where people may ask about a stop: an https: page or a mailto: address, nothing a link could run. */
export function isContactUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' && url.hostname !== '') || (url.protocol === 'mailto:' && url.pathname.includes('@'));
  } catch {
    return false;
  }
}

/** An organisation's stop: pages of these kinds, of providers at this level or above for the reader, get a full-page notice instead. */
export const stopRuleSchema = z.object({
  level: z.enum(levels),
  pageKinds: z.array(pageKindSchema).min(1).max(6),
  message: z.string().trim().min(1).max(1000).optional(),
  contact: z.string().trim().max(500).refine(isContactUrl).optional(),
  /** Whether "Continue anyway" (with a reason) opens the page for that visit. */
  allowProceed: z.boolean(),
});
export type StopRule = z.infer<typeof stopRuleSchema>;

/** What a stop with no usable level or page kinds falls back to: the strictest level, on sign-up pages. */
export const defaultStopRule: StopRule = { level: 'prohibited', pageKinds: ['signup'], allowProceed: false };

/** What an administrator may force through managed storage (enterprise policy). */
export const managedPolicySchema = z.object({
  home: settingsSchema.shape.home.unwrap().optional(),
  audience: settingsSchema.shape.audience.optional(),
  minimumLevel: settingsSchema.shape.minimumLevel.optional(),
  allowDismiss: z.boolean().optional(),
  /** Provider ids the organisation approved: their banner says so, calmly, and they are never stopped. */
  approvedProviders: z.array(z.string().min(1).max(100)).max(1000).optional(),
  stop: stopRuleSchema.optional(),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

/** A stored value read as a record of fields; anything else (null, a string, an array of junk) has none. */
function asRecord(stored: unknown): Record<string, unknown> {
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
}

/** Keeps every field that is still valid and puts defaults in the others; never throws. */
export function sanitiseSettings(stored: unknown): Settings {
  const record = asRecord(stored);
  const settings = { ...defaultSettings };
  for (const key of Object.keys(settingsSchema.shape) as Array<keyof Settings>) {
    const field = settingsSchema.shape[key].safeParse(record[key]);
    if (field.success) (settings as Record<string, unknown>)[key] = key === 'pageKinds' ? [...new Set(field.data as PageKind[])] : field.data;
  }
  return settings;
}

/** A stop read field by field: a bad contact or message is dropped, a bad level or page kind list falls back, never the stop itself. */
function sanitiseStop(stored: unknown): StopRule | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const record = asRecord(stored);
  const rule: StopRule = { ...defaultStopRule };
  for (const key of Object.keys(stopRuleSchema.shape) as Array<keyof StopRule>) {
    const field = stopRuleSchema.shape[key].safeParse(record[key]);
    if (field.success && field.data !== undefined) (rule as Record<string, unknown>)[key] = key === 'pageKinds' ? [...new Set(field.data as PageKind[])] : field.data;
  }
  return rule;
}

/** Readers for the policy fields that are more than one value: each keeps what it can. */
const policyFieldReaders: Partial<Record<keyof ManagedPolicy, (stored: unknown) => unknown>> = {
  approvedProviders: (stored) => {
    if (!Array.isArray(stored)) return undefined;
    const item = z.string().min(1).max(100);
    return [...new Set(stored.filter((id) => item.safeParse(id).success) as string[])].slice(0, 1000);
  },
  stop: sanitiseStop,
};

/** Reads a managed policy field by field, dropping what does not fit; never throws. */
export function sanitisePolicy(stored: unknown): ManagedPolicy {
  const record = asRecord(stored);
  const policy: ManagedPolicy = {};
  for (const key of Object.keys(managedPolicySchema.shape) as Array<keyof ManagedPolicy>) {
    const reader = policyFieldReaders[key];
    if (reader) {
      const value = reader(record[key]);
      if (value !== undefined) (policy as Record<string, unknown>)[key] = value;
      continue;
    }
    const field = managedPolicySchema.shape[key].safeParse(record[key]);
    if (field.success && field.data !== undefined) (policy as Record<string, unknown>)[key] = field.data;
  }
  return policy;
}

export interface EffectiveSettings extends Omit<Settings, 'home'> {
  /** The resolved home jurisdiction. */
  home: string;
  allowDismiss: boolean;
  /** Settings an administrator forced; the options page shows them as locked. */
  locked: Array<'home' | 'audience' | 'minimumLevel' | 'allowDismiss'>;
  /** Providers the organisation approved (policy only; a person cannot approve). */
  approvedProviders: string[];
  /** The organisation's stop, if it set one (policy only). */
  stop: StopRule | null;
}

/** The person's settings with the administrator's policy on top and the home jurisdiction resolved. */
export function effectiveSettings(settings: Settings, policy: ManagedPolicy, localeHome: string): EffectiveSettings {
  return {
    ...settings,
    home: policy.home ?? settings.home ?? localeHome,
    audience: policy.audience ?? settings.audience,
    minimumLevel: policy.minimumLevel ?? settings.minimumLevel,
    allowDismiss: policy.allowDismiss ?? true,
    locked: (['home', 'audience', 'minimumLevel', 'allowDismiss'] as const).filter((key) => policy[key] !== undefined),
    approvedProviders: policy.approvedProviders ?? [],
    stop: policy.stop ?? null,
  };
}

export const SNOOZE_DAYS = 30;

/** Providers a person silenced: muted for good, or snoozed until a moment (ms since epoch). */
export const dismissalsSchema = z.object({
  muted: z.array(z.string().max(100)).max(1000),
  snoozedUntil: z.record(z.string().max(100), z.number().finite()),
});
export type Dismissals = z.infer<typeof dismissalsSchema>;
export const noDismissals: Dismissals = { muted: [], snoozedUntil: {} };

export function sanitiseDismissals(stored: unknown): Dismissals {
  const record = asRecord(stored);
  const muted = dismissalsSchema.shape.muted.safeParse(record.muted);
  const snoozed = dismissalsSchema.shape.snoozedUntil.safeParse(record.snoozedUntil);
  return { muted: muted.success ? muted.data : [], snoozedUntil: snoozed.success ? snoozed.data : {} };
}

/** The file the options page exports and imports. */
export const settingsFileSchema = z.strictObject({
  format: z.literal('whose-cloud-settings'),
  version: z.literal(1),
  // Files exported before the audience existed still import, as a general reader's.
  settings: settingsSchema.extend({ audience: settingsSchema.shape.audience.default('general') }).strict(),
});

export function settingsFile(settings: Settings): string {
  return `${JSON.stringify({ format: 'whose-cloud-settings', version: 1, settings }, null, 2)}\n`;
}

/** Reads an imported settings file; the error names the first field that does not fit. */
export function parseSettingsFile(text: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data.settings };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || 'file'}: ${issue.message}` };
}
