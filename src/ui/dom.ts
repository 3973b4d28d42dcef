/** A child of `el`: nodes and text; falsy values are skipped, so optional parts read as `cond && node`. */
export type Child = Node | string | null | undefined | false;

/** Builds an element from text and child nodes only: data never becomes markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** An outbound link that carries nothing back to the page or to its target: https only, else plain text. */
export function sourceLink(url: string, text: string): HTMLElement {
  if (!url.startsWith('https://')) return el('span', {}, text);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** Saves text as a file through the browser's download, without any permission or request. */
export function downloadText(fileName: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
