import { useEffect, useMemo, useState } from 'react';
import type { FilterOptions } from '../../../shared/api';
import { ACTORS, HICP_THREATS } from '../../../shared/schema';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { clearAllFilters, removeFilterChip, setBusinessAssociateFilter, setMinimumPeople, setReportedRange, setSearchText, toggleFilterValue } from '../actions/filters';
import { filterChips } from '../filters/filter-chips';
import { FIELD_LABELS, LIST_FIELDS, valueLabel, type ListField } from '../filters/filter-labels';
import { useAppState, useDispatch } from '../state/store';

const SEARCH_DELAY_MS = 300;

/**
 * The app's one filter state, shown and edited: removable chips for what is active, and controls to
 * add more. Charts add chips too, by cross-filtering.
 */
export function FilterBar() {
  const api = useApi();
  const dispatch = useDispatch();
  const filters = useAppState((s) => s.filters);
  const chips = filterChips(filters);
  const options = useQuery('filter-options', () => api.filterOptions({}));

  // The box follows the filter when a chip or a restored view changes it (adjusting state while rendering).
  const [text, setText] = useState(filters.text ?? '');
  const [seenText, setSeenText] = useState(filters.text);
  if (seenText !== filters.text) {
    setSeenText(filters.text);
    setText(filters.text ?? '');
  }
  useEffect(() => {
    if ((filters.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => dispatch(setSearchText, text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, dispatch]);

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-controls">
        <label className="filter-field grow">
          <span>Search</span>
          <input type="search" value={text} placeholder="Names or descriptions" onChange={(e) => setText(e.target.value)} data-testid="filter-search" />
        </label>
        <label className="filter-field">
          <span>Reported</span>
          <input type="date" aria-label="Reported from" value={filters.dateFrom ?? ''} onChange={(e) => dispatch(setReportedRange, { from: e.target.value, to: filters.dateTo })} />
        </label>
        <label className="filter-field">
          <span>to</span>
          <input type="date" aria-label="Reported to" value={filters.dateTo ?? ''} onChange={(e) => dispatch(setReportedRange, { from: filters.dateFrom, to: e.target.value })} />
        </label>
        <MinPeopleInput value={filters.minRecords} onChange={(v) => dispatch(setMinimumPeople, v)} />
        <label className="filter-field">
          <span>Business associate</span>
          <select
            value={filters.businessAssociate === undefined ? '' : String(filters.businessAssociate)}
            onChange={(e) => dispatch(setBusinessAssociateFilter, e.target.value === '' ? undefined : e.target.value === 'true')}
          >
            <option value="">Any</option>
            <option value="true">Involved</option>
            <option value="false">Not involved</option>
          </select>
        </label>
        <AddFilter options={options.value} onAdd={(field, value) => dispatch(toggleFilterValue, { field, value })} />
      </div>
      <div className="chips" aria-live="polite">
        {chips.length === 0 ? (
          <span className="muted">No filters: all records. Click a bar, slice or state to filter.</span>
        ) : (
          <>
            <ul className="chip-list" aria-label="Active filters">
              {chips.map((chip) => (
                <li key={chip.id} className="chip">
                  <span>{chip.label}</span>
                  <button type="button" className="chip-remove" aria-label={`Remove filter ${chip.label}`} onClick={() => dispatch(removeFilterChip, chip)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="link-button" onClick={() => dispatch(clearAllFilters, undefined)} title={`${clearAllFilters.label} (${clearAllFilters.shortcut})`}>
              Clear all
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function MinPeopleInput({ value, onChange }: { value: number | undefined; onChange: (v: number | undefined) => void }) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value === undefined ? '' : String(value));
  }
  const commit = () => {
    const n = Number(draft.replaceAll(',', ''));
    onChange(draft.trim() === '' || !Number.isFinite(n) ? undefined : n);
  };
  return (
    <label className="filter-field narrow">
      <span>People ≥</span>
      <input
        type="text"
        inputMode="numeric"
        aria-label="At least this many people affected"
        value={draft}
        placeholder="any"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

/** Field, then value (with how many records have it); choosing a value adds the filter. */
function AddFilter({ options, onAdd }: { options: FilterOptions | undefined; onAdd: (field: ListField, value: string) => void }) {
  const [field, setField] = useState<ListField>('states');
  const values = useMemo(() => {
    const found = options?.find((o) => o.field === field)?.values ?? [];
    if (field === 'actors') return found.filter((v) => (ACTORS as readonly string[]).includes(v.value));
    if (field === 'threats') return found.filter((v) => (HICP_THREATS as readonly string[]).includes(v.value));
    return found;
  }, [options, field]);
  return (
    <div className="filter-field add-filter" role="group" aria-label="Add a filter">
      <span>Add filter</span>
      <div className="add-filter-row">
        <select aria-label="Filter field" value={field} onChange={(e) => setField(e.target.value as ListField)}>
          {LIST_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </select>
        <select
          aria-label={`${FIELD_LABELS[field]} value`}
          value=""
          disabled={values.length === 0}
          onChange={(e) => {
            if (e.target.value) onAdd(field, e.target.value);
          }}
        >
          <option value="">{values.length ? 'Choose…' : 'No values'}</option>
          {values.map((v) => (
            <option key={v.value} value={v.value}>
              {valueLabel(field, v.value)} ({v.count.toLocaleString('en-US')})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
