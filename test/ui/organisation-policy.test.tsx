// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import type { OrganisationPolicy as Policy } from '../../src/adapters/messaging';

let policy: Policy;
vi.mock('../../src/adapters/messaging', () => ({
  sendMessage: async (type: string) => {
    if (type === 'getOrganisationPolicy') return policy;
    throw new Error(`unexpected ${type}`);
  },
}));

const { OrganisationPolicy } = await import('../../entrypoints/options/components/OrganisationPolicy');

describe('the organisation’s policy on the options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('shows nothing where there is no policy and no log', async () => {
    policy = { approved: [], stop: null, log: [] };
    const { container } = render(<OrganisationPolicy locale="en-GB" />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.innerHTML).toBe('');
  });

  it('lists approvals, the stop and the log (newest first), and exports the log as CSV', async () => {
    policy = {
      approved: [{ id: 'aws', name: 'Amazon Web Services' }, { id: 'microsoft-azure', name: 'Microsoft Azure' }],
      stop: { level: 'restricted', pageKinds: ['signup', 'console'], allowProceed: true },
      log: [
        { at: '2026-12-01T09:00:00.000Z', event: 'stopped', providerId: 'aliyun', provider: 'Aliyun', pageKind: 'signup', level: 'restricted' },
        { at: '2026-12-01T09:01:00.000Z', event: 'proceeded', providerId: 'aliyun', provider: 'Aliyun', pageKind: 'signup', level: 'restricted', reason: 'Price check, "urgent"' },
      ],
    };
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    render(<OrganisationPolicy locale="en-GB" />);
    expect(await screen.findByText('Approved providers: Amazon Web Services and Microsoft Azure')).toBeTruthy();
    expect(screen.getByText(/Pages stopped: sign-up and console, for providers at level Restricted or higher\./)).toBeTruthy();
    expect(screen.getByText(/“Continue anyway” is allowed, with a reason\./)).toBeTruthy();
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    expect(rows).toEqual([
      ['Continued anyway', 'Aliyun', 'sign-up', 'Restricted', 'Price check, "urgent"'],
      ['Stopped', 'Aliyun', 'sign-up', 'Restricted', ''],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(created).toHaveLength(1);
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toEqual([
      '"time","event","provider_id","provider","page_kind","level","reason"',
      '"2026-12-01T09:00:00.000Z","stopped","aliyun","Aliyun","signup","restricted",""',
      '"2026-12-01T09:01:00.000Z","proceeded","aliyun","Aliyun","signup","restricted","Price check, ""urgent"""',
      '',
    ]);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
  });
});
