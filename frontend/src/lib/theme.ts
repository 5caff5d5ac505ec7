/**
 * The dashboard's antd theme: antd's defaults, with the colours that fall short of WCAG AA contrast
 * (4.5:1 for text) made darker. axe-core checks every page in the browser tests
 * (e2e/accessibility.spec.ts); change a colour here, never in a page.
 */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    // #1677ff gives 4.1:1 on white (and white on it); blue-7 gives 6.2:1, 5.5:1 on the selected menu item's #e6f4ff.
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    // Red, green and orange text on white or their light backgrounds: the 7th shade of each palette.
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    // Secondary, help and placeholder text: antd's 45 % and 25 % black are 3.4:1 and less.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};
