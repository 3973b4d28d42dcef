import { browser } from '#imports';
import type { CardView } from '@/src/adapters/messaging';
import { readTableView } from '@/src/adapters/popup-table';

export type Subject = { kind: 'tab'; url: string | null } | { kind: 'provider'; providerId: string };

/** What the popup opens on: the provider asked for, or the active tab; and the card the page table holds for it. */
export interface FirstAnswer {
  subject: Subject;
  tabUrl: string | null;
  /** undefined where the table cannot tell and the worker must answer. */
  view: CardView | null | undefined;
}

async function activeTabUrl(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url && /^https?:/.test(tab.url) ? tab.url : null;
}

/** Started before React loads, so that reading storage and loading the UI overlap instead of following each other. */
export async function firstAnswer(requested: string | null): Promise<FirstAnswer> {
  if (requested) return { subject: { kind: 'provider', providerId: requested }, tabUrl: null, view: await readTableView({ providerId: requested }) };
  const url = await activeTabUrl();
  return { subject: { kind: 'tab', url }, tabUrl: url, view: url ? await readTableView({ url }) : null };
}
