import { storage } from '#imports';
import { defaultSettings, noDismissals, sanitiseDismissals, sanitisePolicy, sanitiseSettings, type Dismissals, type ManagedPolicy, type Settings } from '@/src/core/settings';
import { sanitiseStopLog, type StopLogEntry } from '@/src/core/stop-log-schema';

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

/** Reads a stored value through its sanitiser; a read that fails (no such area, a broken profile) gives the fallback. */
async function readSafely<T>(read: () => Promise<unknown>, sanitise: (stored: unknown) => T, fallback: T): Promise<T> {
  try {
    return sanitise(await read());
  } catch {
    return fallback;
  }
}

/** Settings, falling back field by field on corrupted or foreign-shaped values. */
export const readSettings = () => readSafely(() => settingsStorage.getValue(), sanitiseSettings, defaultSettings);

export const readDismissals = () => readSafely(() => dismissalsStorage.getValue(), sanitiseDismissals, noDismissals);

/** The last managed policy the background saw, so a freshly started browser can answer before managed storage does. */
export const lastPolicyStorage = storage.defineItem<ManagedPolicy>('local:lastManagedPolicy', { fallback: {}, version: 1 });

export const readLastPolicy = () => readSafely(() => lastPolicyStorage.getValue(), sanitisePolicy, {});

/** The administrator's policy; absent (or unreadable, as in Firefox without policies) means none. */
export const readManagedPolicy = () => readSafely(() => storage.snapshot('managed'), sanitisePolicy, {});

/** The last 200 stops and proceeds (issue 14); kept on this device, shown and exported on the options page, never sent. */
export const stopLogStorage = storage.defineItem<StopLogEntry[]>('local:stopLog', { fallback: [], version: 1 });

export const readStopLog = () => readSafely(() => stopLogStorage.getValue(), sanitiseStopLog, []);

/** Provider id → until (ms): a page of a provider someone just chose "Continue anyway" on asks the worker before halting. */
export const proceedHintsStorage = storage.defineItem<Record<string, number>>('local:proceedHints', { fallback: {} });

/** Tab id → the one visit a "Continue anyway" allows there; gone with the browser session, and out of content scripts' reach. */
export const proceedAllowancesStorage = storage.defineItem<Record<string, { providerId: string; until: number }>>('session:proceedAllowances', { fallback: {} });
