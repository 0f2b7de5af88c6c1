import { isElement, type XmlElement, type XmlNode } from './xml';

/** What to do with an element met while rewriting a tree. */
export type Decision = 'keep' | 'drop' | 'unwrap';

/**
 * Rewrites a tree in place, top down: each element is kept (and its children
 * visited), dropped with everything under it, or unwrapped (replaced by its
 * children, which are then visited in its place). `decide` may also edit the
 * element's attributes. Iterative, so a deep tree cannot exhaust the stack.
 */
export function rewriteTree(
  root: XmlElement,
  decide: (el: XmlElement, ancestors: readonly XmlElement[]) => Decision,
): void {
  const work: { el: XmlElement; ancestors: XmlElement[] }[] = [{ el: root, ancestors: [] }];
  while (work.length > 0) {
    const { el, ancestors } = work.pop()!;
    const chain = [...ancestors, el];
    const out: XmlNode[] = [];
    const pending: XmlNode[] = el.children.slice().reverse();
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (!isElement(node)) {
        const last = out[out.length - 1];
        if (last && !isElement(last)) last.text += node.text;
        else out.push({ kind: 'text', text: node.text });
        continue;
      }
      const decision = decide(node, chain);
      if (decision === 'drop') continue;
      if (decision === 'unwrap') {
        for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]!);
        continue;
      }
      out.push(node);
      work.push({ el: node, ancestors: chain });
    }
    el.children = out;
  }
}

/** Removes, bottom up, the elements `drop` selects once their children have been cleaned. */
export function pruneTree(
  root: XmlElement,
  drop: (el: XmlElement, parent: XmlElement) => boolean,
): void {
  const order: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    order.push(el);
    for (const child of el.children) if (isElement(child)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const el = order[i]!;
    el.children = el.children.filter((c) => !isElement(c) || !drop(c, el));
  }
}

export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some(isElement);
}
