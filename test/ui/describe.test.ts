import { describe, expect, it } from 'vitest';
import { verdictFor } from '../../src/core/verdict';
import { viewVerdict } from '../../src/core/verdict-view';
import { dateText, localiseView, placeName } from '../../src/ui/describe';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const view = viewVerdict(verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, index, FIXTURE_TODAY), null, index);

describe('a view the worker wrote in the reader’s language', () => {
  const german = localiseView(view, 'de-DE');

  it('carries jurisdiction names and every action date in that language', () => {
    expect([german.home.name, german.controlledFrom.name]).toEqual(['Vereinigte Staaten', 'China']);
    expect(german.localised?.dates['2025-02-06']).toBe('06.02.2025');
    expect(Object.keys(german.localised!.dates).sort()).toEqual([...new Set(view.actions.flatMap((a) => [a.date, ...(a.end ? [a.end] : [])]))].sort());
  });

  it('is read as it is in that language, and named again in another', () => {
    expect(placeName(german, german.home, 'de-DE')).toBe('Vereinigte Staaten');
    expect(dateText(german, '2025-02-06', 'de-DE')).toBe('06.02.2025');
    expect(placeName(german, view.home, 'fr-FR')).toBe('États-Unis');
    expect(dateText(german, '2025-02-06', 'en-US')).toBe('Feb 6, 2025');
  });
});
