import { describe, expect, it } from 'vitest';
import { compareLevels, isAtLeast, verdictFor } from '../../src/core/verdict';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const verdict = (providerId: string, home: string) => verdictFor(index.providers.get(providerId)!, home, index, FIXTURE_TODAY);

describe('verdictFor', () => {
  it.each([
    { provider: 'sample-cloud-china', home: 'US', level: 'under-review', because: 'us-review-sample' },
    { provider: 'sample-cloud-china', home: 'IT', level: 'restricted', because: 'it-order-sample-ai' },
    { provider: 'sample-cloud', home: 'US', level: 'under-review', because: 'us-review-sample' },
    { provider: 'northern-cloud', home: 'US', level: 'restricted', because: 'us-list-northern' },
    { provider: 'northern-cloud', home: 'EU', level: 'prohibited', because: 'eu-sanctions-northern' },
    { provider: 'northern-cloud', home: 'DE', level: 'prohibited', because: 'eu-sanctions-northern' },
  ])('$provider for $home: $level because of $because', ({ provider, home, level, because }) => {
    const result = verdict(provider, home);
    expect(result.level).toBe(level);
    expect(result.reason).toMatchObject({ kind: 'action', action: { id: because } });
  });

  it("gives a notice where the controller's laws give its state access to data and home has no adequacy finding for it", () => {
    const result = verdict('sample-ai', 'GB');
    expect(result.level).toBe('notice');
    expect(result.reason).toEqual({ kind: 'data-access-laws', jurisdiction: 'CN' });
  });

  it("treats another member state's order as context for the union, and falls back to the controller's laws", () => {
    const result = verdict('sample-cloud-china', 'EU');
    expect(result.level).toBe('notice');
    expect(result.reason).toEqual({ kind: 'data-access-laws', jurisdiction: 'CN' });
    expect(result.actions.find((a) => a.action.id === 'it-order-sample-ai')).toMatchObject({ atHome: false, raises: null });
  });

  it('names the designation when the home jurisdiction lists the controller as a concern', () => {
    const withoutActions = { ...index, actionsByEntity: new Map() };
    const result = verdictFor(index.providers.get('sample-cloud-china')!, 'US', withoutActions, FIXTURE_TODAY);
    expect(result.level).toBe('notice');
    expect(result.reason).toMatchObject({ kind: 'concern', designatedBy: 'US', designation: { id: 'us-fixture-adversaries' } });
  });

  it('lets a fine, however recent, stay context: it restricts no one', () => {
    const result = verdict('sample-cloud-china', 'CN');
    expect(result.level).toBeNull();
    expect(result.actions.find((a) => a.action.id === 'cn-fine-sample')).toMatchObject({ atHome: true, raises: null });
  });

  it('gives no verdict where the home jurisdiction finds the controller adequate', () => {
    expect(verdict('domestic-cloud', 'EU').level).toBeNull();
  });

  it('gives no verdict for a domestic provider whose only action was lifted, and still lists that action', () => {
    const result = verdict('domestic-cloud', 'US');
    expect(result.level).toBeNull();
    expect(result.actions.map((a) => [a.action.id, a.atHome, a.raises])).toEqual([['us-lifted-domestic', true, null]]);
  });

  it('follows parent links upward: an action against the parent concerns the cloud arm', () => {
    const result = verdict('sample-cloud', 'US');
    expect(result.chain.map((e) => e.id)).toEqual(['sample-cloud-intl', 'sample-group']);
    expect(result.controlledFrom).toBe('CN');
    expect(result.actions[0]).toMatchObject({ named: ['Sample Group'], atHome: true });
  });

  it('stops at a parent link that has ended', () => {
    const result = verdict('spun-off-cloud', 'US');
    expect(result.chain.map((e) => e.id)).toEqual(['spun-off-co']);
    expect(result.controlledFrom).toBe('DE');
    expect(result.actions).toEqual([]);
    expect(result.level).toBeNull();
  });

  it("orders the home jurisdiction's actions first, then the newest", () => {
    expect(verdict('sample-cloud-china', 'US').actions.map((a) => a.action.id)).toEqual([
      'us-review-sample',
      'it-order-sample-ai',
      'cn-fine-sample',
    ]);
    expect(verdict('northern-cloud', 'EU').actions.map((a) => a.action.id)).toEqual(['eu-sanctions-northern', 'us-list-northern']);
  });

  it("lists the controlling jurisdiction's data-access laws", () => {
    expect(verdict('sample-cloud-china', 'US').laws.map((l) => l.id)).toEqual(['cn-fixture-intelligence-law']);
  });
});

describe('levels', () => {
  it('rank prohibited above restricted above under review above notice above none', () => {
    const ordered = ['prohibited', 'restricted', 'under-review', 'notice', null] as const;
    for (let i = 0; i < ordered.length - 1; i++) expect(compareLevels(ordered[i]!, ordered[i + 1]!)).toBeGreaterThan(0);
    expect(isAtLeast('restricted', 'under-review')).toBe(true);
    expect(isAtLeast('notice', 'under-review')).toBe(false);
    expect(isAtLeast(null, 'notice')).toBe(false);
  });
});
