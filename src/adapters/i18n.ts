import { browser } from '#imports';
import type messages from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** Looks a UI string up in the extension's locale files (public/_locales); the key shows if one is missing. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/** Message key of a dataset enum value: "under-review" → "level_under_review". */
export function enumKey(prefix: 'level' | 'levelHelp' | 'status' | 'type' | 'pageKind' | 'binds' | 'evidence' | 'audience', value: string): MessageKey {
  return `${prefix}_${value.replaceAll('-', '_')}` as MessageKey;
}
