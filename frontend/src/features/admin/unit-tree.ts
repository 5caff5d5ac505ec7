/** The unit tree built from the flat list campaign-api answers. */
import type { Unit } from './api/units';

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/** The flat list as a tree by `parent_code` (a unit whose parent is not in the list is a root). */
export function unitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((unit) => [unit.code, { ...unit }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_code ? nodes.get(node.parent_code) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}
