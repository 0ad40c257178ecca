/** Attributes through which a page loads, embeds or sends something. */
const REFERENCE_ATTRIBUTES = new Set(['src', 'href', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data', 'background', 'ping', 'cite', 'longdesc', 'manifest', 'codebase', 'archive']);

/**
 * Everything in an HTML report that would reach outside the file when it is opened: any reference
 * attribute not pointing inside the document (`#id`) or carrying its own data (`data:`), CSS `url()`
 * other than `url(#id)`
 * and `@import`, and meta refresh. Allowed, by decision: plain `<a href="https://...">` links in the
 * provenance section, which name a source's address and load nothing unless a reader clicks them;
 * and SVG `xmlns` namespace names, which are identifiers, not addresses to fetch.
 */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  const provenanceStart = html.indexOf('id="provenance"');
  for (const tagMatch of html.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    const tag = tagMatch[1]!.toLowerCase();
    for (const a of tagMatch[2]!.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').trim();
      if (name === 'http-equiv' && value.toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
      if (!REFERENCE_ATTRIBUTES.has(name)) continue;
      if (value.startsWith('#') || value.startsWith('data:')) continue;
      const provenanceLink = tag === 'a' && name === 'href' && /^https?:\/\/[^\s"'<>]+$/.test(value) && provenanceStart >= 0 && tagMatch.index! > provenanceStart;
      if (provenanceLink) continue;
      found.push(`<${tag} ${name}="${value}">`);
    }
  }
  // ECharts' SVG clips with url(#id): inside the document, so allowed.
  for (const m of html.matchAll(/url\s*\(\s*['"]?(?!#)[^)]*\)|@import/gi)) found.push(m[0]);
  return found;
}
