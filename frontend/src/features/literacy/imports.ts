/** Pure helpers of the import page. */
import type { ImportJob } from './api/get-imports';

/**
 * How far the worker is, 0–100: rows checked out of the file's rows. Unknown (null) while the
 * file has not been read through; 100 once the job has an outcome.
 */
export function importProgressPercent(job: Pick<ImportJob, 'status' | 'total_rows' | 'processed_rows'>): number | null {
  if (job.status === 'succeeded' || job.status === 'failed') return 100;
  if (job.total_rows === null) return job.status === 'queued' ? 0 : null;
  if (job.total_rows === 0) return 100;
  return Math.min(100, Math.floor((job.processed_rows / job.total_rows) * 100));
}
