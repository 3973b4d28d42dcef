import { defineBackground } from '#imports';
import { z } from 'zod';
import { resetBadgeOnNavigation } from './badge-reset';
import { registerBackgroundHandlers, watchManagedPolicy } from './handlers';

export default defineBackground(() => {
  // Our CSP forbids eval: tell zod not to try its compiled validators.
  z.config({ jitless: true });
  registerBackgroundHandlers();
  watchManagedPolicy();
  resetBadgeOnNavigation();
});
