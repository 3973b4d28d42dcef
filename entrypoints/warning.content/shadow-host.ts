/** The banner's place in the page: a closed shadow root at the end of <html>, styled apart from the page. */
export interface ShadowHost {
  container: HTMLElement;
  remove(): void;
}

/**
 * Mounts a closed shadow root as WXT's createShadowRootUi does (reset host styles, isolated keyboard events, appended
 * to <html>), without its custom-element name check, whose Unicode tables alone would take a third of the 25 KB budget.
 */
export function mountShadowHost(name: string, css: string): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the banner are the banner's: the page's shortcuts must not hear them.
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return { container, remove: () => host.remove() };
}
