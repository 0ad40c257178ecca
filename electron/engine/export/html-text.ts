/** Text and attribute values for HTML we write ourselves: everything user-supplied goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only http(s) links are written as anchors; anything else (javascript:, data:, file:) stays plain text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"']+$/i.test(url);
}

export const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

export function formatNumber(value: number | null): string {
  return value === null ? '–' : NUMBER_FORMAT.format(value);
}

/** 190000000 -> "190M", for axis labels. */
export function compactNumber(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
