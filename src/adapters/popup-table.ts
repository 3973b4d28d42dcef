import hostRules from 'virtual:whose-cloud-host-rules';
import { cardFromTable, providerOfPage, type ReviewAgeWords } from '@/src/core/page-table';
import type { CardTop } from '@/src/core/verdict-view';
import type { CardView } from './messaging';
import { pageOf, tableReader } from './page-table';

// Apart from ./page-table: the host rules come bundled with the popup only, not with the content script or the worker.

/** A card as the popup reads it from the table: its top at once, the whole view when the rest is read. */
export interface PopupCard {
  top: CardTop & { approved: boolean };
  /** Undefined where the rest could not be read from the same table: the worker must answer. */
  view: Promise<CardView | undefined>;
  words: ReviewAgeWords | undefined;
}

/**
 * In the popup: the settings' own verdict on a provider (by id or by a tab's URL) from the table, without waking the
 * worker; null when the URL is no provider's, undefined when the table cannot tell and the worker must.
 */
export async function readTableCard(subject: { url: string } | { providerId: string }): Promise<PopupCard | null | undefined> {
  try {
    const provider = 'url' in subject ? providerOfPage(pageOf(subject.url), hostRules) : subject;
    if (!provider) return null;
    const { read, stampOf } = tableReader();
    const card = await cardFromTable(provider, read, stampOf);
    if (!card) return undefined;
    const { approved } = card;
    return { top: { ...card.top, approved }, words: card.words, view: card.view.then((view) => view && { ...view, approved }) };
  } catch {
    return undefined;
  }
}

/** The whole card, as readTableCard reads it. */
export async function readTableView(subject: { url: string } | { providerId: string }): Promise<CardView | null | undefined> {
  const card = await readTableCard(subject);
  return card ? card.view : card;
}
