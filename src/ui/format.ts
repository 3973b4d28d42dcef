// Kept so existing imports keep working; the formatting helpers live in intl.ts.
export { formatPartialDate } from './intl';
