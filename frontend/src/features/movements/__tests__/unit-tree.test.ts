import { describe, expect, it } from 'vitest';
import type { CampaignSchemas } from '@/lib/api/services';
import { unitTree, withClusters } from '../unit-tree';

const unit = (code: string, name: string, parent_code: string | null, cluster: string | null = null): CampaignSchemas['UnitOut'] => ({
  code,
  name,
  parent_code,
  cluster,
  kind: 'department',
  province_code: '66',
  commune_code: null,
  staff_count: 0,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
});

const units = [
  unit('66-SYT', 'Sở Y tế', '66', 'Khối Sở'),
  unit('66', 'UBND tỉnh Đắk Lắk', null),
  unit('66-SKHCN', 'Sở Khoa học và Công nghệ', '66', 'Khối Sở'),
  unit('66-X1', 'Xã Ea Kao', '66', 'Cụm xã'),
  unit('99-LE', 'Đơn vị lẻ', '99'),
];

describe('picking units to enrol', () => {
  it('nests units under their parent, by name, and keeps an orphan as a root', () => {
    const tree = unitTree(units);
    expect(tree.map((node) => node.value)).toEqual(['99-LE', '66']); // Đ sorts before U
    expect(tree[1]?.children.map((node) => node.title)).toEqual(['Sở Khoa học và Công nghệ', 'Sở Y tế', 'Xã Ea Kao']);
  });

  it('adds every unit of a cluster once to those already picked', () => {
    expect(withClusters(['66-SYT', '66-X1'], ['Khối Sở'], units)).toEqual(['66-SYT', '66-X1', '66-SKHCN']);
    expect(withClusters([], [], units)).toEqual([]);
  });
});
