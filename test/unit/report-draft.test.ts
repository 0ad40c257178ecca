import { describe, expect, it } from 'vitest';
import { filtersSchema } from '../../shared/filters';
import { reportSchema } from '../../shared/report';
import { addItem, draftProblem, emptyDraft, moveItem, removeItem, setDetails, updateItem } from '../../renderer/src/reports/report-draft';

const none = filtersSchema.parse({});
const ca = filtersSchema.parse({ states: ['CA'] });

describe('report builder edits', () => {
  it('adds charts with the filters of the moment, reorders, edits and removes them', () => {
    let d = emptyDraft();
    expect(draftProblem(d)).toBe('Add at least one chart.');
    d = addItem(d, 'breaches_per_year', none, 'a');
    d = addItem(d, 'breaches_by_state', ca, 'b');
    d = addItem(d, 'largest_breaches', none, 'c');
    expect(d.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(d.items[1]!.filters.states).toEqual(['CA']);
    d = moveItem(d, 'c', -1);
    expect(d.items.map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(moveItem(d, 'a', -1)).toBe(d);
    expect(moveItem(d, 'b', 1)).toBe(d);
    d = updateItem(d, 'b', { title: 'California', text: 'Most reports come from here.', filters: none });
    expect(d.items[2]).toMatchObject({ title: 'California', text: 'Most reports come from here.', filters: none });
    d = removeItem(d, 'a');
    expect(d.items.map((i) => i.id)).toEqual(['c', 'b']);
    d = setDetails(d, { title: 'Board pack', author: 'Jo', tlp: 'TLP:AMBER', name: 'Board' });
    expect(draftProblem(d)).toBeNull();
    // What the builder holds is what the engine accepts.
    expect(reportSchema.safeParse(d).success).toBe(true);
  });

  it('says what stops a save', () => {
    const d = addItem(emptyDraft(), 'breaches_per_year', none, 'a');
    expect(draftProblem(setDetails(d, { title: ' ' }))).toBe('Give the report a title.');
    expect(draftProblem(setDetails(d, { name: '' }))).toBe('Give the report a name to save it under.');
    expect(draftProblem(setDetails(d, { name: 'a/b' }))).toBe('A report name may not hold slashes or control characters.');
  });
});
