import { queryOptions, useQuery } from '@tanstack/react-query';
import { env } from '@/config/env';
import { verifyPath } from '@/config/paths';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type MyProgress = LiteracySchemas['MyProgress'];
export type CourseProgress = LiteracySchemas['CourseProgress'];

export async function getMyProgress({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/me/progress', { signal }));
}

export const myProgressKeys = { all: ['me', 'progress'] as const };

export const getMyProgressQueryOptions = () =>
  queryOptions({ queryKey: myProgressKeys.all, queryFn: ({ signal }) => getMyProgress({ signal }) });

export const useMyProgress = () => useQuery(getMyProgressQueryOptions());

/** The public page that tells anyone whether a certificate is genuine (no sign-in needed; what its QR code opens). */
export function certificateVerifyUrl(code: string): string {
  return verifyPath(code);
}

/** The printable certificate (public, like its verification). */
export function certificatePdfUrl(code: string): string {
  return `${env.apiBase}/literacy/v1/certificates/${encodeURIComponent(code)}.pdf`;
}
