import { browser } from '#imports';
import '@/assets/ui.css';
import './popup.css';
import { todayUtc } from '@/src/core/dates';
import { firstAnswer } from './first-answer';
import { paintFirstFrame } from './first-frame';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
const root = document.getElementById('root')!;
// The card's answer is read from storage while React (most of the popup's code) loads, and drawn as soon as it is read.
const first = firstAnswer(new URLSearchParams(location.search).get('provider'));
void first.then((answer) => paintFirstFrame(root, answer, locale, todayUtc()));
void Promise.all([import('./mount'), first]).then(([{ mount }, answer]) => mount(root, locale, answer));
