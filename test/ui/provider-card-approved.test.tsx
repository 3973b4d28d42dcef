// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';
import { verdictFor } from '../../src/core/verdict';
import { viewVerdict } from '../../src/core/verdict-view';
import { ProviderCard } from '../../src/ui/ProviderCard';

const index = fixtureIndex();
const view = viewVerdict(verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, index, FIXTURE_TODAY), null, index);

describe('the provider card and the organisation’s approval', () => {
  beforeEach(() => useEnglishMessages());
  afterEach(cleanup);

  it('says the organisation approved the provider, above the verdict it leaves as it is', () => {
    render(<ProviderCard view={{ ...view, approved: true }} locale="en-GB" />);
    expect(screen.getByText('Approved by your organisation')).toBeTruthy();
    expect(document.querySelector('.level-badge')?.textContent).toBe('Restricted');
  });

  it('says nothing of approval otherwise', () => {
    render(<ProviderCard view={{ ...view, approved: false }} locale="en-GB" />);
    expect(screen.queryByText('Approved by your organisation')).toBeNull();
  });
});
