/**
 * Apache ECharts, tree-shaken through `echarts/core`: only the charts and
 * components registered here are bundled. Register more below when a page needs them.
 */
import { BarChart, BoxplotChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, BoxplotSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { init, registerLocale, use as registerECharts } from 'echarts/core';
import type { ComposeOption, EChartsType } from 'echarts/core';
import langVI from 'echarts/i18n/langVI-obj.js';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

registerECharts([
  BarChart,
  BoxplotChart,
  LineChart,
  PieChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);
// Month and day names on time axes, tooltips' and screen readers' texts (EN is built in).
registerLocale('VI', langVI);

/** The options the registered charts and components accept. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export interface ChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers (pair the chart with a table for the numbers). */
  label: string;
  height?: number | string;
  style?: CSSProperties;
  className?: string;
}

/**
 * One ECharts instance in a div that follows its container's width. The
 * option is applied whole (`notMerge`), so pass a memoised one.
 */
export function Chart({ option, label, height = 320, style, className }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'EN' : 'VI';

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas', locale });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    // ECharts' aria module describes the series to screen readers, in the chart's locale.
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option, locale]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      className={className}
      style={{ width: '100%', height, ...style }}
    />
  );
}
