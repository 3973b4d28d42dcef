/** A child of `el`: nodes and text; falsy values are skipped, so optional parts read as `cond && node`. */
export type Child = Node | string | null | undefined | false;

/** Builds an element from text and child nodes only: data never becomes markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}
