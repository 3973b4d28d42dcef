import { describe, expect, it } from 'vitest';
import { defaultSettings, effectiveSettings, isContactUrl, sanitisePolicy, shouldShowBanner, shouldStop } from '../../src/core/settings';

describe('the organisation’s policy: approved providers and the stop (issue 14)', () => {
  it('reads a complete policy unchanged', () => {
    const policy = {
      home: 'US',
      audience: 'government',
      approvedProviders: ['aws', 'microsoft-azure'],
      stop: { level: 'restricted', pageKinds: ['signup', 'console'], message: 'Ask IT before opening an account.', contact: 'mailto:it-security@example.org', allowProceed: true },
    };
    expect(sanitisePolicy(policy)).toEqual(policy);
  });

  it('keeps the valid approved provider ids and drops the rest, without repeats', () => {
    expect(sanitisePolicy({ approvedProviders: ['aws', 7, '', 'aws', null, 'x'.repeat(101), 'aliyun'] }).approvedProviders).toEqual(['aws', 'aliyun']);
    expect(sanitisePolicy({ approvedProviders: 'aws' })).toEqual({});
  });

  it('reads a stop field by field: a bad contact or message goes, the stop stays', () => {
    expect(sanitisePolicy({ stop: { level: 'prohibited', pageKinds: ['signup'], message: 42, contact: 'javascript:alert(1)', allowProceed: 'yes' } }).stop).toEqual({
      level: 'prohibited',
      pageKinds: ['signup'],
      allowProceed: false,
    });
  });

  it('falls back to the strictest level on sign-up pages, with no way past, when level or page kinds do not fit', () => {
    expect(sanitisePolicy({ stop: {} }).stop).toEqual({ level: 'prohibited', pageKinds: ['signup'], allowProceed: false });
    expect(sanitisePolicy({ stop: { level: 'severe', pageKinds: ['checkout'] } }).stop).toEqual({ level: 'prohibited', pageKinds: ['signup'], allowProceed: false });
    expect(sanitisePolicy({ stop: { pageKinds: ['login', 'login'] } }).stop?.pageKinds).toEqual(['login']);
  });

  it.each([null, 'stop', true, ['signup']])('has no stop for %j', (stop) => {
    expect(sanitisePolicy({ stop })).toEqual({});
  });

  it.each([
    ['https://intranet.example.org/cloud-approvals', true],
    ['mailto:it-security@example.org', true],
    ['mailto:it-security@example.org?subject=Cloud%20sign-up', true],
    ['http://intranet.example.org/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['mailto:', false],
    ['https://', false],
    ['it-security@example.org', false],
  ])('takes %s as a contact: %s', (contact, ok) => {
    expect(isContactUrl(contact)).toBe(ok);
    expect(sanitisePolicy({ stop: { contact } }).stop?.contact).toBe(ok ? contact : undefined);
  });

  it('carries approvals and the stop into the effective settings; a person can set neither', () => {
    expect(effectiveSettings(defaultSettings, {}, 'US')).toMatchObject({ approvedProviders: [], stop: null });
    const stop = { level: 'restricted' as const, pageKinds: ['signup' as const], allowProceed: true };
    expect(effectiveSettings(defaultSettings, { approvedProviders: ['aws'], stop }, 'US')).toMatchObject({ approvedProviders: ['aws'], stop, locked: [] });
  });
});

describe('shouldStop', () => {
  const settings = { approvedProviders: ['approved'], stop: { level: 'restricted' as const, pageKinds: ['signup' as const, 'console' as const] } };
  const page = { providerId: 'p', pageKind: 'signup' as const, level: 'prohibited' as const };

  it.each([
    ['a sign-up page above the level', page, settings, true],
    ['a console page at the level', { ...page, pageKind: 'console' as const, level: 'restricted' as const }, settings, true],
    ['a level under the stop’s', { ...page, level: 'under-review' as const }, settings, false],
    ['no level at all', { ...page, level: null }, settings, false],
    ['a page kind the stop leaves alone', { ...page, pageKind: 'docs' as const }, settings, false],
    ['an approved provider', { ...page, providerId: 'approved' }, settings, false],
    ['no stop in the policy', page, { ...settings, stop: null }, false],
  ])('%s → %s', (_, p, s, expected) => {
    expect(shouldStop(p, s)).toBe(expected);
  });

  it('ignores the person’s own banner choices: a mute, a snooze or a higher lowest level never lift a stop', () => {
    const effective = effectiveSettings({ ...defaultSettings, minimumLevel: 'prohibited', pageKinds: [] }, { stop: { level: 'restricted', pageKinds: ['signup'], allowProceed: false } }, 'US');
    const muted = { muted: ['p'], snoozedUntil: {} };
    expect(shouldShowBanner({ ...page, level: 'restricted' }, effective, muted, 0)).toBe(false);
    expect(shouldStop({ ...page, level: 'restricted' }, effective)).toBe(true);
  });
});
