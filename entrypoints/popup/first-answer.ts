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

/**
 * Started before React loads, so that reading storage and loading the UI overlap instead of following each other.
 * `whileReading` runs once, as soon as the card's read is on its way (or at once when there is nothing to read).
 */
export async function firstAnswer(requested: string | null, whileReading: () => void = () => undefined): Promise<FirstAnswer> {
  const subject: Subject = requested ? { kind: 'provider', providerId: requested } : { kind: 'tab', url: await activeTabUrl() };
  const reading = subject.kind === 'provider' ? readTableView(subject) : subject.url ? readTableView({ url: subject.url }) : Promise.resolve(null);
  whileReading();
  return { subject, tabUrl: subject.kind === 'tab' ? subject.url : null, view: await reading };
}
