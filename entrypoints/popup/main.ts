import { browser } from '#imports';
import '@/assets/ui.css';
import './popup.css';
import { firstAnswer } from './first-answer';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
// The card's answer is read from storage while React (most of the popup's code) loads.
const first = firstAnswer(new URLSearchParams(location.search).get('provider'));
void import('./mount').then(({ mount }) => mount(document.getElementById('root')!, locale, first));
