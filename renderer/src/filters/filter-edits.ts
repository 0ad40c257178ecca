import { EMPTY_FILTERS, type Filters } from '../../../shared/filters';
import type { ListField } from './filter-labels';

/**
 * Pure edits of the one filter state. Cross-filtering toggles: clicking the same bar twice removes
 * the filter it added, as people expect from a dashboard.
 */
export function toggleListValue(filters: Filters, field: ListField, value: string): Filters {
  const current = filters[field] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [field]: next };
}

export function addListValue(filters: Filters, field: ListField, value: string): Filters {
  const current = filters[field] as string[];
  return current.includes(value) ? filters : { ...filters, [field]: [...current, value] };
}

export function removeListValue(filters: Filters, field: ListField, value: string): Filters {
  return { ...filters, [field]: (filters[field] as string[]).filter((v) => v !== value) };
}

/** A whole calendar year as a date range; clicking the year that is already the range clears it. */
export function toggleYear(filters: Filters, year: number): Filters {
  const range = yearRange(year);
  if (filters.dateFrom === range.dateFrom && filters.dateTo === range.dateTo) return { ...filters, dateFrom: undefined, dateTo: undefined };
  return { ...filters, ...range };
}

/** A calendar month ("2024-02") as a date range. */
export function toggleMonth(filters: Filters, month: string): Filters {
  const range = monthRange(month);
  if (filters.dateFrom === range.dateFrom && filters.dateTo === range.dateTo) return { ...filters, dateFrom: undefined, dateTo: undefined };
  return { ...filters, ...range };
}

export function yearRange(year: number): { dateFrom: string; dateTo: string } {
  return { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` };
}

export function monthRange(month: string): { dateFrom: string; dateTo: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { dateFrom: `${month}-01`, dateTo: `${month}-${String(last).padStart(2, '0')}` };
}

export function setDateRange(filters: Filters, dateFrom: string | undefined, dateTo: string | undefined): Filters {
  return { ...filters, dateFrom: dateFrom || undefined, dateTo: dateTo || undefined };
}

export function setText(filters: Filters, text: string): Filters {
  const trimmed = text.slice(0, 200);
  return { ...filters, text: trimmed.trim() ? trimmed : undefined };
}

export function setMinRecords(filters: Filters, min: number | undefined): Filters {
  return { ...filters, minRecords: min === undefined || !Number.isFinite(min) || min <= 0 ? undefined : Math.floor(min) };
}

export function setBusinessAssociate(filters: Filters, value: boolean | undefined): Filters {
  return { ...filters, businessAssociate: value };
}

export function clearFilters(): Filters {
  return EMPTY_FILTERS;
}
