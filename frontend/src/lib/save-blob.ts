/** Saves a blob the API answered (an xlsx export, a template) as a file, under the name the answer gives. */
export function saveBlob(blob: Blob, fileName: string): void {
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

/** The file name of a `Content-Disposition: attachment; filename="…"` answer, else `fallback`. */
export function attachmentName(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}
