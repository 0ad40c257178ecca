import type { Filters } from '../../../shared/filters';
import { FIELD_LABELS, LIST_FIELDS, valueLabel, type ListField } from './filter-labels';
import { removeListValue } from './filter-edits';

export type Chip =
  | { kind: 'list'; id: string; field: ListField; value: string; label: string }
  | { kind: 'dates' | 'businessAssociate' | 'minRecords' | 'text'; id: string; label: string };

const number = new Intl.NumberFormat('en-US');

/** One removable chip per active filter value, in the order the filter bar shows them. */
export function filterChips(filters: Filters): Chip[] {
  const chips: Chip[] = [];
  if (filters.dateFrom || filters.dateTo) chips.push({ kind: 'dates', id: 'dates', label: dateLabel(filters.dateFrom, filters.dateTo) });
  for (const field of LIST_FIELDS) {
    for (const value of filters[field] as string[]) {
      chips.push({ kind: 'list', id: `${field}:${value}`, field, value, label: `${FIELD_LABELS[field]}: ${valueLabel(field, value)}` });
    }
  }
  if (filters.businessAssociate !== undefined) {
    chips.push({ kind: 'businessAssociate', id: 'ba', label: filters.businessAssociate ? 'Business associate involved' : 'No business associate' });
  }
  if (filters.minRecords !== undefined) chips.push({ kind: 'minRecords', id: 'min', label: `At least ${number.format(filters.minRecords)} people` });
  if (filters.text) chips.push({ kind: 'text', id: 'text', label: `Text: “${filters.text}”` });
  return chips;
}

export function removeChip(filters: Filters, chip: Chip): Filters {
  switch (chip.kind) {
    case 'list':
      return removeListValue(filters, chip.field, chip.value);
    case 'dates':
      return { ...filters, dateFrom: undefined, dateTo: undefined };
    case 'businessAssociate':
      return { ...filters, businessAssociate: undefined };
    case 'minRecords':
      return { ...filters, minRecords: undefined };
    case 'text':
      return { ...filters, text: undefined };
  }
}

/** "2023" for a whole year, "Feb 2024" for a whole month, otherwise the dates. */
export function dateLabel(from: string | undefined, to: string | undefined): string {
  if (from && to) {
    const year = /^(\d{4})-01-01$/.exec(from)?.[1];
    if (year && to === `${year}-12-31`) return `Reported in ${year}`;
    const month = /^(\d{4})-(\d{2})-01$/.exec(from);
    if (month && to.startsWith(`${month[1]}-${month[2]}-`) && isMonthEnd(to)) {
      const name = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      return `Reported in ${name} ${month[1]}`;
    }
    return `Reported ${from} to ${to}`;
  }
  return from ? `Reported from ${from}` : `Reported until ${to}`;
}

function isMonthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

export function hasFilters(filters: Filters): boolean {
  return filterChips(filters).length > 0;
}
