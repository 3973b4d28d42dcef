import { describe, expect, it } from 'vitest';
import { reasonSentence } from '../../src/core/reason';
import { compareLevels, evidenceOf, isAtLeast, verdictFor, type Audience } from '../../src/core/verdict';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';

const index = fixtureIndex();
const verdict = (providerId: string, home: string, audience: Audience = 'general') =>
  verdictFor(index.providers.get(providerId)!, { home, audience }, index, FIXTURE_TODAY);
const raisesOf = (providerId: string, home: string, audience: Audience = 'general') =>
  Object.fromEntries(verdict(providerId, home, audience).actions.map((a) => [a.action.id, a.raises]));

describe('verdictFor', () => {
  // Each row: the level one reader gets, and the measure that gives it (DESIGN.md, "Verdicts").
  it.each([
    // A government's own device ban restricts everyone else; the unconfirmed review alone would be "under review".
    { provider: 'sample-cloud-china', home: 'US', audience: 'general', level: 'restricted', because: 'us-device-ban-sample-ai' },
    // The same ban binds government bodies, so for them it prohibits.
    { provider: 'sample-cloud-china', home: 'US', audience: 'government', level: 'prohibited', because: 'us-device-ban-sample-ai' },
    // A ban that binds telecoms operators prohibits only them.
    { provider: 'sample-cloud-china', home: 'US', audience: 'telecom', level: 'prohibited', because: 'us-telecom-ban-group' },
    { provider: 'sample-cloud-china', home: 'US', audience: 'contractor', level: 'restricted', because: 'us-device-ban-sample-ai' },
    { provider: 'sample-cloud-china', home: 'IT', audience: 'general', level: 'restricted', because: 'it-order-sample-ai' },
    // The device ban names the sister company, not this provider's operator: only the unconfirmed review remains.
    { provider: 'sample-cloud', home: 'US', audience: 'general', level: 'under-review', because: 'us-review-sample' },
    { provider: 'sample-cloud', home: 'US', audience: 'government', level: 'under-review', because: 'us-review-sample' },
    { provider: 'sample-cloud', home: 'US', audience: 'telecom', level: 'prohibited', because: 'us-telecom-ban-group' },
    { provider: 'northern-cloud', home: 'US', audience: 'general', level: 'restricted', because: 'us-list-northern' },
    { provider: 'northern-cloud', home: 'EU', audience: 'general', level: 'prohibited', because: 'eu-sanctions-northern' },
    { provider: 'northern-cloud', home: 'DE', audience: 'general', level: 'prohibited', because: 'eu-sanctions-northern' },
    // A state's ban binds that state's government only.
    { provider: 'northern-cloud', home: 'US-TX', audience: 'government', level: 'prohibited', because: 'us-tx-ban-northern-cloud' },
    { provider: 'northern-cloud', home: 'US', audience: 'government', level: 'restricted', because: 'us-list-northern' },
    // 60 % owned by a blocked bank: blocked under both ownership rules.
    { provider: 'northern-hosting', home: 'US', audience: 'general', level: 'prohibited', because: 'us-sanctions-northern-owners' },
    { provider: 'northern-hosting', home: 'EU', audience: 'general', level: 'prohibited', because: 'eu-sanctions-northern-bank' },
    // 30 % with board control: the U.S. rule counts shares only, the EU rule counts control.
    { provider: 'northern-minority', home: 'US', audience: 'general', level: 'restricted', because: 'us-sanctions-northern-owners' },
    { provider: 'northern-minority', home: 'EU', audience: 'general', level: 'prohibited', because: 'eu-sanctions-northern-bank' },
    // 30 % + 25 % held by two minority owners the U.S. blocks add up to 55 %.
    { provider: 'northern-joint', home: 'US', audience: 'general', level: 'prohibited', because: 'us-sanctions-northern-owners' },
  ] as const)('$provider for $audience in $home: $level because of $because', ({ provider, home, audience, level, because }) => {
    const result = verdict(provider, home, audience);
    expect(result.level).toBe(level);
    expect(result.reason).toMatchObject({ kind: 'action', action: { id: because } });
  });

  it('keeps the listing of a minority shareholder whose block does not reach the operator as context', () => {
    // The EU blocks only the 30 % owner: no control, no majority, so the EU reader gets the controller's laws only.
    const result = verdict('northern-joint', 'EU');
    expect(result.level).toBe('notice');
    expect(result.actions.find((a) => a.action.id === 'eu-sanctions-northern-bank')).toMatchObject({ relation: 'shareholder', raises: null });
    expect(result.chain.map((e) => e.id)).toEqual(['northern-joint-llc']);
  });

  it('names the blocked owner through whom a sanctions block reaches the operator', () => {
    expect(verdict('northern-hosting', 'US').reason).toMatchObject({ kind: 'action', owner: { id: 'northern-bank' } });
    expect(verdict('northern-cloud', 'EU').reason).not.toHaveProperty('owner');
  });

  it('keeps measures on people, ended measures, platform rules and other audiences as context', () => {
    expect(raisesOf('sample-cloud-china', 'US')).toMatchObject({
      'us-officers-designation': null,
      'us-vacated-order': null,
      'us-telecom-ban-group': null,
      'us-review-sample': 'under-review',
    });
    expect(raisesOf('sample-cloud', 'EU')).toMatchObject({ 'eu-platform-proceedings': null });
  });

  it("shows another group company's measure under the group, after the provider's own, without raising the level", () => {
    const result = verdict('sample-cloud', 'US');
    const carrier = result.actions.find((a) => a.action.id === 'us-carrier-revocation');
    expect(carrier).toMatchObject({ relation: 'group', raises: null, named: ['Sample Carrier Americas Inc.'] });
    expect(result.actions.at(-1)?.relation).toBe('group');
    expect(result.actions.find((a) => a.action.id === 'us-device-ban-sample-ai')).toMatchObject({ relation: 'group', raises: null });
    expect(result.actions.find((a) => a.action.id === 'us-review-sample')).toMatchObject({ relation: 'parent' });
  });

  it('tells official, press and unconfirmed evidence apart', () => {
    const action = (id: string) => index.dataset.actions.find((a) => a.id === id)!;
    expect(evidenceOf(action('us-carrier-revocation'))).toBe('official');
    expect(evidenceOf(action('us-review-sample'))).toBe('unconfirmed');
    expect(evidenceOf({ ...action('us-review-sample'), unconfirmed: false })).toBe('press');
  });

  it('says why in one sentence naming the measure and its date', () => {
    expect(reasonSentence(verdict('sample-cloud-china', 'US'), index)).toBe(
      'Restricted: Fixture agency bans Sample AI on federal devices (US Fixture Agency, 6 February 2025).',
    );
    expect(reasonSentence(verdict('northern-hosting', 'US'), index)).toBe(
      'Prohibited: its owner Northern Bank PJSC is blocked: Fixture office blocks Northern Bank and Northern Insurer (USFSO, 6 April 2022).',
    );
    expect(reasonSentence(verdict('sample-cloud', 'US'), index)).toMatch(/^Under review: press reports, not confirmed by the authority: .+ \(US Fixture Agency, 18 January 2022\)\.$/);
    expect(reasonSentence(verdict('sample-ai', 'GB'), index)).toBe(
      'Notice: controlled from China, whose laws give the state access to data held by companies there; GB has not found its data protection adequate.',
    );
    expect(reasonSentence(verdict('domestic-cloud', 'US'), index)).toBeNull();
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
    const result = verdictFor(index.providers.get('sample-cloud-china')!, { home: 'US', audience: 'general' }, withoutActions, FIXTURE_TODAY);
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

  it("orders the provider's own chain before its group; within each, home first, then what raises the level, then the newest", () => {
    expect(verdict('sample-cloud-china', 'US').actions.map((a) => a.action.id)).toEqual([
      'us-device-ban-sample-ai',
      'us-review-sample',
      'us-officers-designation',
      'us-vacated-order',
      'us-telecom-ban-group',
      'it-order-sample-ai',
      'cn-fine-sample',
      'us-carrier-revocation',
      'eu-platform-proceedings',
    ]);
    expect(verdict('northern-cloud', 'EU').actions.map((a) => a.action.id)).toEqual(['eu-sanctions-northern', 'us-tx-ban-northern-cloud', 'us-list-northern']);
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
