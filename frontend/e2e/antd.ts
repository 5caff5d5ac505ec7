/** Working antd's controls the way a person does, for the browser tests. */
import type { Page } from '@playwright/test';

/** Picks `option` in the antd select labelled `label` (typing narrows long lists). */
export async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (search) await select.fill(search);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}
