const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to place in HTML, in element content and in quoted attribute values alike
 * (both quote kinds are escaped). The one escaper for every page and e-mail the service builds.
 *
 * @example `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
