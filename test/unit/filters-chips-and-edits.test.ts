import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersSchema } from '../../shared/filters';
import { filterChips, hasFilters, removeChip } from '../../renderer/src/filters/filter-chips';
import { monthRange, setMinRecords, setText, toggleListValue, toggleMonth, toggleYear } from '../../renderer/src/filters/filter-edits';

describe('filter edits', () => {
  it('toggles a cross-filter value on and off again', () => {
    const once = toggleListValue(EMPTY_FILTERS, 'states', 'CA');
    expect(once.states).toEqual(['CA']);
    expect(toggleListValue(once, 'states', 'TX').states).toEqual(['CA', 'TX']);
    expect(toggleListValue(once, 'states', 'CA').states).toEqual([]);
  });

  it('turns a clicked year or month into a reporting date range, and a second click clears it', () => {
    const y = toggleYear(EMPTY_FILTERS, 2023);
    expect([y.dateFrom, y.dateTo]).toEqual(['2023-01-01', '2023-12-31']);
    expect(toggleYear(y, 2023).dateFrom).toBeUndefined();
    expect(monthRange('2024-02')).toEqual({ dateFrom: '2024-02-01', dateTo: '2024-02-29' });
    expect(monthRange('2023-02').dateTo).toBe('2023-02-28');
    expect(toggleMonth(EMPTY_FILTERS, '2024-12').dateTo).toBe('2024-12-31');
  });

  it('keeps only filters the engine accepts', () => {
    expect(setMinRecords(EMPTY_FILTERS, -5).minRecords).toBeUndefined();
    expect(setMinRecords(EMPTY_FILTERS, 1000.7).minRecords).toBe(1000);
    expect(setText(EMPTY_FILTERS, '   ').text).toBeUndefined();
    expect(setText(EMPTY_FILTERS, 'x'.repeat(500)).text).toHaveLength(200);
    const edited = setMinRecords(toggleYear(toggleListValue(EMPTY_FILTERS, 'actors', 'internal'), 2020), 500);
    expect(filtersSchema.safeParse(edited).success).toBe(true);
  });
});

describe('filter chips', () => {
  const filters = {
    ...EMPTY_FILTERS,
    dateFrom: '2023-01-01',
    dateTo: '2023-12-31',
    states: ['CA'],
    actors: ['internal' as const],
    threats: ['ransomware' as const],
    businessAssociate: true,
    minRecords: 10000,
    text: 'laptop',
  };

  it('shows one readable chip per active value', () => {
    expect(filterChips(filters).map((c) => c.label)).toEqual([
      'Reported in 2023',
      'State: California',
      'Actor: Insider',
      'HICP threat: Ransomware',
      'Business associate involved',
      'At least 10,000 people',
      'Text: “laptop”',
    ]);
    expect(filterChips({ ...EMPTY_FILTERS, dateFrom: '2024-02-01', dateTo: '2024-02-29' })[0]!.label).toBe('Reported in Feb 2024');
    expect(filterChips({ ...EMPTY_FILTERS, dateFrom: '2024-02-03' })[0]!.label).toBe('Reported from 2024-02-03');
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('removes exactly the chip clicked', () => {
    const chips = filterChips(filters);
    const state = chips.find((c) => c.id === 'states:CA')!;
    expect(removeChip(filters, state).states).toEqual([]);
    expect(removeChip(filters, state).actors).toEqual(['internal']);
    const dates = chips.find((c) => c.kind === 'dates')!;
    expect(removeChip(filters, dates)).toMatchObject({ dateFrom: undefined, dateTo: undefined, minRecords: 10000 });
    let all = filters as typeof EMPTY_FILTERS;
    for (const chip of chips) all = removeChip(all, chip);
    expect(hasFilters(all)).toBe(false);
  });
});
