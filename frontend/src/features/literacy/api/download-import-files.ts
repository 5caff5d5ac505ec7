/**
 * The import template and a job's error report. Both need the bearer token, so they are
 * fetched through the typed client and handed to the browser as a blob to save.
 */
import { useMutation } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';

/** Saves `blob` under `filename` through a temporary link (the browser's download bar). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start reading the blob before it is released.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

export const IMPORT_TEMPLATE_FILENAME = 'mau-nhap-lieu-binh-dan-hoc-vu-so.xlsx';

export async function downloadImportTemplate(): Promise<void> {
  const blob = await unwrap(literacyApi.GET('/v1/imports/template.xlsx', { parseAs: 'blob' }));
  saveBlob(blob, IMPORT_TEMPLATE_FILENAME);
}

export function importErrorsFilename(jobId: string): string {
  return `loi-nhap-lieu-${jobId}.csv`;
}

export async function downloadImportErrors(jobId: string): Promise<void> {
  const blob = await unwrap(
    literacyApi.GET('/v1/imports/{job_id}/errors', { params: { path: { job_id: jobId } }, parseAs: 'blob' }),
  );
  saveBlob(blob, importErrorsFilename(jobId));
}

export const useDownloadImportTemplate = () => useMutation({ mutationFn: downloadImportTemplate });
export const useDownloadImportErrors = () => useMutation({ mutationFn: downloadImportErrors });
