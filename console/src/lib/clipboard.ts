/**
 * Copies text: the async Clipboard API where the page may use it (secure contexts), else the
 * legacy execCommand on a selected, off-screen textarea (plain http on a LAN address).
 * Resolves false when both fail, so the UI can tell the user to copy by hand.
 */
export async function copyText(text: string, doc: Document = document, nav: Navigator = navigator): Promise<boolean> {
  try {
    if (nav.clipboard?.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the fallback.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
