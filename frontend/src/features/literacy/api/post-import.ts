import { useMutation, useQueryClient } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import { importKeys, rememberJob } from './get-imports';

/** Uploads a CSV or XLSX file; the service answers 202 with the queued job at once. */
export async function postImport(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(
    literacyApi.POST('/v1/imports', {
      // The generated type says `string` for a binary part; a FormData body goes out as multipart.
      body: body as unknown as { file: string },
      bodySerializer: (form) => form as unknown as FormData,
    }),
  );
}

export function usePostImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postImport,
    onSuccess: async (job) => {
      rememberJob(queryClient, job);
      await queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
