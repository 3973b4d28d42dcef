import { defineUnlistedScript } from '#imports';
import { startPopup } from '../popup/start';

// Built on its own, as one classic script without imports: entrypoints/popup/index.html runs it before React's module.
export default defineUnlistedScript(() => {
  startPopup();
});
