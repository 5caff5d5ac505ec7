import { expect, test } from './fixtures';

/** An administrator corrects and removes a target of a movement. */
test.describe('movement jobs', () => {
  test.describe.configure({ timeout: 180_000 });

  test('an administrator adds, corrects and deletes a target', async ({ page, loginAs }) => {
    const stamp = String(Date.now()).slice(-6);
    await loginAs('admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    await page.getByRole('link', { name: /100 ngày cao điểm/ }).first().click();
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const add = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    await add.getByLabel('Mã chỉ tiêu').fill(`E2E${stamp}`);
    await add.getByLabel('Tên chỉ tiêu').fill(`Chỉ tiêu thử ${stamp}`);
    await add.getByLabel('Giá trị ban đầu').fill('10');
    await add.getByLabel('Giá trị mục tiêu').fill('60');
    await add.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã thêm chỉ tiêu.')).toBeVisible();
    await expect(add).toBeHidden();

    await page.getByRole('button', { name: `Sửa chỉ tiêu Chỉ tiêu thử ${stamp}` }).click();
    const edit = page.getByRole('dialog', { name: `Sửa chỉ tiêu “Chỉ tiêu thử ${stamp}”` });
    await expect(edit.getByLabel('Mã chỉ tiêu')).toBeDisabled();
    await edit.getByLabel('Tên chỉ tiêu').fill(`Chỉ tiêu đã sửa ${stamp}`);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu chỉ tiêu.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Chỉ tiêu đã sửa ${stamp}`) })).toHaveCount(1);

    await page.getByRole('button', { name: `Xóa chỉ tiêu Chỉ tiêu đã sửa ${stamp}` }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await expect(page.getByText('Đã xóa chỉ tiêu.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Chỉ tiêu đã sửa ${stamp}`) })).toHaveCount(0);
  });
});
