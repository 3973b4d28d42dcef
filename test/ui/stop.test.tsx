// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../fake-i18n';
import { FIXTURE_TODAY, fixtureIndex } from '../fixture-dataset';
import { verdictFor } from '../../src/core/verdict';
import { bannerView, viewVerdict } from '../../src/core/verdict-view';
import type { StopNotice } from '../../src/adapters/messaging';
import type { StopRule } from '../../src/core/settings';

const index = fixtureIndex();
const URL_STOPPED = 'https://signup.sample-cloud.example/register';
let notice: StopNotice | null;
const sent: Array<[string, any]> = [];

vi.mock('../../src/adapters/messaging', () => ({
  sendMessage: async (type: string, data: any) => {
    sent.push([type, data]);
    if (type === 'getStopNotice') return notice;
    if (type === 'proceedStop') return undefined;
    throw new Error(`unexpected ${type}`);
  },
}));

const { App } = await import('../../entrypoints/stop/App');

function noticeWith(rule: Partial<StopRule>): StopNotice {
  const view = viewVerdict(verdictFor(index.providers.get('northern-cloud')!, { home: 'EU', audience: 'general' }, index, FIXTURE_TODAY), 'signup', index);
  return { url: URL_STOPPED, host: 'signup.sample-cloud.example', pageKind: 'signup', view: bannerView(view, 3), rule: { level: 'prohibited', pageKinds: ['signup'], allowProceed: false, ...rule } };
}

describe('the stop page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    sent.length = 0;
  });
  afterEach(cleanup);

  it('says the level, the reason, the organisation’s message and whom to ask', async () => {
    notice = noticeWith({ message: 'Accounts with this provider need the security team.\nSee the intranet.', contact: 'mailto:security@example.org' });
    render(<App locale="en-GB" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your organisation stopped this page' })).toBeTruthy();
    expect(screen.getByText('Provider: Northern Cloud · Page: sign-up (signup.sample-cloud.example)')).toBeTruthy();
    expect(screen.getByText(/Prohibited for a person or private company in European Union/)).toBeTruthy();
    expect(document.querySelector('.stop-why')?.textContent).toMatch(/\(.+\)\.$/);
    expect(screen.getByText(/Accounts with this provider need the security team/)).toBeTruthy();
    const contact = screen.getByRole('link', { name: 'security@example.org' });
    expect(contact.getAttribute('href')).toBe('mailto:security@example.org');
    expect(screen.getByText('Information from public sources, not legal advice.')).toBeTruthy();
  });

  it('offers no way past the notice when the policy allows none', async () => {
    notice = noticeWith({});
    render(<App locale="en-GB" />);
    expect(await screen.findByText('Your organisation does not allow opening this page.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue anyway' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close this tab']);
  });

  it('asks for a reason before "Continue anyway", and sends only the reason', async () => {
    notice = noticeWith({ allowProceed: true });
    render(<App locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Continue anyway' }));
    const reason = screen.getByLabelText('Why do you need to open this page?') as HTMLTextAreaElement;
    const submit = screen.getByRole('button', { name: 'Open the page for this visit' }) as HTMLButtonElement;
    expect([reason.required, reason.maxLength, submit.disabled]).toEqual([true, 500, true]);
    fireEvent.change(reason, { target: { value: '   ' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(reason, { target: { value: ' Comparing prices for the tender ' } });
    fireEvent.click(submit);
    await waitFor(() => expect(sent.filter(([type]) => type === 'proceedStop')).toEqual([['proceedStop', { reason: 'Comparing prices for the tender' }]]));
  });

  it('links only an https: or mailto: contact', async () => {
    notice = noticeWith({ contact: 'javascript:alert(1)' });
    render(<App locale="en-GB" />);
    await screen.findByRole('heading', { level: 1 });
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.queryByText(/Questions about this stop/)).toBeNull();
  });

  it('says so when the policy no longer stops the page', async () => {
    notice = null;
    history.replaceState(null, '', `/stop.html?url=${encodeURIComponent(URL_STOPPED)}`);
    render(<App locale="en-GB" />);
    expect(await screen.findByText(/no longer stops this page/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the page' }).getAttribute('href')).toBe(URL_STOPPED);
    history.replaceState(null, '', '/');
  });
});
