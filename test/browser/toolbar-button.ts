import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from './chromium';

/** What the browser's target list says of an open popup. */
export interface PopupTarget {
  targetId: string;
  url: string;
  title: string;
}

const WAIT_MS = 10_000;
const POLL_MS = 10;

/**
 * The extension's toolbar button, clicked through the DevTools protocol (`Extensions.triggerAction`) over one tab, as a
 * person clicks it: the popup opens on that tab with activeTab granted. Needs `launchChromium({ clickableAction: true })`.
 * The popup is read from the browser's target list and, when asked, through a session of its own: Playwright does not
 * attach to it, so nothing holds it while it loads.
 */
export class ToolbarButton {
  private constructor(private readonly cdp: CDPSession, private readonly extensionId: string, private readonly tabTargetId: string) {}

  static async on(session: ChromiumSession, tab: Page): Promise<ToolbarButton> {
    const cdp = await session.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((t) => t.url === tab.url());
    if (!target) throw new Error(`no tab target for ${tab.url()}`);
    return new ToolbarButton(cdp, session.extensionId, target.targetId);
  }

  /** Clicks, and returns the time of the click (ms since the epoch, as `performance.timeOrigin` counts). */
  async click(): Promise<number> {
    const clickedAt = Date.now();
    await this.cdp.send('Extensions.triggerAction', { id: this.extensionId, targetId: this.tabTargetId });
    return clickedAt;
  }

  /** The open popup, once `ready` holds for it. */
  async popup(ready: (popup: PopupTarget) => boolean = () => true): Promise<PopupTarget> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { targetInfos } = await this.cdp.send('Target.getTargets');
      const popup = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${this.extensionId}/`) && ready(t));
      if (popup) return popup;
      if (Date.now() > deadline) throw new Error('no popup came');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Evaluates `expression` in the popup (awaiting a promise) and returns its value. */
  async evaluate(popup: PopupTarget, expression: string): Promise<unknown> {
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
    try {
      const reply = new Promise<string>((resolve) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          if (event.sessionId !== sessionId) return;
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(event.message);
        };
        this.cdp.on('Target.receivedMessageFromTarget', onMessage);
      });
      const message = { id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
      const { result } = JSON.parse(await reply) as { result: { result: { value?: unknown }; exceptionDetails?: unknown } };
      if (result.exceptionDetails) throw new Error(`the popup threw on ${expression}: ${JSON.stringify(result.exceptionDetails)}`);
      return result.result.value;
    } finally {
      await this.cdp.send('Target.detachFromTarget', { sessionId });
    }
  }

  async closePopup(popup: PopupTarget): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: popup.targetId });
  }

  async close(): Promise<void> {
    await this.cdp.detach();
  }
}
