import type { Page } from 'playwright-core';

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The banner lives in a closed shadow root that page scripts cannot reach; the DevTools protocol can, for tests. */
async function documentTree(page: Page): Promise<DomNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return root;
  } finally {
    await cdp.detach();
  }
}

function find(node: DomNode, predicate: (n: DomNode) => boolean): DomNode | undefined {
  if (predicate(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, predicate);
    if (hit) return hit;
  }
  return undefined;
}

function text(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join('');
}

/** The banner's visible text, or null when there is no banner in the page. */
export async function bannerText(page: Page): Promise<string | null> {
  const host = find(await documentTree(page), (n) => n.nodeName === 'WHOSE-CLOUD-BANNER');
  return host ? text(host).replace(/\s+/g, ' ').trim() : null;
}

/** Clicks a button or link inside the banner by its accessible name, as a person (or a screen reader) finds it. */
export async function clickInBanner(page: Page, role: 'button' | 'link', name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, accessibleName: name, role })) as {
      nodes: Array<{ backendDOMNodeId?: number }>;
    };
    const backendNodeId = nodes[0]?.backendDOMNodeId;
    if (backendNodeId === undefined) throw new Error(`no ${role} named "${name}" in the banner`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  } finally {
    await cdp.detach();
  }
}

/** Waits until the banner's presence matches `present`; returns its text. */
export async function waitForBanner(page: Page, present: boolean, timeoutMs = 5000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await bannerText(page);
    if ((current !== null) === present || Date.now() > deadline) return current;
    await page.waitForTimeout(50);
  }
}
