import type { Filters } from '../../../shared/filters';
import type { Chip } from '../filters/filter-chips';
import { removeChip } from '../filters/filter-chips';
import {
  clearFilters,
  setBusinessAssociate,
  setDateRange,
  setMinRecords,
  setText,
  toggleListValue,
  toggleMonth,
  toggleYear,
} from '../filters/filter-edits';
import type { ListField } from '../filters/filter-labels';
import type { AppState } from '../state/app-state';
import { primary, type Action } from './action';

const withFilters = (state: AppState, filters: Filters): AppState => (filters === state.filters ? state : { ...state, filters });

/** Cross-filtering: a click on a bar, slice or state adds its value (and a second click removes it). */
export const toggleFilterValue: Action<{ field: ListField; value: string }> = {
  name: 'toggleFilterValue',
  label: 'Filter by this value',
  perform: (state, { field, value }) => withFilters(state, toggleListValue(state.filters, field, value)),
};

export const toggleYearFilter: Action<number> = {
  name: 'toggleYearFilter',
  label: 'Filter by this year',
  perform: (state, year) => withFilters(state, toggleYear(state.filters, year)),
};

export const toggleMonthFilter: Action<string> = {
  name: 'toggleMonthFilter',
  label: 'Filter by this month',
  perform: (state, month) => withFilters(state, toggleMonth(state.filters, month)),
};

export const removeFilterChip: Action<Chip> = {
  name: 'removeFilterChip',
  label: 'Remove filter',
  perform: (state, chip) => withFilters(state, removeChip(state.filters, chip)),
};

export const clearAllFilters: Action = {
  name: 'clearAllFilters',
  label: 'Clear all filters',
  shortcut: 'Ctrl+Shift+Backspace',
  keyTest: (e) => primary(e) && e.shiftKey && e.key === 'Backspace',
  perform: (state) => ({ ...state, filters: clearFilters(), drill: null }),
};

export const setSearchText: Action<string> = {
  name: 'setSearchText',
  label: 'Search descriptions and names',
  perform: (state, text) => withFilters(state, setText(state.filters, text)),
};

export const setReportedRange: Action<{ from?: string | undefined; to?: string | undefined }> = {
  name: 'setReportedRange',
  label: 'Reported between',
  perform: (state, { from, to }) => withFilters(state, setDateRange(state.filters, from, to)),
};

export const setMinimumPeople: Action<number | undefined> = {
  name: 'setMinimumPeople',
  label: 'At least this many people affected',
  perform: (state, min) => withFilters(state, setMinRecords(state.filters, min)),
};

export const setBusinessAssociateFilter: Action<boolean | undefined> = {
  name: 'setBusinessAssociateFilter',
  label: 'Business associate involved',
  perform: (state, value) => withFilters(state, setBusinessAssociate(state.filters, value)),
};
