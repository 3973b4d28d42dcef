import { describe, expect, it } from 'vitest';
import { audiences, verdictFor } from '../../src/core/verdict';
import { bannerView, viewVerdict } from '../../src/core/verdict-view';
import { loadDatasetIndex } from '../../src/node/read-dataset';

const TODAY = '2026-12-01';
const index = loadDatasetIndex(TODAY);
const own = (relation: string) => relation === 'operator' || relation === 'parent';

describe('the banner part of a view', () => {
  it('keeps the headline, the first own measures and the reason, with true counts, for every provider, home and audience', () => {
    for (const provider of index.dataset.providers) {
      for (const home of ['US', 'EU', 'GB']) {
        for (const audience of audiences) {
          const view = viewVerdict(verdictFor(provider, { home, audience }, index, TODAY), null, index);
          const banner = bannerView(view, 3);
          const label = `${provider.id} ${home} ${audience}`;
          const ownIds = view.actions.filter((a) => own(a.relation)).map((a) => a.id);
          expect(banner.ownCount, label).toBe(ownIds.length);
          expect(banner.actionCount, label).toBe(view.actions.length);
          expect(banner.actions.filter((a) => own(a.relation)).map((a) => a.id).slice(0, 3), label).toEqual(ownIds.slice(0, 3));
          // The headline is the view's own: level, reason, places, chain.
          expect({ ...banner, actions: undefined, ownCount: undefined, actionCount: undefined }, label).toEqual({ ...view, actions: undefined, laws: undefined });
          const reasonId = view.reason?.kind === 'action' ? view.reason.actionId : undefined;
          if (reasonId) expect(banner.actions.map((a) => a.id), label).toContain(reasonId);
          for (const action of banner.actions) {
            expect(action, label).not.toHaveProperty('summary');
            expect(action, label).not.toHaveProperty('note');
            expect(action.sources.length, label).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it('keeps the reason measure when it is not among the listed ones', () => {
    const view = viewVerdict(verdictFor(index.providers.get('huawei-cloud')!, { home: 'US', audience: 'general' }, index, TODAY), null, index);
    const last = view.actions.filter((a) => own(a.relation)).at(-1)!;
    expect(view.actions.filter((a) => own(a.relation)).indexOf(last)).toBeGreaterThan(2);
    const banner = bannerView({ ...view, reason: { kind: 'action', actionId: last.id } }, 3);
    expect(banner.actions.map((a) => a.id)).toContain(last.id);
    expect(banner.actions).toHaveLength(4);
  });

  it('is a small part of the whole view', () => {
    const view = viewVerdict(verdictFor(index.providers.get('deepseek')!, { home: 'US', audience: 'general' }, index, TODAY), null, index);
    expect(JSON.stringify(bannerView(view, 3)).length).toBeLessThan(JSON.stringify(view).length / 5);
  });
});
