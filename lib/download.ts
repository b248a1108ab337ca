/**
 * Offers data as a file the browser downloads: bundles, CSV, packs, reports, the disagreements file.
 * One place for every export, so each revokes its object URL the same way (after a minute: a large
 * bundle may still be written to disk when the click returns).
 */
export function download(filename: string, data: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
