// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { defaultSettings, effectiveSettings, settingsFile, type ManagedPolicy, type Settings } from '../../src/core/settings';

let stored: Settings;
let policy: ManagedPolicy;
const state = () => ({ settings: stored, effective: effectiveSettings(stored, policy, 'US'), localeHome: 'US', dismissals: { muted: ['aws'], snoozedUntil: {} } });

vi.mock('../../src/adapters/messaging', () => ({
  sendMessage: async (type: string, data: any) => {
    if (type === 'getSettings') return state();
    if (type === 'getDatasetInfo') return { version: '2026.01.01', reviewed: '2026-01-01', providers: 1, actions: 1, jurisdictions: [{ id: 'GB', name: 'United Kingdom' }, { id: 'US', name: 'United States' }] };
    if (type === 'saveSettings') {
      stored = data.settings;
      return state();
    }
    throw new Error(`unexpected ${type}`);
  },
}));

const { App } = await import('../../entrypoints/options/App');

function upload(text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File([text], 'settings.json', { type: 'application/json' })] } });
}

describe('the options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    stored = { ...defaultSettings };
    policy = {};
  });
  afterEach(cleanup);

  it('saves a change at once and says so', async () => {
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Your home jurisdiction'), { target: { value: 'GB' } });
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(stored.home).toBe('GB');
  });

  it('shows settings an administrator forced as locked', async () => {
    policy = { home: 'GB', allowDismiss: false };
    render(<App />);
    const home = (await screen.findByLabelText('Your home jurisdiction')) as HTMLSelectElement;
    expect([home.disabled, home.value]).toEqual([true, 'GB']);
    expect(screen.getAllByText(/Set by your organisation/)).toHaveLength(2);
    expect(screen.getByText(/Your organisation does not allow silencing banners/)).toBeTruthy();
    expect((screen.getByLabelText('Show the banner from this level up') as HTMLSelectElement).disabled).toBe(false);
  });

  it('imports a valid settings file', async () => {
    render(<App />);
    await screen.findByLabelText('Your home jurisdiction');
    upload(settingsFile({ ...defaultSettings, position: 'bottom' }));
    expect(await screen.findByText('Settings imported.')).toBeTruthy();
    expect(stored.position).toBe('bottom');
  });

  it.each([
    ['a file that is not JSON', '<html>', 'That file is not a Whose Cloud settings file (not JSON).'],
    ['a file with a bad value', JSON.stringify({ format: 'whose-cloud-settings', version: 1, settings: { ...defaultSettings, position: 'left' } }), /settings\.position/],
  ])('refuses %s with a clear message and keeps the settings', async (_, text, message) => {
    render(<App />);
    await screen.findByLabelText('Your home jurisdiction');
    upload(text);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(stored).toEqual(defaultSettings);
  });
});
