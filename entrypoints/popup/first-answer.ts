import { browser } from '#imports';
import type { ReviewAgeWords } from '@/src/core/page-table';
import type { CardView } from '@/src/adapters/messaging';
import { readTableCard, type PopupCard } from '@/src/adapters/popup-table';

export type Subject = { kind: 'tab'; url: string | null } | { kind: 'provider'; providerId: string };

/** What the popup opens on: the provider asked for, or the active tab; and the card the page table holds for it. */
export interface FirstAnswer {
  subject: Subject;
  tabUrl: string | null;
  /** undefined where the table cannot tell and the worker must answer. */
  view: CardView | null | undefined;
  /** The dataset's age in the reader's words, as the worker wrote them with the table. */
  words?: ReviewAgeWords | undefined;
}

/** The first answer as it is drawn first: the top of the card, before the rest of it is read. */
export interface FirstTop extends Omit<FirstAnswer, 'view'> {
  top: PopupCard['top'] | null | undefined;
  /** The whole answer, once the rest of the card is read. */
  answer: Promise<FirstAnswer>;
}

async function activeTabUrl(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url && /^https?:/.test(tab.url) ? tab.url : null;
}

/**
 * Started before React loads, so that reading storage and loading the UI overlap instead of following each other.
 * `whileWaiting` runs once, as soon as the first request is on its way: the tab's query, or the card's reads for a provider asked for by id.
 */
export async function firstTop(requested: string | null, whileWaiting: () => void = () => undefined): Promise<FirstTop> {
  const tab = requested ? undefined : activeTabUrl();
  const asked = requested ? readTableCard({ providerId: requested }) : undefined;
  whileWaiting();
  const tabUrl = tab ? await tab : null;
  const subject: Subject = requested ? { kind: 'provider', providerId: requested } : { kind: 'tab', url: tabUrl };
  const card = await (asked ?? (tabUrl ? readTableCard({ url: tabUrl }) : null));
  const words = card?.words;
  const answer = card ? card.view.then((view) => ({ subject, tabUrl, view, words })) : Promise.resolve({ subject, tabUrl, view: card });
  return { subject, tabUrl, top: card && card.top, words, answer };
}

/** The whole first answer, where nothing is drawn before it. */
export async function firstAnswer(requested: string | null): Promise<FirstAnswer> {
  return (await firstTop(requested)).answer;
}
