// Saves a blob as a file through the browser's download (no server round trip).
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A file-name stamp in local time: 20261124-1130. */
export function fileStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}
