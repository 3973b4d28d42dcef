// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '../fake-i18n';
import { verdictFor } from '../../src/core/verdict';
import { CARD_TOP_ACTIONS, cardTop, isOwnAction, viewVerdict } from '../../src/core/verdict-view';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { providerCard, providerCardTop } from '../../src/ui/card';

const TODAY = '2026-12-01';
const index = loadDatasetIndex(TODAY);

/** The whole card cut where its top ends: the first `listed` own measures, and nothing after their section. */
function cutAfterTop(whole: HTMLElement, listed: number): HTMLElement {
  const cut = whole.cloneNode(true) as HTMLElement;
  const own = cut.querySelector('[aria-labelledby="actions-heading"]')!;
  for (const item of [...own.querySelectorAll(':scope > ol.actions > li')].slice(listed)) item.remove();
  while (own.nextElementSibling) own.nextElementSibling.remove();
  return cut;
}

describe('the top of a provider card, which the popup draws first', () => {
  beforeEach(() => useEnglishMessages());

  it.each(['US', 'EU', 'GB'])('is the whole card as far as it reaches, for every provider and a reader in %s', (home) => {
    let shortened = 0;
    for (const provider of index.dataset.providers) {
      const view = viewVerdict(verdictFor(provider, { home, audience: 'general' }, index, TODAY), 'console', index);
      const whole = providerCard(view, 'en-US');
      const top = providerCardTop(cardTop(view), 'en-US');
      const own = view.actions.filter(isOwnAction).length;
      expect(top.outerHTML, provider.id).toBe(cutAfterTop(whole, CARD_TOP_ACTIONS).outerHTML);
      // Everything above the measures is there, and as many measures as the first screen can show.
      expect(top.querySelectorAll('[aria-labelledby="actions-heading"] > ol.actions > li')).toHaveLength(Math.min(own, CARD_TOP_ACTIONS));
      expect(top.querySelector('.why')?.textContent, provider.id).toBe(whole.querySelector('.why')?.textContent);
      shortened += Number(top.outerHTML !== whole.outerHTML);
    }
    // The cut is real: most cards have more than their top.
    expect(shortened).toBeGreaterThan(index.dataset.providers.length / 2);
  });
});
