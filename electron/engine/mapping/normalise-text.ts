/** Lower case, punctuation to spaces, single spaces: the form header names and vocabulary words are compared in. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Values that mean "no value" in real logs; they become NULL without being counted as rejects. */
export const NULL_TOKENS: readonly string[] = ['', 'n/a', 'na', 'n.a.', 'null', 'none', 'nil', '-', '--', '?', '\\N', 'unknown', 'unk', 'tbd', 'not known'];

export function isNullToken(value: string | null | undefined): boolean {
  return value === null || value === undefined || NULL_TOKENS.includes(value.trim().toLowerCase());
}

/** Escapes a literal for use inside a regular expression (user-supplied vocabulary words). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
