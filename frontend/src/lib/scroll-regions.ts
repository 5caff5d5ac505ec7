/**
 * Tables wider than the screen scroll sideways inside their own box (antd's `.ant-table-content`),
 * which a keyboard user can only scroll once the box takes the focus (WCAG 2.1.1; axe's
 * `scrollable-region-focusable`). This makes every such box focusable, wherever a page puts a table.
 */
const SCROLL_BOXES = '.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])';

function makeFocusable(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>(SCROLL_BOXES)) box.tabIndex = 0;
}

/** Starts watching the document; returns the function that stops it. */
export function keepScrollRegionsFocusable(root: HTMLElement = document.body): () => void {
  makeFocusable(root);
  const observer = new MutationObserver(() => {
    makeFocusable(root);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
  };
}
