import hostRules from 'virtual:whose-cloud-host-rules';
import { cardFromTable, providerOfPage } from '@/src/core/page-table';
import type { CardView } from './messaging';
import { pageOf, tableReader } from './page-table';

// Apart from ./page-table: the host rules come bundled with the popup only, not with the content script or the worker.

/**
 * In the popup: the settings' own verdict on a provider (by id or by a tab's URL) from the table, without waking the
 * worker; null when the URL is no provider's, undefined when the table cannot tell and the worker must.
 */
export async function readTableView(subject: { url: string } | { providerId: string }): Promise<CardView | null | undefined> {
  try {
    const provider = 'url' in subject ? providerOfPage(pageOf(subject.url), hostRules) : subject;
    if (!provider) return null;
    const { read, stampOf } = tableReader();
    const card = await cardFromTable(provider, read, stampOf);
    return card && { ...card.view, approved: card.approved };
  } catch {
    return undefined;
  }
}
