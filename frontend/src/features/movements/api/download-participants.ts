import { useMutation } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';

/** The participants sheet (xlsx), fetched with the bearer token and saved through a blob URL. */
export async function downloadParticipantsSheet(campaignId: string, fileName: string): Promise<void> {
  const blob = await unwrap(
    campaignApi.GET('/v1/campaigns/{campaign_id}/participants.xlsx', {
      params: { path: { campaign_id: campaignId } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob after the click returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

export const useDownloadParticipants = (campaignId: string) =>
  useMutation({ mutationFn: (fileName: string) => downloadParticipantsSheet(campaignId, fileName) });
