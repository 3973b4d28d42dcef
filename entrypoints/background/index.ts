import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Wired in the in-page warnings issue.
});
