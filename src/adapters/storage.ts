import { storage } from '#imports';
import { defaultSettings, noDismissals, sanitiseDismissals, sanitisePolicy, sanitiseSettings, type Dismissals, type ManagedPolicy, type Settings } from '@/src/core/settings';

/** The person's settings; they follow the browser profile where sync is on. */
export const settingsStorage = storage.defineItem<Settings>('sync:settings', {
  fallback: defaultSettings,
  version: 1,
});

/** Muted and snoozed providers; kept on this device only. */
export const dismissalsStorage = storage.defineItem<Dismissals>('local:dismissals', {
  fallback: noDismissals,
  version: 1,
});

/** Reads settings, falling back field by field on corrupted or foreign-shaped values. */
export async function readSettings(): Promise<Settings> {
  try {
    return sanitiseSettings(await settingsStorage.getValue());
  } catch {
    return defaultSettings;
  }
}

export async function readDismissals(): Promise<Dismissals> {
  try {
    return sanitiseDismissals(await dismissalsStorage.getValue());
  } catch {
    return noDismissals;
  }
}

/** The last managed policy the background saw, so a freshly started browser can answer before managed storage does. */
export const lastPolicyStorage = storage.defineItem<ManagedPolicy>('local:lastManagedPolicy', { fallback: {}, version: 1 });

export async function readLastPolicy(): Promise<ManagedPolicy> {
  try {
    return sanitisePolicy(await lastPolicyStorage.getValue());
  } catch {
    return {};
  }
}

/** The administrator's policy; absent (or unreadable, as in Firefox without policies) means none. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    return sanitisePolicy(await storage.snapshot('managed'));
  } catch {
    return {};
  }
}
