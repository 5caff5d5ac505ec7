import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/units';
import { unitTree } from '../unit-tree';

function unit(code: string, name: string, parent: string | null): Unit {
  return {
    code,
    name,
    kind: 'agency',
    parent_code: parent,
    province_code: '66',
    commune_code: null,
    cluster: null,
    staff_count: 0,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    allowed_actions: [],
  };
}

describe('unitTree', () => {
  it('puts each unit under its parent, by name in Vietnamese order, and a unit whose parent is not listed at the top', () => {
    const tree = unitTree([
      unit('66-SYT', 'Sở Y tế', '66'),
      unit('66', 'UBND tỉnh Đắk Lắk', null),
      unit('66-SKHCN', 'Sở Khoa học và Công nghệ', '66'),
      unit('66-SKHCN-TT', 'Trung tâm Thông tin', '66-SKHCN'),
      unit('X-1', 'Đơn vị lẻ', 'NOT-LISTED'),
    ]);
    expect(tree.map((node) => node.code)).toEqual(['X-1', '66']);
    const province = tree[1];
    expect(province?.children?.map((node) => node.code)).toEqual(['66-SKHCN', '66-SYT']);
    expect(province?.children?.[0]?.children?.map((node) => node.code)).toEqual(['66-SKHCN-TT']);
    // A leaf has no children list (antd shows no expander).
    expect(province?.children?.[1]?.children).toBeUndefined();
  });
});
