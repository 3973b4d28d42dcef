import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  effectiveSettings,
  parseSettingsFile,
  sanitiseDismissals,
  sanitisePolicy,
  sanitiseSettings,
  settingsFile,
  shouldShowBanner,
} from '../../src/core/settings';

describe('stored settings', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'corrupted'],
    ['an array', [1, 2]],
    ['a truncated object', {}],
  ])('fall back to the defaults for %s', (_, stored) => {
    expect(sanitiseSettings(stored)).toEqual(defaultSettings);
  });

  it('keep every field that is still valid and replace the others', () => {
    const stored = { home: 'GB', minimumLevel: 'catastrophic', pageKinds: ['console', 'nope'], position: 'bottom', extra: true };
    expect(sanitiseSettings(stored)).toEqual({ ...defaultSettings, home: 'GB', position: 'bottom' });
  });

  it('drop repeated page kinds', () => {
    expect(sanitiseSettings({ pageKinds: ['login', 'login'] }).pageKinds).toEqual(['login']);
  });

  it('read dismissals field by field', () => {
    expect(sanitiseDismissals({ muted: 'aws', snoozedUntil: { aliyun: 5 } })).toEqual({ muted: [], snoozedUntil: { aliyun: 5 } });
    expect(sanitiseDismissals(42)).toEqual({ muted: [], snoozedUntil: {} });
  });
});

describe('the enterprise policy', () => {
  it('overrides the person’s choices and says which are locked', () => {
    const policy = sanitisePolicy({ home: 'EU', minimumLevel: 'restricted', allowDismiss: false, somethingElse: 1 });
    const effective = effectiveSettings({ ...defaultSettings, home: 'US', minimumLevel: 'notice' }, policy, 'DE');
    expect(effective).toMatchObject({ home: 'EU', minimumLevel: 'restricted', allowDismiss: false, locked: ['home', 'minimumLevel', 'allowDismiss'] });
  });

  it('ignores values that do not fit and locks nothing for them', () => {
    expect(sanitisePolicy({ home: 'not a code', minimumLevel: 7, allowDismiss: 'yes' })).toEqual({});
  });

  it('leaves the home jurisdiction to the locale when neither the person nor policy chose one', () => {
    expect(effectiveSettings(defaultSettings, {}, 'CN')).toMatchObject({ home: 'CN', allowDismiss: true, locked: [] });
  });
});

describe('shouldShowBanner', () => {
  const settings = effectiveSettings(defaultSettings, {}, 'US');
  const page = { providerId: 'p', pageKind: 'console' as const, level: 'restricted' as const };
  const none = { muted: [], snoozedUntil: {} };

  it.each([
    ['a console page at a high enough level', page, settings, none, true],
    ['a level under the minimum', { ...page, level: 'notice' as const }, { ...settings, minimumLevel: 'restricted' as const }, none, false],
    ['no level at all', { ...page, level: null }, settings, none, false],
    ['a page kind not chosen', { ...page, pageKind: 'marketing' as const }, settings, none, false],
    ['a muted provider', page, settings, { muted: ['p'], snoozedUntil: {} }, false],
    ['a snoozed provider', page, settings, { muted: [], snoozedUntil: { p: 2000 } }, false],
    ['a snooze that has run out', page, settings, { muted: [], snoozedUntil: { p: 500 } }, true],
    ['a muted provider when policy forbids dismissing', page, { ...settings, allowDismiss: false }, { muted: ['p'], snoozedUntil: {} }, true],
  ])('%s → %s', (_, p, s, d, expected) => {
    expect(shouldShowBanner(p, s, d, 1000)).toBe(expected);
  });
});

describe('settings files', () => {
  it('round-trip through export and import', () => {
    const settings = { ...defaultSettings, home: 'GB', position: 'bottom' as const };
    expect(parseSettingsFile(settingsFile(settings))).toEqual({ ok: true, settings });
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['another program’s file', '{"theme":"dark"}', 'format'],
    ['an unknown level', JSON.stringify({ format: 'whose-cloud-settings', version: 1, settings: { ...defaultSettings, minimumLevel: 'doom' } }), 'settings.minimumLevel'],
    ['a newer version', JSON.stringify({ format: 'whose-cloud-settings', version: 2, settings: defaultSettings }), 'version'],
  ])('reject %s with a message naming the problem', (_, text, named) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(named);
  });
});
