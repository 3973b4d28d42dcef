import { describe, expect, it } from 'vitest';
import { verdictFor } from '../../src/core/verdict';
import { viewVerdict, type ActionSummary } from '../../src/core/verdict-view';
import { bindsText, dateText, localiseView, placeName } from '../../src/ui/describe';
import { enumKey, type Translate } from '../../src/adapters/i18n';
import german from '../../public/_locales/de/messages.json';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const view = viewVerdict(verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, index, FIXTURE_TODAY), null, index);

// The German locale file, as chrome.i18n would answer a German reader.
const inGerman: Translate = (key, substitutions) =>
  (german as Record<string, { message: string }>)[key]!.message.replace(/\$(\d)/g, (_, n: string) => [substitutions ?? []].flat()[Number(n) - 1] ?? '');

describe('a view the worker wrote in the reader’s language', () => {
  const german = localiseView(view, 'de-DE', inGerman);

  it('carries jurisdiction names and every action date in that language', () => {
    expect([german.home.name, german.controlledFrom.name]).toEqual(['Vereinigte Staaten', 'China']);
    expect(german.localised?.dates['2025-02-06']).toBe('06.02.2025');
    expect(Object.keys(german.localised!.dates).sort()).toEqual([...new Set(view.actions.flatMap((a) => [a.date, ...(a.end ? [a.end] : [])]))].sort());
  });

  it('carries whom each measure binds as one list in that language, and the card reads it from there', () => {
    // One measure binding three groups, next to the fixture's own.
    const several = { ...view.actions[0]!, id: 'three-groups', binds: ['government', 'contractors', 'telecoms'] as ActionSummary['binds'] };
    const withThree = localiseView({ ...view, actions: [...view.actions, several] }, 'de-DE', inGerman);
    const [a, b, c] = several.binds.map((group) => inGerman(enumKey('binds', group)));
    expect(bindsText(withThree, several, inGerman, 'de-DE')).toBe(inGerman('bindsLabel', `${a}, ${b} und ${c}`));
    // Written once for each set of groups the view's measures bind, and read in place of Intl.
    expect(Object.keys(withThree.localised!.binds).sort()).toEqual([...new Set([...view.actions, several].map((action) => action.binds.join(',')))].sort());
    const planted = { ...withThree, localised: { ...withThree.localised!, binds: { [several.binds.join(',')]: 'written by the worker' } } };
    expect(bindsText(planted, several, inGerman, 'de-DE')).toBe(inGerman('bindsLabel', 'written by the worker'));
    expect(bindsText(planted, several, inGerman, 'fr-FR')).not.toContain('written by the worker');
  });

  it('is read as it is in that language, and named again in another', () => {
    expect(placeName(german, german.home, 'de-DE')).toBe('Vereinigte Staaten');
    expect(dateText(german, '2025-02-06', 'de-DE')).toBe('06.02.2025');
    expect(placeName(german, view.home, 'fr-FR')).toBe('États-Unis');
    expect(dateText(german, '2025-02-06', 'en-US')).toBe('Feb 6, 2025');
  });
});
