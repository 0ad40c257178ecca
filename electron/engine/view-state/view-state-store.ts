import { VIEW_STATE_VERSION, type ViewState } from '../../../shared/api';
import type { Database } from '../db/database';
import { migrateViewState, type MigratedViewState } from './migrate-view-state';

/** One saved state per workspace for now; the name leaves room for named views later. */
const DEFAULT_NAME = 'default';

export async function loadViewState(db: Database): Promise<MigratedViewState & { savedAt: string | null }> {
  const [row] = await db.rows<{ state: string; saved_at: string }>(
    `SELECT state, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at FROM bw_view_state WHERE name = $name`,
    { name: DEFAULT_NAME },
  );
  if (!row) return { state: null, notes: [], savedAt: null };
  let raw: unknown;
  try {
    raw = JSON.parse(row.state);
  } catch {
    return { state: null, notes: ['The saved view state was unreadable; starting afresh.'], savedAt: row.saved_at };
  }
  return { ...migrateViewState(raw), savedAt: row.saved_at };
}

export async function saveViewState(db: Database, state: ViewState): Promise<string> {
  const rows = await db.rows<{ saved_at: string }>(
    `INSERT OR REPLACE INTO bw_view_state (name, version, state, saved_at) VALUES ($name, $version, $state, current_timestamp)
     RETURNING strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at`,
    { name: DEFAULT_NAME, version: VIEW_STATE_VERSION, state: JSON.stringify(state) },
  );
  return rows[0]?.saved_at ?? new Date().toISOString().slice(0, 19);
}
