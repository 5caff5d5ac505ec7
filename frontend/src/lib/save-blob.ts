/** Saves a blob an API answered under `fileName`, through a short-lived object URL (downloads carry the bearer token, so no plain link). */
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
