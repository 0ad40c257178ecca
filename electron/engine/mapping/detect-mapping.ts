import type { Mapping, MappableField, ReaderOptions } from '../../../shared/api';
import { MAPPABLE_FIELDS } from '../../../shared/api';
import { actorMatcher } from './actor-words';
import { detectDateFormat, type DetectedDateFormat } from './date-formats';
import { FIELD_SYNONYMS } from './field-synonyms';
import { isNullToken, normaliseWords } from './normalise-text';
import { NO_WORDS, YES_WORDS } from './vocabulary';

/** What detection knows of one column: its name and some of its values (the first rows, as text). */
export interface ColumnProfile {
  name: string;
  samples: string[];
}

interface ColumnFacts {
  name: string;
  header: string;
  values: string[];
  date: DetectedDateFormat | null;
  wholeNumbers: number;
  actorWords: number;
  yesNo: number;
  meanLength: number;
  distinct: number;
}

const classify = actorMatcher();

function facts(profile: ColumnProfile): ColumnFacts {
  const values = profile.samples.map((s) => s.trim()).filter((s) => !isNullToken(s));
  const share = (test: (v: string) => boolean) => (values.length ? values.filter(test).length / values.length : 0);
  const header = normaliseWords(profile.name);
  return {
    name: profile.name,
    header,
    values,
    date: detectDateFormat(values, { allowSerial: /date|reported|occurred|opened|created/.test(header) }),
    wholeNumbers: share((v) => /^[+-]?\d{1,3}([ ,_']?\d{3})*(\.0*)?$|^[+-]?\d+(\.0*)?$/.test(v)),
    actorWords: share((v) => classify(v).problem === null && classify(v).actors.length > 0),
    yesNo: share((v) => YES_WORDS.includes(v.toLowerCase()) || NO_WORDS.includes(v.toLowerCase())),
    meanLength: values.length ? values.reduce((n, v) => n + v.length, 0) / values.length : 0,
    distinct: new Set(values).size,
  };
}

/** How well a header name suggests a field: exact synonym 10, synonym as whole words inside it 6. */
function headerScore(field: MappableField, header: string): number {
  let best = 0;
  for (const synonym of FIELD_SYNONYMS[field]) {
    if (header === synonym) return 10;
    if (synonym.length >= 3 && ` ${header} `.includes(` ${synonym} `)) best = Math.max(best, 6);
  }
  return best;
}

/** Whether the values can be this field at all, and a bonus when they look like it. */
function valueScore(field: MappableField, c: ColumnFacts): number {
  if (c.values.length === 0) return 0;
  switch (field) {
    case 'reported_date':
    case 'incident_date':
      return (c.date?.fit ?? 0) >= 0.8 ? 3 : -100;
    case 'records_affected':
      return c.wholeNumbers >= 0.8 ? 3 : -100;
    case 'actor':
      return c.actorWords >= 0.6 ? 5 : c.actorWords >= 0.3 ? 0 : -100;
    case 'business_associate':
      return c.yesNo >= 0.9 ? 3 : -100;
    case 'description':
      return c.meanLength >= 30 ? 3 : 0;
    case 'country':
      return c.values.every((v) => v.length <= 40) ? 0 : -100;
    case 'case_id':
      return c.distinct === c.values.length ? 2 : -3;
    default:
      return 0;
  }
}

/** Header-less files (column0, column1, ...) are mapped from their values alone. */
function valueOnlyField(c: ColumnFacts, taken: Set<MappableField>): MappableField | null {
  if (c.values.length === 0) return null;
  if ((c.date?.fit ?? 0) >= 0.9 && c.date?.format !== 'excel_serial') return !taken.has('reported_date') ? 'reported_date' : !taken.has('incident_date') ? 'incident_date' : null;
  if (c.actorWords >= 0.8) return 'actor';
  if (c.meanLength >= 40) return 'description';
  return null;
}

export interface DetectedMapping {
  mapping: Mapping;
  /** One line per mapped field saying why, plus anything to check. */
  notes: string[];
}

/** A first mapping from names and values; the user reviews it in the preview before importing. */
export function detectMapping(profiles: readonly ColumnProfile[], reader: ReaderOptions, sourceName?: string): DetectedMapping {
  const columns = profiles.map(facts);
  const candidates: { field: MappableField; column: ColumnFacts; score: number; why: string }[] = [];
  for (const column of columns) {
    for (const field of MAPPABLE_FIELDS) {
      const fromHeader = headerScore(field, column.header);
      if (fromHeader === 0) continue;
      const score = fromHeader + valueScore(field, column);
      if (score >= 5) candidates.push({ field, column, score, why: fromHeader === 10 ? 'header name' : 'header words' });
    }
  }
  // Best pairs first; each field and each column used once.
  candidates.sort((a, b) => b.score - a.score || MAPPABLE_FIELDS.indexOf(a.field) - MAPPABLE_FIELDS.indexOf(b.field));
  const fields: Mapping['fields'] = {};
  const taken = new Set<MappableField>();
  const used = new Set<string>();
  const notes: string[] = [];
  const assign = (field: MappableField, column: ColumnFacts, why: string) => {
    taken.add(field);
    used.add(column.name);
    fields[field] = { column: column.name };
    if (field === 'reported_date' || field === 'incident_date') {
      const format = column.date?.format ?? 'iso';
      fields[field] = { column: column.name, format };
      if (column.date?.ambiguous) {
        notes.push(`${field}: every day in "${column.name}" is 12 or less, so day and month cannot be told apart; read as ${format}. Change the format if the dates are the other way round.`);
      }
    }
    notes.push(`${field} <- "${column.name}" (${why})`);
  };
  for (const c of candidates) {
    if (!taken.has(c.field) && !used.has(c.column.name)) assign(c.field, c.column, c.why);
  }
  for (const column of columns) {
    if (used.has(column.name)) continue;
    const field = valueOnlyField(column, taken);
    if (field) assign(field, column, 'values');
  }
  // A log with only one date: treat it as the reported date, which the dashboard's date filter uses.
  if (!fields.reported_date && fields.incident_date) {
    notes.push('Only one date column: it is used as the incident date; the dashboard\'s date filter uses the reported date, so map it there too if that is what it is.');
  }
  const mapping: Mapping = { version: 1, reader, fields, actorWords: {}, invalidValues: 'reject_row' };
  if (sourceName) mapping.sourceName = sourceName;
  return { mapping, notes };
}
