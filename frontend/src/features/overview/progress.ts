/** The province whose figures the overview shows (Đắk Lắk in the deployment this dashboard serves). */
export const PROVINCE_CODE = '66';

/** Mean of the targets' mean progress, over targets that have any accepted value; undefined without any. */
export function meanTargetProgress(targets: readonly { mean_progress: string | number | null }[]): number | undefined {
  const values = targets
    .map((target) => target.mean_progress)
    .filter((value): value is string | number => value !== null)
    .map(Number);
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}
