import { describe, expect, it } from 'vitest';
import { keepScrollRegionsFocusable } from '@/lib/scroll-regions';

describe('keepScrollRegionsFocusable', () => {
  it('makes the scroll box of every table focusable, also of tables rendered later', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<div class="ant-table-content" id="first"></div><div class="ant-table-body" tabindex="-1" id="kept"></div>';
    document.body.append(root);
    const stop = keepScrollRegionsFocusable(root);
    expect(root.querySelector('#first')?.getAttribute('tabindex')).toBe('0');
    // A tabindex a component chose is left alone.
    expect(root.querySelector('#kept')?.getAttribute('tabindex')).toBe('-1');

    const later = document.createElement('div');
    later.className = 'ant-table-content';
    root.append(later);
    // Mutation observers are told in a microtask queued by the change itself.
    await Promise.resolve();
    expect(later.getAttribute('tabindex')).toBe('0');
    stop();
    root.remove();
  });
});
