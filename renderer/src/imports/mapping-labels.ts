import type { Mapping, MappableField, ReaderOptions } from '../../../shared/api';

/** The canonical fields as the mapping step names them, in the order a person fills them in. */
export const FIELD_ROWS: readonly { field: MappableField; label: string; hint: string }[] = [
  { field: 'reported_date', label: 'Date reported', hint: 'when the incident was reported or logged' },
  { field: 'incident_date', label: 'Incident date', hint: 'when it happened, if known' },
  { field: 'records_affected', label: 'Records affected', hint: 'people or records; empty when unknown' },
  { field: 'actor', label: 'Actor', hint: 'insider, external, partner (words mapped below)' },
  { field: 'breach_types', label: 'Breach type', hint: 'several allowed, separated by ; or ,' },
  { field: 'locations', label: 'Location of data', hint: 'e-mail, laptop, server, paper…' },
  { field: 'entity', label: 'Organisation', hint: 'who was breached' },
  { field: 'entity_type', label: 'Sector or entity type', hint: 'e.g. Healthcare Provider' },
  { field: 'country', label: 'Country', hint: 'ISO code or name' },
  { field: 'state', label: 'State or region', hint: '' },
  { field: 'business_associate', label: 'Business associate involved', hint: 'yes/no' },
  { field: 'case_id', label: 'Case ID', hint: 'stable across re-imports' },
  { field: 'description', label: 'Description', hint: 'free text' },
];

export const DATE_FIELDS: ReadonlySet<MappableField> = new Set(['reported_date', 'incident_date']);

/** Date formats the engine understands, each shown with what 31 December 2024 looks like in it. */
export const DATE_FORMATS: readonly { value: string; label: string }[] = [
  { value: 'iso', label: '2024-12-31 (ISO)' },
  { value: '%d/%m/%Y', label: '31/12/2024 (day first)' },
  { value: '%m/%d/%Y', label: '12/31/2024 (month first)' },
  { value: '%d.%m.%Y', label: '31.12.2024' },
  { value: '%d-%m-%Y', label: '31-12-2024' },
  { value: '%m-%d-%Y', label: '12-31-2024' },
  { value: '%Y/%m/%d', label: '2024/12/31' },
  { value: '%d/%m/%y', label: '31/12/24' },
  { value: '%m/%d/%y', label: '12/31/24' },
  { value: '%d %B %Y', label: '31 December 2024' },
  { value: '%d %b %Y', label: '31 Dec 2024' },
  { value: '%B %d, %Y', label: 'December 31, 2024' },
  { value: '%b %d, %Y', label: 'Dec 31, 2024' },
  { value: '%Y%m%d', label: '20241231' },
  { value: 'excel_serial', label: '45657 (Excel serial day)' },
];

export const ACTOR_WORD_KINDS = ['internal', 'external', 'partner', 'unknown'] as const;
export type ActorWordKind = (typeof ACTOR_WORD_KINDS)[number];
export const ACTOR_WORD_LABELS: Record<ActorWordKind, string> = {
  internal: 'Insider (internal)',
  external: 'External',
  partner: 'Partner',
  unknown: 'Unknown',
};

export const DELIMITERS: readonly { value: string; label: string }[] = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

export const ENCODINGS: readonly NonNullable<ReaderOptions['encoding']>[] = ['utf-8', 'windows-1252', 'latin-1', 'utf-16'];

export const FORMAT_LABELS: Record<ReaderOptions['format'], string> = {
  csv: 'CSV',
  json: 'JSON',
  jsonl: 'JSON Lines',
  parquet: 'Parquet',
  xlsx: 'Excel workbook',
};

/** A file's reader in words: "CSV, comma-separated, with a header row, UTF-8". */
export function readerSummary(reader: ReaderOptions): string {
  if (reader.format !== 'csv') return FORMAT_LABELS[reader.format] + (reader.sheet ? `, sheet "${reader.sheet}"` : '');
  const delimiter = DELIMITERS.find((d) => d.value === reader.delimiter)?.label.toLowerCase() ?? (reader.delimiter ? `"${reader.delimiter}"` : 'sniffed');
  return `CSV, ${delimiter}-separated${reader.header === false ? ', no header row' : ', with a header row'}${reader.encoding ? `, ${reader.encoding.toUpperCase()}` : ''}`;
}

/** Sets or clears one field of a mapping (a new object; the old one is left as it was). */
export function withField(mapping: Mapping, field: MappableField, column: string | null, format?: string): Mapping {
  const fields = { ...mapping.fields };
  if (column === null) delete fields[field];
  else fields[field] = format ? { column, format } : { column };
  return { ...mapping, fields };
}

/** Actor words typed as a list: "contractor, temp staff" -> ["contractor", "temp staff"]. */
export function parseWords(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((w) => w.trim()).filter((w) => w.length > 0 && w.length <= 60))];
}

export function withActorWords(mapping: Mapping, kind: ActorWordKind, words: string[]): Mapping {
  const actorWords = { ...mapping.actorWords };
  if (words.length) actorWords[kind] = words;
  else delete actorWords[kind];
  return { ...mapping, actorWords };
}

/** The value an "unknown actor word" reject names, so the step can offer to add it. */
export function unknownActorWord(reason: string, value: string | null): string | null {
  if (!/^unknown actor word/i.test(reason)) return null;
  return value?.trim() || (/"([^"]+)"/.exec(reason)?.[1] ?? null);
}
