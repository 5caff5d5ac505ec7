/** Units as a tree and by cluster, for picking the units a movement enrols. */
import type { CampaignSchemas } from '@/lib/api/services';

type Unit = CampaignSchemas['UnitOut'];

export interface UnitNode {
  value: string;
  title: string;
  children: UnitNode[];
}

/** The directory as a tree (by `parent_code`); a unit whose parent is not listed is a root. Names sort in Vietnamese order. */
export function unitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.code, { value: unit.code, title: unit.name, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.code);
    if (!node) continue;
    const parent = unit.parent_code ? nodes.get(unit.parent_code) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'vi'));
    list.forEach((node) => { sort(node.children); });
  };
  sort(roots);
  return roots;
}

/** The codes of every unit of the clusters picked, added to those already picked (each once). */
export function withClusters(picked: readonly string[], clusters: readonly string[], units: readonly Unit[]): string[] {
  const chosen = new Set(clusters);
  return [...new Set([...picked, ...units.filter((unit) => unit.cluster !== null && chosen.has(unit.cluster)).map((unit) => unit.code)])];
}
