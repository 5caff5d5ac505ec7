// ECharts ships its locales as UMD objects without types; the shape is its LocaleOption.
declare module 'echarts/i18n/langVI-obj.js' {
  import type { registerLocale } from 'echarts/core';

  const locale: Parameters<typeof registerLocale>[1];
  export default locale;
}
