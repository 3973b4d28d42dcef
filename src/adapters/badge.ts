import { browser } from '#imports';
import type { Level } from '@/src/core/verdict';
import { enumKey, t } from './i18n';

/** Short badge text and a colour that keeps white text readable (WCAG AA). */
const badgeStyle: Record<Level, { text: string; color: string }> = {
  prohibited: { text: '!!!', color: '#8b0000' },
  restricted: { text: '!!', color: '#a33d00' },
  'under-review': { text: '?', color: '#765600' },
  notice: { text: 'i', color: '#1f4fa8' },
};

// MV3 has `action`, Firefox MV2 `browserAction`: the same calls under two names.
const toolbarButton = () => browser.action ?? browser.browserAction;

/** Shows a provider page's level on the toolbar button of that tab only. */
export async function showBadge(tabId: number, providerName: string, level: Level | null): Promise<void> {
  const button = toolbarButton();
  if (level === null) {
    await clearBadge(tabId);
    await button.setTitle({ tabId, title: t('badgeTitle', [providerName, t('level_none')]) });
    return;
  }
  const style = badgeStyle[level];
  await Promise.all([
    button.setBadgeText({ tabId, text: style.text }),
    button.setBadgeBackgroundColor({ tabId, color: style.color }),
    button.setTitle({ tabId, title: t('badgeTitle', [providerName, t(enumKey('level', level))]) }),
  ]);
}

/** Back to the default button: the tab left provider pages. */
export async function clearBadge(tabId: number): Promise<void> {
  const button = toolbarButton();
  await Promise.all([button.setBadgeText({ tabId, text: '' }), button.setTitle({ tabId, title: t('extName') })]);
}
