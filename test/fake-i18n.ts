import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import english from '../public/_locales/en/messages.json';

/** The fake browser has no i18n: answer from the English locale file, with $1…$9 substituted as browsers do. */
export function useEnglishMessages(uiLanguage = 'en-US'): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => {
    const message = (english as Record<string, { message: string }>)[key]?.message ?? '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
}
