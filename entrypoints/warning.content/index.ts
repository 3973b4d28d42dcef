import { defineContentScript } from '#imports';

export default defineContentScript({
  // Replaced at build time by the dataset's provider hosts (wxt.config.ts).
  matches: ['https://whose-cloud.invalid/*'],
  main() {},
});
