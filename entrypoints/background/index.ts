import { defineBackground } from '#imports';
import { resetBadgeOnNavigation } from './badge-reset';
import { registerBackgroundHandlers } from './handlers';

export default defineBackground(() => {
  registerBackgroundHandlers();
  resetBadgeOnNavigation();
});
