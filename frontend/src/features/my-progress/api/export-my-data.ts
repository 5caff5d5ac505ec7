/** The learner's own data (`GET /v1/me/data`), saved as a JSON file on their device. */
import { useMutation } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';

export async function downloadMyData(): Promise<void> {
  const data = await unwrap(literacyApi.GET('/v1/me/data'));
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'du-lieu-cua-toi.json';
  link.click();
  URL.revokeObjectURL(url);
}

export const useDownloadMyData = () => useMutation({ mutationFn: downloadMyData });
