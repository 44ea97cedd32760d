// Saves text as a file the browser downloads. An <a download> on a blob: URL starts a download, not a
// navigation, so the screen's CSP (no blob: for frames or navigation) does not stand in the way; the
// URL is revoked once the click has handed the bytes over.
export function saveTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
