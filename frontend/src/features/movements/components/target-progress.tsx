import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

export interface TargetProgressProps {
  /** The target's title: names the progress bar. */
  title: string;
  /** Mean progress 0..1 as the API sends it (a decimal string), or null when no unit has an accepted value. */
  progress: string | number | null | undefined;
  /** How many units have an accepted value. */
  unitsReporting?: number;
}

/**
 * A target's progress: a bar with its value written beside it (and read out), or "no accepted
 * report yet" instead of an empty bar, so the colour never carries the meaning alone.
 */
export function TargetProgress({ title, progress, unitsReporting }: TargetProgressProps) {
  const { t } = useTranslation();
  const { percent } = useFormatters();
  const ratio = progress === null || progress === undefined ? undefined : Number(progress);
  if (ratio === undefined || !Number.isFinite(ratio)) {
    return <span>{t('movements.targets.noProgress')}</span>;
  }
  const text = percent(ratio);
  const done = ratio >= 1;
  return (
    <div>
      <Progress
        percent={Math.round(ratio * 1000) / 10}
        status={done ? 'success' : 'normal'}
        format={() => text}
        aria-label={t('movements.targets.progressOf', { title })}
        aria-valuetext={text}
      />
      {unitsReporting !== undefined && (
        <div style={{ fontSize: 12 }}>
          {done ? t('movements.targets.reached') : t('movements.targets.inProgress')} ·{' '}
          {t('movements.targets.unitsReporting', { count: unitsReporting })}
        </div>
      )}
    </div>
  );
}
