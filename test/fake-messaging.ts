import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The extension id the background tests give the fake browser, so senders can be the extension's own pages. */
export const EXTENSION_ID = 'whose-cloud-test';
export type Response = { res?: any; err?: { message: string } } | undefined;

/** Sends a message the way @webext-core/messaging does and waits for the background's answer. */
export function ask(type: string, data: unknown, sender: Record<string, unknown>): Promise<Response> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve).then((results: unknown[]) => {
      // A listener that ignores a message answers nothing; resolve so the test can see that.
      if (!results.includes(true)) resolve(undefined);
    });
  });
}
