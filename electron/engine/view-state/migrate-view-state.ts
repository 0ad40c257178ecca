import { VIEW_STATE_VERSION, viewStateSchema, type ViewState } from '../../../shared/api';
import { filtersSchema } from '../../../shared/filters';

/**
 * One step forward in the saved view state's shape. When the shape changes, bump
 * VIEW_STATE_VERSION in shared/api.ts and append the step from the old version here; never edit a
 * step that has shipped (Perspective's `migrate/` files work the same way).
 */
interface ViewStateStep {
  from: number;
  migrate(state: Record<string, unknown>): Record<string, unknown>;
}

export const VIEW_STATE_STEPS: ViewStateStep[] = [];

export interface MigratedViewState {
  state: ViewState | null;
  notes: string[];
}

/**
 * Reads a saved view state of any version and brings it to the current one. What cannot be read is
 * dropped with a note, value by value where possible (a filter on an actor kind that no longer
 * exists), so one stale value never costs the user the rest of their view.
 */
export function migrateViewState(raw: unknown, steps: readonly ViewStateStep[] = VIEW_STATE_STEPS): MigratedViewState {
  const notes: string[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { state: null, notes: ['The saved view state was unreadable; starting afresh.'] };
  let state = { ...(raw as Record<string, unknown>) };
  let version = typeof state.version === 'number' ? state.version : 0;
  if (version > VIEW_STATE_VERSION) {
    return { state: null, notes: [`The saved view state was written by a newer version (${version}); starting afresh.`] };
  }
  while (version < VIEW_STATE_VERSION) {
    const step = steps.find((s) => s.from === version);
    if (!step) return { state: null, notes: [`No migration from saved view state version ${version}; starting afresh.`] };
    state = { ...step.migrate(state), version: version + 1 };
    version += 1;
  }
  state.filters = readableFilters(state.filters, notes);
  const parsed = viewStateSchema.safeParse(state);
  if (parsed.success) return { state: parsed.data, notes };
  // Keep what is valid: the filters were already cleaned, so fall back field by field.
  const fallback = viewStateSchema.parse({ version: VIEW_STATE_VERSION, filters: state.filters });
  for (const key of ['view', 'charts', 'theme', 'sql', 'recentFiles'] as const) {
    const attempt = viewStateSchema.safeParse({ ...fallback, [key]: state[key] });
    if (attempt.success) Object.assign(fallback, { [key]: attempt.data[key] });
    else notes.push(`The saved ${key} setting could not be read and was reset.`);
  }
  return { state: fallback, notes };
}

/** The saved filters with every value that no longer validates dropped (and named in a note). */
function readableFilters(raw: unknown, notes: string[]): unknown {
  if (!raw || typeof raw !== 'object') return {};
  const whole = filtersSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const shape = filtersSchema.shape[key as keyof typeof filtersSchema.shape];
    if (!shape) {
      notes.push(`The saved filter "${key}" is no longer known and was dropped.`);
      continue;
    }
    if (Array.isArray(value)) {
      const good = value.filter((item) => shape.safeParse([item]).success);
      if (good.length < value.length) notes.push(`Some saved ${key} values are no longer valid and were dropped.`);
      kept[key] = good;
    } else if (shape.safeParse(value).success) kept[key] = value;
    else notes.push(`The saved filter "${key}" was not valid and was dropped.`);
  }
  return filtersSchema.parse(kept);
}
